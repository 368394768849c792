import { describe, expect, it } from 'vitest'
import { aCollection, aMandate } from '../testing'
import { mandateOnAcceptance } from './mandate-on-acceptance'
import { checkMandates } from './mandate-check'

const details = { iban: 'DE89370400440532013000', bic: null, accountHolder: 'Erika Mustermann' }

describe('mandateOnAcceptance (handbook §8.4, five rules)', () => {
  it('1. creates a mandate when the person has none', () => {
    expect(mandateOnAcceptance(details, [], [], '2027-01-10')).toEqual({ action: 'create', reason: 'no-mandate' })
  })

  it('2. creates a mandate when the person has only expired ones', () => {
    const ended = aMandate({ limitedUntil: '2026-12-31' })
    const lapsed = aMandate({ id: 'lapsed', validFrom: '2020-01-01', signedOn: '2020-01-01' })
    expect(mandateOnAcceptance(details, [ended, lapsed], [], '2027-01-10')).toEqual({ action: 'create', reason: 'mandate-expired' })
  })

  it('3. creates a mandate when the bank details differ from the current mandate', () => {
    expect(mandateOnAcceptance({ ...details, iban: 'DE02120300000000202051' }, [aMandate()], [], '2027-01-10')).toEqual({
      action: 'create',
      reason: 'bank-details-differ',
    })
  })

  it('4. keeps the existing mandate when the application has no bank details', () => {
    expect(mandateOnAcceptance(null, [aMandate()], [], '2027-01-10')).toEqual({
      action: 'keep',
      reason: 'no-bank-details',
      mandateId: 'mandate-1',
    })
  })

  it('5. keeps the existing mandate when the bank details are the same', () => {
    expect(mandateOnAcceptance(details, [aMandate()], [aCollection('mandate-1', '2026-11-15')], '2027-01-10')).toEqual({
      action: 'keep',
      reason: 'same-bank-details',
      mandateId: 'mandate-1',
    })
  })
})

describe('checkMandates (handbook §6.13)', () => {
  const candidate = (n: number, mandates = [aMandate({ id: `m${n}` })], alternate = false) => ({
    membershipId: `ms${n}`,
    membershipNumber: n,
    payerPersonId: alternate ? 'payer' : `p${n}`,
    payerIsAlternate: alternate,
    mandates,
  })

  it('lists payers with no or an unusable mandate with the reason, and warns before a mandate lapses', () => {
    const findings = checkMandates(
      [
        candidate(1),
        candidate(2, []),
        candidate(3, [aMandate({ id: 'm3', limitedUntil: '2026-12-31' })]),
        candidate(4, [aMandate({ id: 'm4', validFrom: '2024-03-01', signedOn: '2024-03-01' })]),
        candidate(5, [aMandate({ id: 'm5', validFrom: '2024-01-01', signedOn: '2024-01-01' })], true),
        candidate(6, [aMandate({ id: 'm6', kind: 'one-off' })]),
      ],
      [aCollection('m6', '2026-12-01', { sequenceType: 'OOFF' })],
      '2027-01-10',
    )
    expect(findings.map((f) => [f.membershipNumber, f.reason, f.payerIsAlternate])).toEqual([
      [2, 'no-mandate', false],
      [3, 'ended', false],
      [4, 'lapsing-soon', false],
      [5, 'lapsed', true],
      [6, 'used-up', false],
    ])
    expect(findings.find((f) => f.membershipNumber === 4)?.lapsesOn).toBe('2027-03-01')
  })
})
