import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { creditorIdCheckDigits, isValidCreditorId } from './creditor-id'

describe('creditor identifier (spec/sepa.md §3.4)', () => {
  it.each(['DE98ZZZ09999999999', 'AT61ZZZ01234567890', 'de98 zzz0 9999 9999 99', 'DE98ABC09999999999'])('%s is valid', (id) =>
    expect(isValidCreditorId(id)).toBe(true),
  )
  it.each(['DE97ZZZ09999999999', 'DE98ZZZ0999999999', 'DE98ZZZ099999999999', 'D98ZZZ09999999999', ''])('%j is refused', (id) =>
    expect(isValidCreditorId(id)).toBe(false),
  )

  it('excludes the business code from the check digits', () => {
    expect(creditorIdCheckDigits('DE', '09999999999')).toBe('98')
    expect(creditorIdCheckDigits('AT', '01234567890')).toBe('61')
  })

  test.prop([fc.stringMatching(/^0\d{10}$/), fc.stringMatching(/^[A-Z0-9]{3}$/)])(
    'every German id with computed check digits is valid, whatever its business code',
    (national, business) => {
      expect(isValidCreditorId(`DE${creditorIdCheckDigits('DE', national)}${business}${national}`)).toBe(true)
    },
  )
})
