import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { allocateCredits } from './allocate-credits'
import { ledgerState } from './ledger-state'
import { unallocatedCreditByMembership } from './unallocated-credit'
import { balanceOf, assertOnlyEditableFields, manualPostingKind, type Allocation, type LedgerPosting } from './posting'
import { planReversal, planReversalAllocations } from './reversal'
import { assertDebitDeletable } from './delete-posting'
import { openItemsAt } from './open-items'
import { filterBalanceList } from './balance-list'
import { planWriteOff } from './write-off'
import { resolveQuickBooking } from './quick-booking'
import { allocationDate, assertAllocationFits } from './allocation-correction'
import { addDays } from '../calendar/calendar-date'

let sequence = 0
function posting(overrides: Partial<LedgerPosting> & Pick<LedgerPosting, 'amount'>): LedgerPosting {
  sequence += 1
  return {
    id: `p${sequence}`,
    membershipId: 'm',
    accountId: 'K1',
    date: '2026-01-01',
    text: 'Beitrag',
    documentNumber: null,
    kind: 'manual',
    sequence,
    reversalOf: null,
    ...overrides,
  }
}

describe('allocation by account priority (rule D3 (docs/decisions/0000))', () => {
  const priorities: Record<string, number> = { K1: 1, K2: 2, K3: 0 }
  const debits = [
    posting({ id: 'd1', accountId: 'K1', amount: -6000 }),
    posting({ id: 'd2', accountId: 'K2', amount: -300 }),
    posting({ id: 'd3', accountId: 'K3', amount: -1000 }),
  ]
  const allocate = (credit: number) => {
    const c = posting({ id: 'c', amount: credit, date: '2026-02-01' })
    const state = ledgerState([...debits, c], [], (id) => priorities[id] ?? 0)
    return allocateCredits(state.openDebits, state.unallocatedCredits).map((a) => [a.debitId, a.amount])
  }

  it('credit 62,00 → K1 60,00, K2 2,00, K3 nothing', () => {
    expect(allocate(6200)).toEqual([
      ['d1', 6000],
      ['d2', 200],
    ])
  })

  it('credit 100,00 → everything settled, 27,00 stays as credit', () => {
    const result = allocate(10000)
    expect(result).toEqual([
      ['d1', 6000],
      ['d2', 300],
      ['d3', 1000],
    ])
    expect(10000 - result.reduce((s, [, a]) => s + (a as number), 0)).toBe(2700)
  })

  it('priority 2 before 3 when there is no 1; same priority: older booking date, then creation order', () => {
    const ds = [
      posting({ id: 'late', accountId: 'A', amount: -100, date: '2026-03-01' }),
      posting({ id: 'p3', accountId: 'B', amount: -100, date: '2025-01-01' }),
      posting({ id: 'early', accountId: 'A', amount: -100, date: '2026-01-01' }),
      posting({ id: 'early2', accountId: 'A', amount: -100, date: '2026-01-01' }),
    ]
    const state = ledgerState([...ds, posting({ id: 'c', amount: 400 })], [], (id) => (id === 'A' ? 2 : 3))
    expect(allocateCredits(state.openDebits, state.unallocatedCredits).map((a) => a.debitId)).toEqual(['early', 'early2', 'late', 'p3'])
  })

  it('uses older credits first and dates each part from the later posting', () => {
    const d = posting({ id: 'd', amount: -500, date: '2026-03-01' })
    const old = posting({ id: 'old', amount: 300, date: '2026-01-01' })
    const young = posting({ id: 'young', amount: 300, date: '2026-02-01' })
    const state = ledgerState([d, young, old], [], () => 1)
    expect(allocateCredits(state.openDebits, state.unallocatedCredits)).toEqual([
      { creditId: 'old', debitId: 'd', amount: 300, allocatedOn: '2026-03-01' },
      { creditId: 'young', debitId: 'd', amount: 200, allocatedOn: '2026-03-01' },
    ])
  })
})

describe('reversal and deletion (handbook §11.8)', () => {
  it('reverses with a counter-posting that names the original', () => {
    const original = posting({ amount: -9600, text: 'Mitgliedsbeitrag', date: '2026-01-01', documentNumber: 'B-17' })
    expect(planReversal(original, '2026-03-05', false)).toEqual({
      accountId: 'K1',
      date: '2026-03-05',
      amount: 9600,
      text: 'Stornobuchung zu „Mitgliedsbeitrag“ vom 01.01.2026',
      documentNumber: 'B-17',
      reversalOf: original.id,
    })
  })

  it.each([
    ['a direct-debit posting', { kind: 'direct-debit' as const }, false, 'POSTING_NOT_REVERSIBLE'],
    ['a returned-debit posting', { kind: 'returned-debit' as const }, false, 'POSTING_NOT_REVERSIBLE'],
    ['a reversal', { kind: 'reversal' as const }, false, 'POSTING_NOT_REVERSIBLE'],
    ['a posting reversed before', {}, true, 'POSTING_ALREADY_REVERSED'],
  ])('refuses to reverse %s', (_, override, reversed, code) => {
    expect(() => planReversal(posting({ amount: 500, ...override }), '2026-03-05', reversed)).toThrowError(
      expect.objectContaining({ code }),
    )
  })

  it('settles a reversed debit by its reversal; gives back what a reversed credit had settled', () => {
    const debit = posting({ id: 'd', amount: -1000 })
    const credit = posting({ id: 'c', amount: 400 })
    const allocations: Allocation[] = [{ creditId: 'c', debitId: 'd', amount: 400, allocatedOn: '2026-01-01' }]
    expect(planReversalAllocations(debit, 'r', '2026-02-01', allocations)).toEqual({
      remove: [],
      add: [{ creditId: 'r', debitId: 'd', amount: 600, allocatedOn: '2026-02-01' }],
    })
    expect(planReversalAllocations(credit, 'r', '2026-02-01', allocations)).toEqual({
      remove: allocations,
      add: [{ creditId: 'c', debitId: 'r', amount: 400, allocatedOn: '2026-02-01' }],
    })
  })

  it('deletes a debit only when nothing uses it, naming every reason', () => {
    const debit = posting({ amount: -1000 })
    expect(() => assertDebitDeletable(debit, { allocated: 0, invoiced: false, directDebited: false, dunned: false })).not.toThrow()
    expect(() => assertDebitDeletable(debit, { allocated: 100, invoiced: true, directDebited: true, dunned: true })).toThrowError(
      expect.objectContaining({ code: 'POSTING_IN_USE', message: expect.stringMatching(/allocated.*invoice.*direct-debit.*dunning/) }),
    )
    expect(() =>
      assertDebitDeletable(posting({ amount: 10 }), { allocated: 0, invoiced: false, directDebited: false, dunned: false }),
    ).toThrowError(expect.objectContaining({ code: 'POSTING_IN_USE' }))
  })

  it('lets only text and document number change', () => {
    expect(() => assertOnlyEditableFields('p1', { text: 'x', documentNumber: null })).not.toThrow()
    expect(() => assertOnlyEditableFields('p1', { amount: -5, text: 'x' })).toThrowError(
      expect.objectContaining({ code: 'POSTING_FIELD_IMMUTABLE', message: expect.stringContaining('amount') }),
    )
  })
})

describe('open items at a cutoff date (handbook §6.14)', () => {
  const january = posting({ id: 'jan', amount: -9600, date: '2026-01-01' })
  const july = posting({ id: 'pay', amount: 9600, date: '2026-07-10' })
  const allocations: Allocation[] = [{ creditId: 'pay', debitId: 'jan', amount: 9600, allocatedOn: '2026-07-10' }]

  it("January's charge, paid in July, was still open in June and is settled in August", () => {
    expect(
      openItemsAt([january, july], allocations, { cutoff: '2026-06-30', bookedFrom: '2026-01-01', bookedTo: '2026-01-31' }),
    ).toMatchObject([{ postingId: 'jan', open: 9600, settled: 0 }])
    expect(openItemsAt([january, july], allocations, { cutoff: '2026-08-01' })).toEqual([])
  })

  it('lists credits not yet allocated, and the rest of an overpayment, as negative items (handbook §6.14 OP-Liste)', () => {
    const overpayment = posting({ id: 'over', amount: 12000, date: '2026-07-10' })
    const early = posting({ id: 'early', amount: 5000, date: '2026-11-02' })
    const settled: Allocation[] = [{ creditId: 'over', debitId: 'jan', amount: 9600, allocatedOn: '2026-07-10' }]
    const items = openItemsAt([january, overpayment, early], settled, { cutoff: '2026-11-30', includeCredits: true })
    expect(items.map((i) => [i.side, i.postingId, i.amount, i.settled, i.open])).toEqual([
      ['credit', 'over', -12000, -9600, -2400],
      ['credit', 'early', -5000, 0, -5000],
    ])
    // Without credits (the runs' view), only debits; in June the payment had not come and January was open.
    expect(openItemsAt([january, overpayment, early], settled, { cutoff: '2026-11-30' })).toEqual([])
    expect(openItemsAt([january, overpayment], settled, { cutoff: '2026-06-30', includeCredits: true }).map((i) => i.side)).toEqual([
      'debit',
    ])
  })

  it('ignores debits booked after the cutoff or outside the range, and refuses a reversed range', () => {
    expect(openItemsAt([january], [], { cutoff: '2025-12-31' })).toEqual([])
    expect(openItemsAt([january], [], { cutoff: '2026-06-30', bookedFrom: '2026-02-01' })).toEqual([])
    expect(() => openItemsAt([january], [], { cutoff: '2026-06-30', bookedFrom: '2026-02-01', bookedTo: '2026-01-01' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RANGE' }),
    )
  })
})

describe('balance list', () => {
  const rows = [-25000, -20000, -5000, -1000, -999, 0, 500].map((balance, i) => ({
    membershipId: `m${i}`,
    membershipNumber: 1000 + i,
    paymentMethod: i % 2 === 0 ? ('invoice' as const) : ('direct-debit' as const),
    balance,
  }))
  it('lists −200 € ≤ balance ≤ −10 € inclusive', () => {
    expect(filterBalanceList(rows, { balanceFrom: -20000, balanceTo: -1000 }).map((r) => r.balance)).toEqual([-20000, -5000, -1000])
  })
  it('filters by number range and payment method', () => {
    expect(filterBalanceList(rows, { numberFrom: 1001, numberTo: 1004, paymentMethod: 'invoice' }).map((r) => r.membershipNumber)).toEqual([
      1002, 1004,
    ])
  })
  it('refuses ranges the wrong way round', () => {
    expect(() => filterBalanceList(rows, { balanceFrom: -1000, balanceTo: -20000 })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RANGE' }),
    )
  })
})

describe('write-off, quick booking and allocation correction', () => {
  const item = (postingId: string, membershipId: string, accountId: string, date: string, open: number) => ({
    side: 'debit' as const,
    postingId,
    membershipId,
    accountId,
    date,
    text: 'Beitrag',
    amount: open,
    settled: 0,
    open,
  })
  const items = [
    item('a', 'm1', 'K1', '2025-01-01', 9600),
    item('b', 'm2', 'K2', '2025-06-01', 300),
    item('c', 'm3', 'K1', '2025-02-01', 50),
    item('d1', 'm4', 'K1', '2025-01-01', 4800),
    item('d2', 'm4', 'K1', '2025-07-01', 4800),
    item('e', 'm5', 'K1', '2025-01-01', 2000),
  ]
  const member = (
    status: 'active' | 'ended',
    processingBlocked = false,
    unallocatedCredit = 0,
    dunningLevel: number | null = null,
    courtProcedure = false,
  ) => ({
    status,
    processingBlocked,
    unallocatedCredit,
    dunningLevel,
    courtProcedure,
  })
  const memberships = new Map([
    ['m1', member('ended', false, 0, 5, true)],
    ['m2', member('active', false, 0, 3)],
    ['m3', member('ended', true)],
    ['m4', member('active')],
    ['m5', member('active', false, 1990)],
  ])
  const written = (criteria: Parameters<typeof planWriteOff>[2]) =>
    planWriteOff(items, memberships, criteria, '2026-11-23').items.map((i) => i.debitId)

  it('previews count and total by criteria, booked today, leaving out blocked memberships', () => {
    expect(planWriteOff(items, memberships, { membershipStatus: 'any' }, '2026-11-23')).toMatchObject({
      count: 5,
      total: 9600 + 300 + 9600 + 2000,
      date: '2026-11-23',
    })
    expect(written({ accountId: 'K2', membershipStatus: 'any' })).toEqual(['b'])
    expect(written({ membershipStatus: 'ended' })).toEqual(['a'])
    expect(written({ membershipStatus: 'any', dunningLevels: [3, 5] })).toEqual(['a', 'b'])
    expect(written({ membershipStatus: 'any', dunningLevels: [5], courtProcedure: true })).toEqual(['a'])
    expect(written({ membershipStatus: 'any', courtProcedure: false })).not.toContain('a')
    expect(written({ membershipStatus: 'active', bookedFrom: '2025-06-01', bookedTo: '2025-12-31' })).toEqual(['b', 'd2'])
  })

  it("judges the balance amount against the member's open balance, not each item (handbook §6.11 Ausbuchung)", () => {
    // m4 owes 96,00 € in two items of 48,00 €: not a residual amount under 50,00 €, though each item is.
    // m5 owes 20,00 € but has 19,90 € waiting for allocation: its balance is 0,10 €, a residual amount.
    expect(written({ maxOpen: 5000, membershipStatus: 'any' })).toEqual(['b', 'e'])
    expect(written({ maxOpen: 9600, membershipStatus: 'any' })).toEqual(['a', 'b', 'd1', 'd2', 'e'])
    // Within a period, the balance still reads the whole member account.
    expect(written({ maxOpen: 5000, membershipStatus: 'any', bookedFrom: '2025-07-01' })).toEqual([])
  })

  it('refuses a booking period that ends before it starts', () => {
    expect(() => written({ membershipStatus: 'any', bookedFrom: '2025-02-01', bookedTo: '2025-01-01' })).toThrowError(
      expect.objectContaining({ code: 'INVALID_RANGE' }),
    )
  })

  it('resolves quick-booking numbers, reporting every unknown one and booking nothing', () => {
    const ids = new Map([[1001, 'm1']])
    const booking = { accountId: 'bank', text: 'Überweisung', date: '2026-11-23', entries: [{ membershipNumber: 1001, amount: 9600 }] }
    expect(resolveQuickBooking(booking, ids)).toEqual([{ membershipId: 'm1', amount: 9600 }])
    expect(() =>
      resolveQuickBooking(
        { ...booking, entries: [...booking.entries, { membershipNumber: 7, amount: 1 }, { membershipNumber: 8, amount: 1 }] },
        ids,
      ),
    ).toThrowError(
      expect.objectContaining({
        issues: [
          expect.objectContaining({ path: 'entries.1.membershipNumber' }),
          expect.objectContaining({ path: 'entries.2.membershipNumber' }),
        ],
      }),
    )
  })

  it('checks a hand-made allocation against open amounts and the credit', () => {
    const credit = posting({ id: 'cr', amount: 500 })
    const debit = posting({ id: 'de', amount: -400 })
    const debits = new Map([['de', { posting: debit, openWithoutThisCredit: 400 }]])
    expect(() => assertAllocationFits(credit, [{ debitId: 'de', amount: 400 }], debits)).not.toThrow()
    expect(() => assertAllocationFits(credit, [{ debitId: 'de', amount: 401 }], debits)).toThrowError(
      expect.objectContaining({ code: 'ALLOCATION_INVALID' }),
    )
    expect(() => assertAllocationFits(credit, [{ debitId: 'x', amount: 1 }], debits)).toThrowError(
      expect.objectContaining({ code: 'ALLOCATION_INVALID' }),
    )
  })

  it('sums all parts that go to one debit: two 300-cent parts do not fit a 400-cent debit', () => {
    const credit = posting({ id: 'cr', amount: 3000 })
    const debit = posting({ id: 'de', amount: -400 })
    const debits = new Map([['de', { posting: debit, openWithoutThisCredit: 400 }]])
    expect(() =>
      assertAllocationFits(
        credit,
        [
          { debitId: 'de', amount: 200 },
          { debitId: 'de', amount: 200 },
        ],
        debits,
      ),
    ).not.toThrow()
    expect(() =>
      assertAllocationFits(
        credit,
        [
          { debitId: 'de', amount: 300 },
          { debitId: 'de', amount: 300 },
        ],
        debits,
      ),
    ).toThrowError(expect.objectContaining({ code: 'ALLOCATION_INVALID', message: expect.stringContaining('600') }))
  })
})

describe('money is never created or lost', () => {
  type Op =
    | { kind: 'charge'; amount: number; account: 'K1' | 'K2' | 'K3'; day: number }
    | { kind: 'pay'; amount: number; day: number }
    | { kind: 'reverse'; pick: number }
    | { kind: 'write-off' }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('charge' as const),
      amount: fc.integer({ min: 1, max: 50_000 }),
      account: fc.constantFrom('K1' as const, 'K2' as const, 'K3' as const),
      day: fc.integer({ min: 0, max: 400 }),
    }),
    fc.record({ kind: fc.constant('pay' as const), amount: fc.integer({ min: 1, max: 50_000 }), day: fc.integer({ min: 0, max: 400 }) }),
    fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
    fc.constant({ kind: 'write-off' as const }),
  )
  const priorities: Record<string, number> = { K1: 1, K2: 2, K3: 0 }

  test.prop([fc.array(op, { maxLength: 40 })])(
    'allocations, reversals and write-offs keep open debt equal to the negative balance',
    (ops) => {
      const postings: LedgerPosting[] = []
      let allocations: Allocation[] = []
      const reversed = new Set<string>()
      let n = 0
      const add = (
        p: Omit<LedgerPosting, 'id' | 'sequence' | 'membershipId' | 'documentNumber' | 'reversalOf'> & { reversalOf?: string },
      ) => {
        n += 1
        const created: LedgerPosting = { id: `p${n}`, sequence: n, membershipId: 'm', documentNumber: null, reversalOf: null, ...p }
        postings.push(created)
        return created
      }
      const autoAllocate = () => {
        const state = ledgerState(postings, allocations, (id) => priorities[id] ?? 0)
        allocations = [...allocations, ...allocateCredits(state.openDebits, state.unallocatedCredits)]
      }
      for (const o of ops) {
        if (o.kind === 'charge')
          add({ accountId: o.account, amount: -o.amount, date: addDays('2026-01-01', o.day), text: 'Beitrag', kind: 'charge' })
        if (o.kind === 'pay')
          add({ accountId: 'K1', amount: o.amount, date: addDays('2026-01-01', o.day), text: 'Zahlung', kind: 'payment' })
        if (o.kind === 'reverse') {
          const candidates = postings.filter((p) => p.kind !== 'reversal' && !reversed.has(p.id))
          const original = candidates[o.pick % Math.max(1, candidates.length)]
          if (original) {
            const plan = planReversal(original, '2027-06-01', false)
            const reversal = add({ ...plan, kind: 'reversal' })
            reversed.add(original.id)
            const change = planReversalAllocations(original, reversal.id, plan.date, allocations)
            allocations = [...allocations.filter((a) => !change.remove.includes(a)), ...change.add]
          }
        }
        if (o.kind === 'write-off') {
          const items = openItemsAt(postings, allocations, { cutoff: '2099-12-31' })
          const plan = planWriteOff(
            items,
            new Map([['m', { status: 'active', processingBlocked: false, unallocatedCredit: 0 }]]),
            { membershipStatus: 'any' },
            '2027-12-31',
          )
          for (const item of plan.items) {
            const credit = add({ accountId: item.accountId, amount: item.amount, date: plan.date, text: 'Ausbuchung', kind: 'write-off' })
            allocations.push({ creditId: credit.id, debitId: item.debitId, amount: item.amount, allocatedOn: plan.date })
          }
        }
        autoAllocate()

        const state = ledgerState(postings, allocations, (id) => priorities[id] ?? 0)
        for (const d of state.openDebits) expect(d.open).toBeGreaterThanOrEqual(0)
        for (const c of state.unallocatedCredits) expect(c.unallocated).toBeGreaterThanOrEqual(0)
        const openDebt = state.openDebits.reduce((s, d) => s + d.open, 0) - state.unallocatedCredits.reduce((s, c) => s + c.unallocated, 0)
        expect(openDebt + balanceOf(postings)).toBe(0)
        // With credit available, no debit stays open (docs/decisions/0000#d3: credit is always applied).
        if (state.unallocatedCredits.some((c) => c.unallocated > 0)) expect(state.openDebits.every((d) => d.open === 0)).toBe(true)
      }
    },
  )
})

describe('bookings by hand', () => {
  it('are payments when they credit the account and manual charges when they debit it', () => {
    expect(manualPostingKind(500)).toBe('payment')
    expect(manualPostingKind(-500)).toBe('manual')
  })

  it('allocate from the later of the credit’s and the debit’s date', () => {
    expect(allocationDate('2026-03-01', '2026-01-15')).toBe('2026-03-01')
    expect(allocationDate('2026-01-01', '2026-01-15')).toBe('2026-01-15')
  })
})

describe('unallocated credit per membership', () => {
  it('sums what each member’s credits have left after allocations, and leaves members without any out', () => {
    const fee = posting({ amount: -9600, membershipId: 'a' })
    const payment = posting({ amount: 10000, membershipId: 'a', kind: 'payment' })
    const second = posting({ amount: 500, membershipId: 'a', kind: 'payment' })
    const paid = posting({ amount: 3000, membershipId: 'b', kind: 'payment' })
    const debt = posting({ amount: -3000, membershipId: 'b' })
    const owes = posting({ amount: -100, membershipId: 'c' })
    const allocations: Allocation[] = [
      { creditId: payment.id, debitId: fee.id, amount: 9600, allocatedOn: '2026-01-01' },
      { creditId: paid.id, debitId: debt.id, amount: 3000, allocatedOn: '2026-01-01' },
    ]
    expect(unallocatedCreditByMembership([fee, payment, second, paid, debt, owes], allocations)).toEqual(new Map([['a', 900]]))
  })
})
