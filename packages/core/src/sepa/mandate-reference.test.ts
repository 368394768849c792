import { describe, expect, it } from 'vitest'
import {
  checkMandateReference,
  generateMandateReference,
  isValidMandateReference,
  mandateReferenceKey,
  nextMandateReference,
} from './mandate-reference'

describe('mandate reference (the SEPA rulebook)', () => {
  it.each(['VK-1042-1', 'a', "A+?/-:().,' b", 'X'.repeat(35)])('%j is valid', (ref) => expect(checkMandateReference(ref)).toBeUndefined())
  it.each([
    ['', 'empty'],
    ['X'.repeat(36), 'too-long'],
    ['MÜLLER-1', 'invalid-character'],
    ['A_B', 'invalid-character'],
    ['A&B', 'invalid-character'],
    ['/AB', 'slash-position'],
    ['AB/', 'slash-position'],
    ['A//B', 'slash-position'],
  ])('%j is refused: %s', (ref, problem) => expect(checkMandateReference(ref)).toBe(problem))

  it('compares case-insensitively like the banks', () => {
    expect(mandateReferenceKey('123AAa45678')).toBe(mandateReferenceKey('123aaA45678'))
  })

  it('generates references from [A-Z0-9-] only', () => {
    const ref = generateMandateReference('tsv Ölb_ach', 1042, 2)
    expect(ref).toBe('TSVLBACH-1042-2')
    expect(isValidMandateReference(ref)).toBe(true)
  })

  it('gives the next reference after the highest one taken for the number', () => {
    expect(nextMandateReference('vk', 1042, [])).toBe('VK-1042-1')
    expect(nextMandateReference('VK', 1042, ['VK-1042-1', 'vk-1042-3', 'VK-10421-7'])).toBe('VK-1042-4')
  })
})
