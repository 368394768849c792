import { describe, expect, it } from 'vitest'
import { matchMembershipNumber } from './credit-matching'
import { paymentMethodAfterReturn, standardReturnReasons } from './return-reasons'

const members = new Set([10042, 123456, 12345, 4711])
const exists = (n: number) => members.has(n)

describe('matchMembershipNumber (handbook §6.7, D16)', () => {
  it('finds a 5- or 6-digit number with [0-9]{5,6}', () => {
    expect(matchMembershipNumber('Beitrag 2027 Mitgl 10042', { pattern: '[0-9]{5,6}', numberPattern: null }, exists)).toEqual({
      outcome: 'matched',
      membershipNumber: 10042,
    })
    expect(matchMembershipNumber('Nr 123456 Beitrag', { pattern: '[0-9]{5,6}', numberPattern: null }, exists)).toEqual({
      outcome: 'matched',
      membershipNumber: 123456,
    })
  })

  it('applies GSRegExpMNr inside each match: AB[0-9]{6,6}CD then [0-9]{5,5}', () => {
    expect(matchMembershipNumber('Zahlung AB123456CD danke', { pattern: 'AB[0-9]{6,6}CD', numberPattern: '[0-9]{5,5}' }, exists)).toEqual({
      outcome: 'matched',
      membershipNumber: 12345,
    })
  })

  it('books nothing when several distinct numbers result', () => {
    expect(matchMembershipNumber('10042 und 12345', { pattern: '[0-9]{5,6}', numberPattern: null }, exists)).toEqual({
      outcome: 'ambiguous',
      candidates: ['10042', '12345'],
    })
  })

  it('one number written twice is one value', () => {
    expect(matchMembershipNumber('10042 Beitrag 10042', { pattern: '[0-9]{5,6}', numberPattern: null }, exists).outcome).toBe('matched')
    expect(matchMembershipNumber('010042 Beitrag 10042', { pattern: '[0-9]{5,6}', numberPattern: null }, exists).outcome).toBe('matched')
  })

  it('leaves unknown numbers and texts without a number for manual assignment', () => {
    expect(matchMembershipNumber('Mitglied 99999', { pattern: '[0-9]{5,6}', numberPattern: null }, exists)).toEqual({
      outcome: 'unknown-number',
      candidates: ['99999'],
    })
    expect(matchMembershipNumber('Beitrag Meier', { pattern: '[0-9]{5,6}', numberPattern: null }, exists)).toEqual({ outcome: 'none' })
  })

  it('accepts handbook-style patterns with escapes such as Nr\\-[0-9]{5}', () => {
    expect(matchMembershipNumber('Nr-12345 Beitrag', { pattern: 'Nr\\-[0-9]{5}', numberPattern: '[0-9]{5}' }, exists)).toEqual({
      outcome: 'matched',
      membershipNumber: 12345,
    })
  })

  it('counts the text around a 5-digit pattern as written: 123456 holds one 5-digit match', () => {
    expect(matchMembershipNumber('123456', { pattern: '[0-9]{5,5}', numberPattern: null }, exists)).toEqual({
      outcome: 'matched',
      membershipNumber: 12345,
    })
  })
})

describe('return reasons (handbook §9.10.4)', () => {
  it('switches per the table; no reason or an unknown one changes nothing', () => {
    const table = [
      { code: 'MD06', switchTo: 'invoice' as const },
      { code: 'AG02', switchTo: null },
    ]
    expect(paymentMethodAfterReturn('MD06', table)).toBe('invoice')
    expect(paymentMethodAfterReturn('md06', table)).toBe('invoice')
    expect(paymentMethodAfterReturn('AG02', table)).toBeNull()
    expect(paymentMethodAfterReturn(null, table)).toBeNull()
    expect(paymentMethodAfterReturn('ZZ99', table)).toBeNull()
  })

  it('ships the EPC codes with meanings, each once', () => {
    const codes = standardReturnReasons.map((r) => r.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of [
      'AC01',
      'AC04',
      'AC06',
      'AG01',
      'AG02',
      'AM04',
      'AM05',
      'BE05',
      'FF01',
      'MD01',
      'MD02',
      'MD06',
      'MD07',
      'MS02',
      'MS03',
      'SL01',
      'RC01',
      'RR01',
      'RR04',
    ]) {
      expect(codes).toContain(code)
    }
  })
})
