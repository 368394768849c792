import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { aCollection, aDirectDebitCandidate, aDirectDebitContext, aMandate, anOpenDebit } from '../testing'
import { defaultClubSettings } from '../settings/club-settings'
import { planDirectDebitRun } from './plan-direct-debit-run'
import { directDebitRunPlanOf } from './direct-debit-run-summary'

const request = { collectionDate: '2027-02-15' }
const today = '2027-02-01'

describe('planDirectDebitRun', () => {
  it('collects the open debt due by the collection date, item by item, posting nothing', () => {
    const member = aDirectDebitCandidate(10042, {
      openItems: [anOpenDebit('membership-10042', '2027-01-15', 4800, 'jan'), anOpenDebit('membership-10042', '2027-03-15', 4800, 'mar')],
    })
    const plan = planDirectDebitRun(request, [member], aDirectDebitContext(today))
    expect(plan.debits).toHaveLength(1)
    expect(plan.debits[0]).toMatchObject({
      amount: 4800,
      items: [{ membershipId: 'membership-10042', postingId: 'jan', amount: 4800 }],
      sequenceType: 'FRST',
      reference: 'VK-10042-1',
      remittance: 'Lastschrift Mitgl.-Nr. 10042',
    })
    expect(plan.total).toBe(4800)
    expect(plan.totals.FRST).toEqual({ count: 1, amount: 4800 })
  })

  it('collects only when open debt exceeds LastschriftMin (strict, D1)', () => {
    const settings = { ...defaultClubSettings, directDebitMinimumDebt: 500 }
    const at = (open: number) =>
      planDirectDebitRun(
        request,
        [aDirectDebitCandidate(1, { openItems: [anOpenDebit('membership-1', '2027-01-01', open)] })],
        aDirectDebitContext(today, { settings }),
      )
    expect(at(500).debits).toHaveLength(0)
    expect(at(500).skipped).toEqual([{ membershipId: 'membership-1', membershipNumber: 1, reason: 'not-above-minimum' }])
    expect(at(501).debits).toHaveLength(1)
  })

  it('takes unallocated credit off the oldest items', () => {
    const member = aDirectDebitCandidate(1, {
      openItems: [anOpenDebit('membership-1', '2027-01-01', 1000, 'a'), anOpenDebit('membership-1', '2027-02-01', 1000, 'b')],
      unallocatedCredit: 1500,
    })
    const plan = planDirectDebitRun(request, [member], aDirectDebitContext(today))
    expect(plan.debits[0]).toMatchObject({ amount: 500, items: [{ postingId: 'b', amount: 500 }] })
  })

  it('one debit per payer mandate: an alternate payer pays for two memberships in one collection', () => {
    const parent = { personId: 'parent', name: 'Hans Vater', address: null, email: null, alternate: true }
    const mandate = aMandate({ id: 'parent-mandate', reference: 'VK-7-1' })
    const kids = [7, 8].map((n) =>
      aDirectDebitCandidate(n, {
        payer: parent,
        mandates: [mandate],
        openItems: [anOpenDebit(`membership-${n}`, '2027-01-01', 2400, `fee-${n}`)],
      }),
    )
    const plan = planDirectDebitRun(request, kids, aDirectDebitContext(today))
    expect(plan.debits).toHaveLength(1)
    expect(plan.debits[0]).toMatchObject({ amount: 4800, payerPersonId: 'parent', membershipNumbers: [7, 8], sequenceType: 'FRST' })
    expect(plan.debits[0]!.remittance).toBe('Lastschrift Mitgl.-Nr. 7, 8')
  })

  it('leaves out other payment methods, processing blocks and payers without a valid mandate, with the reason', () => {
    const items = (n: number) => [anOpenDebit(`membership-${n}`, '2027-01-01', 1000)]
    const plan = planDirectDebitRun(
      request,
      [
        aDirectDebitCandidate(1, { paymentMethod: 'invoice', openItems: items(1) }),
        aDirectDebitCandidate(2, { processingBlocked: true, openItems: items(2) }),
        aDirectDebitCandidate(3, { mandates: [], openItems: items(3) }),
        aDirectDebitCandidate(4, { mandates: [aMandate({ id: 'm4', limitedUntil: '2027-01-31' })], openItems: items(4) }),
        aDirectDebitCandidate(5, { mandates: [aMandate({ id: 'm5', validFrom: '2027-03-01' })], openItems: items(5) }),
      ],
      aDirectDebitContext(today),
    )
    expect(plan.debits).toEqual([])
    expect(plan.skipped.map((s) => [s.membershipNumber, s.reason])).toEqual([
      [2, 'processing-block'],
      [3, 'no-mandate'],
      [4, 'no-valid-mandate'],
      [5, 'no-valid-mandate'],
    ])
  })

  it('never collects an item that is already in an unexported run, nor uses a one-off mandate twice', () => {
    const member = aDirectDebitCandidate(1, { openItems: [anOpenDebit('membership-1', '2027-01-01', 1000, 'a')] })
    expect(planDirectDebitRun(request, [member], aDirectDebitContext(today, { collectingPostingIds: new Set(['a']) })).debits).toEqual([])
    const oneOff = aDirectDebitCandidate(2, {
      mandates: [aMandate({ id: 'once', kind: 'one-off' })],
      openItems: [anOpenDebit('membership-2', '2027-01-01', 1000, 'b')],
    })
    const pending = aDirectDebitContext(today, {
      collections: [aCollection('once', '2027-02-10', { status: 'pending', sequenceType: 'OOFF' })],
    })
    expect(planDirectDebitRun(request, [oneOff], pending).skipped).toEqual([
      { membershipId: 'membership-2', membershipNumber: 2, reason: 'no-valid-mandate' },
    ])
  })

  it('follows the mandate history: RCUR after an earlier collection, with the amendment for a new bank', () => {
    const member = aDirectDebitCandidate(1, {
      mandates: [aMandate({ id: 'm', iban: 'DE02120300000000202051' })],
      openItems: [anOpenDebit('membership-1', '2027-01-01', 1000)],
    })
    const plan = planDirectDebitRun(request, [member], aDirectDebitContext(today, { collections: [aCollection('m', '2026-11-15')] }))
    expect(plan.debits[0]).toMatchObject({
      sequenceType: 'RCUR',
      amendment: { newBank: true, originalIban: null, originalReference: null },
    })
  })

  it('needs the address of a debtor outside the EEA', () => {
    const swiss = aMandate({ id: 'ch', iban: 'CH9300762011623852957' })
    const items = [anOpenDebit('membership-1', '2027-01-01', 1000)]
    const without = planDirectDebitRun(
      request,
      [aDirectDebitCandidate(1, { mandates: [swiss], openItems: items })],
      aDirectDebitContext(today),
    )
    expect(without.skipped[0]?.reason).toBe('address-required')
    const address = { street: 'Bahnhofstrasse 1', postcode: '8001', city: 'Zürich', country: 'CH' }
    const withAddress = planDirectDebitRun(
      request,
      [
        aDirectDebitCandidate(1, {
          mandates: [swiss],
          openItems: items,
          payer: { personId: 'p', name: 'X', address, email: null, alternate: false },
        }),
      ],
      aDirectDebitContext(today),
    )
    expect(withAddress.debits[0]?.address).toEqual(address)
  })

  it('refuses to apply a date the bank would refuse, and keys the plan by its content', () => {
    const member = aDirectDebitCandidate(1, { openItems: [anOpenDebit('membership-1', '2027-01-01', 1000)] })
    const late = planDirectDebitRun(request, [member], aDirectDebitContext('2027-02-15'))
    expect(() => directDebitRunPlanOf(late)).toThrow(expect.objectContaining({ code: 'DIRECT_DEBIT_DATE_INVALID' }))
    const a = planDirectDebitRun(request, [member], aDirectDebitContext(today))
    const b = planDirectDebitRun(
      request,
      [{ ...member, openItems: [anOpenDebit('membership-1', '2027-01-01', 1001)] }],
      aDirectDebitContext(today),
    )
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey)
    expect(directDebitRunPlanOf(a)).toMatchObject({ kind: 'direct-debit', reversal: 'undo', summary: { debitCount: 1, total: 1000 } })
  })

  test.prop([
    fc.array(
      fc.record({
        items: fc.array(fc.record({ day: fc.integer({ min: 0, max: 60 }), open: fc.integer({ min: 1, max: 100_000 }) }), { maxLength: 5 }),
        credit: fc.integer({ min: 0, max: 50_000 }),
        payer: fc.integer({ min: 0, max: 3 }),
      }),
      { maxLength: 12 },
    ),
    fc.integer({ min: 0, max: 5000 }),
  ])('each debit equals the sum of its items, exceeds the minimum, and no item is collected twice', (members, minimum) => {
    const candidates = members.map((m, i) =>
      aDirectDebitCandidate(i + 1, {
        mandates: [aMandate({ id: `payer-${m.payer}` })],
        unallocatedCredit: m.credit,
        openItems: m.items.map((item, j) =>
          anOpenDebit(`membership-${i + 1}`, `2027-01-${String(1 + (item.day % 28)).padStart(2, '0')}`, item.open, `p-${i}-${j}`),
        ),
      }),
    )
    const plan = planDirectDebitRun(
      request,
      candidates,
      aDirectDebitContext(today, { settings: { ...defaultClubSettings, directDebitMinimumDebt: minimum } }),
    )
    const seen = new Set<string>()
    for (const debit of plan.debits) {
      expect(debit.amount).toBe(debit.items.reduce((sum, i) => sum + i.amount, 0))
      expect(debit.amount).toBeGreaterThan(minimum)
      for (const item of debit.items) {
        expect(seen.has(item.postingId)).toBe(false)
        seen.add(item.postingId)
      }
    }
    expect(new Set(plan.debits.map((d) => d.mandateId)).size).toBe(plan.debits.length)
    // Every membership with open debt is either collected or skipped as below the minimum: none is lost.
    const collected = new Set(plan.debits.flatMap((d) => d.membershipNumbers))
    const belowMinimum = new Set(plan.skipped.filter((s) => s.reason === 'not-above-minimum').map((s) => s.membershipNumber))
    members.forEach((m, i) => {
      const open = m.items.reduce((sum, item) => sum + item.open, 0) - m.credit
      if (open > 0) expect(collected.has(i + 1) || belowMinimum.has(i + 1)).toBe(true)
    })
  })
})
