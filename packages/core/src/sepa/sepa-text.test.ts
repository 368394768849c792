import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { isSepaText, transliterateToSepa } from './sepa-text'

describe('SEPA character set (spec/sepa.md §3.8)', () => {
  it.each([
    ['Jürgen Größe', 'Juergen Groesse'],
    ['ÄÖÜ äöü ß', 'AEOEUE aeoeue ss'],
    ['Renée Çelik', 'Renee Celik'],
    ['Müller & Söhne', 'Mueller + Soehne'],
    ['Beitrag 2026/Q1 (Nr. 17)', 'Beitrag 2026/Q1 (Nr. 17)'],
  ])('%s → %s', (input, output) => expect(transliterateToSepa(input)).toEqual({ text: output, rejected: [] }))

  it('reports characters it cannot transliterate', () => {
    expect(transliterateToSepa('Beitrag €5 @club')).toEqual({ text: 'Beitrag 5 club', rejected: ['€', '@'] })
  })

  test.prop([fc.string({ unit: 'binary' })])('output is always in the SEPA set', (text) => {
    expect(isSepaText(transliterateToSepa(text).text)).toBe(true)
  })
})
