import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { defaultTemplates } from './default-templates'
import { formatGermanAmount } from '../money/german-amount'
import { formatGermanDate } from '../calendar/german-date'
import { checkTemplate, renderLetter } from './render-letter'
import type { LetterData } from './letter-data'

const data: LetterData = {
  club: { name: 'Mieterverein Köln e. V.', address: { street: 'Domplatz 1', postcode: '50667', city: 'Köln', country: 'DE' } },
  member: { number: 10042, salutation: 'Sehr geehrte Frau Muster,', name: 'Erika Muster' },
  address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' },
  letter: { number: 7, date: '2025-03-05' },
  openItems: [{ date: '2025-01-15', text: 'Mitgliedsbeitrag 2025', open: 9600 }],
  amounts: { openTotal: 9600, fee: 300, total: 9900 },
  dunning: { level: 2, text: '1. Mahnung' },
}

describe('German formats', () => {
  it('formats amounts and dates', () => {
    expect(formatGermanAmount(123456789)).toBe('1.234.567,89\u00a0€')
    expect(formatGermanAmount(-5, { currency: false })).toBe('-0,05')
    expect(formatGermanAmount(123456789, { currency: false, grouping: false })).toBe('1234567,89')
    expect(formatGermanDate('2025-03-05')).toBe('05.03.2025')
  })
  test.prop([fc.integer({ min: -1e12, max: 1e12 })])('an amount reads back to the same cents', (cents) => {
    const text = formatGermanAmount(cents, { currency: false })
    expect(Math.round(Number(text.replaceAll('.', '').replace(',', '.')) * 100)).toBe(cents)
  })
})

describe('rendering a letter', () => {
  it('fills the default dunning template: subject, recipient, open items, fee and total', () => {
    const letter = renderLetter(defaultTemplates.dunning, data)
    expect(letter.subject).toBe('1. Mahnung Nr. 7 – Mitgliedsnummer 10042')
    expect(letter.recipient).toEqual(['Erika Muster', 'Heidestraße 17', '51147 Köln'])
    expect(letter.date).toBe('05.03.2025')
    expect(letter.blocks).toContainEqual({
      type: 'table',
      header: ['Datum', 'Buchungstext', 'Offen'],
      rows: [['15.01.2025', 'Mitgliedsbeitrag 2025', '96,00\u00a0€']],
      footer: [
        ['', 'Offener Betrag', '96,00\u00a0€'],
        ['', 'Mahngebühr', '3,00\u00a0€'],
        ['', 'Zu zahlen', '99,00\u00a0€'],
      ],
    })
    expect(letter.emailText).toContain('„1. Mahnung Nr. 7 – Mitgliedsnummer 10042“')
  })

  it('inserts text blocks and refuses unknown placeholders and blocks at saving', () => {
    const template = { ...defaultTemplates.general, blocks: [{ type: 'text-block' as const, name: 'Bankverbindung' }] }
    const blocks = [{ name: 'Bankverbindung', text: 'IBAN DE89 … für {{member.name}}' }]
    expect(renderLetter(template, data, blocks).blocks).toEqual([{ type: 'paragraph', text: 'IBAN DE89 … für Erika Muster', bold: false }])
    expect(() => checkTemplate(template, blocks)).not.toThrow()
    expect(() => checkTemplate(template, [])).toThrow(expect.objectContaining({ code: 'TEMPLATE_PLACEHOLDER_UNKNOWN' }))
    const typo = { ...defaultTemplates.general, subject: 'Hallo {{member.nmae}}' }
    expect(() => checkTemplate(typo, [])).toThrow(expect.objectContaining({ message: expect.stringContaining('{{member.nmae}}') }))
  })

  it('checks every built-in template', () => {
    for (const template of Object.values(defaultTemplates)) expect(() => checkTemplate(template, [])).not.toThrow()
  })
})
