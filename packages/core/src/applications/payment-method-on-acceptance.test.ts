import { describe, expect, it } from 'vitest'
import { paymentMethodOnAcceptance } from './review'

describe('paymentMethodOnAcceptance', () => {
  const mandate = { accountHolder: 'Erika Mustermann', iban: 'DE02120300000000202051' }

  it('collects by direct debit only with a mandate and a creditor identifier', () => {
    expect(paymentMethodOnAcceptance({ mandate }, { creditorId: 'DE98ZZZ09999999999' })).toBe('direct-debit')
    expect(paymentMethodOnAcceptance({ mandate }, { creditorId: null })).toBe('invoice')
    expect(paymentMethodOnAcceptance({}, { creditorId: 'DE98ZZZ09999999999' })).toBe('invoice')
  })
})
