import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import { checkIban, formatIban, ibanLengthFor, normalizeIban } from './iban'
import { germanIban } from '../../test/arbitraries'

describe('IBAN', () => {
  it.each([
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
    ['de89370400440532013000', 'DE89370400440532013000'],
    ['AT61 1904 3002 3457 3201', 'AT611904300234573201'],
    ['SE45 5000 0000 0583 9825 7466', 'SE4550000000058398257466'],
    ['GB29 NWBK 6016 1331 9268 19', 'GB29NWBK60161331926819'],
  ])('accepts %s', (input, normalised) => {
    expect(checkIban(input)).toEqual({ valid: true, iban: normalised })
  })

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['DE88370400440532013000', 'wrong-checksum'],
    ['DE8937040044053201300', 'wrong-length'],
    ['XX89370400440532013000', 'unknown-country'],
    ['DE89 3704 0044 0532 0130 0A', 'wrong-format'],
    ['BR1800360305000010009795493C1', 'not-sepa-country'],
  ])('refuses %j as %s', (input, problem) => {
    expect(checkIban(input)).toEqual({ valid: false, problem })
  })

  it('knows country lengths', () => {
    expect(ibanLengthFor('DE')).toBe(22)
    expect(ibanLengthFor('at')).toBe(20)
    expect(ibanLengthFor('XX')).toBeUndefined()
  })

  it('groups in fours for display, also while typing', () => {
    expect(formatIban('de89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00')
    expect(formatIban('DE8937')).toBe('DE89 37')
    expect(formatIban('DE89')).toBe('DE89')
  })

  test.prop([germanIban()])('a generated German IBAN passes mod-97, also with spaces and lower case', (iban) => {
    expect(checkIban(formatIban(iban).toLowerCase())).toEqual({ valid: true, iban })
    expect(normalizeIban(formatIban(iban))).toBe(iban)
  })

  test.prop([germanIban()])('changing one digit breaks the check', (iban) => {
    const index = 4 + (iban.charCodeAt(10) % 18)
    const digit = Number(iban[index])
    const typo = `${iban.slice(0, index)}${(digit + 1) % 10}${iban.slice(index + 1)}`
    expect(checkIban(typo).valid).toBe(false)
  })
})
