import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { planChargeRun, type ChargeableMembership, type ChargedYear, type ChargeRunInput } from './charge-run'
import { instalmentsForYear } from './instalments'
import { paymentPlanTemplates } from './payment-plan'
import { addDays, fromEpochDay, toEpochDay } from '../calendar/calendar-date'
import { anAccount, aFeeAssignment, aFeeClass, aPaymentPlan } from '../testing/builders'

const templates = Object.keys(paymentPlanTemplates) as (keyof typeof paymentPlanTemplates)[]
const plans = templates.map((t) => aPaymentPlan(t))
const base = { feeClasses: [aFeeClass()], plans, accounts: [anAccount()] }

function member(overrides: Partial<ChargeableMembership> = {}): ChargeableMembership {
  return {
    id: 'm-1',
    number: 1001,
    joinedOn: '2025-04-15',
    endsOn: null,
    processingBlocked: false,
    assignments: [aFeeAssignment()],
    ...overrides,
  }
}

/** Books a plan's charges into the list of charged years, as storage would. */
function book(charged: ChargedYear[], input: ChargeRunInput): ChargedYear[] {
  return [
    ...charged,
    ...planChargeRun(input).charges.map((c) => ({
      assignmentId: c.assignmentId,
      year: c.year,
      amount: c.amount,
      chargeKeys: [c.chargeKey],
    })),
  ]
}

function totalsByYear(charged: readonly ChargedYear[]): Record<string, number> {
  const totals: Record<string, number> = {}
  for (const c of charged) totals[`${c.assignmentId}|${c.year}`] = (totals[`${c.assignmentId}|${c.year}`] ?? 0) + c.amount
  return totals
}

describe('planChargeRun', () => {
  it('charges pro rata for the joining year and the full fee from 1 January, with the account name as text', () => {
    const plan = planChargeRun({ ...base, asOf: '2026-11-23', memberships: [member()], charged: [] })
    expect(plan.charges.map((c) => [c.date, c.amount, c.text, c.accountId])).toEqual([
      ['2025-04-15', 7200, 'Mitgliedsbeitrag', 'acc-fee'],
      ['2026-01-01', 9600, 'Mitgliedsbeitrag', 'acc-fee'],
    ])
    expect(plan).toMatchObject({ membershipsChecked: 1, total: 16800, skipped: [] })
  })

  it('plans nothing the second time, and its key says so', () => {
    const input = { ...base, asOf: '2026-11-23', memberships: [member()], charged: [] as ChargedYear[] }
    const first = planChargeRun(input)
    const second = planChargeRun({ ...input, charged: book([], input) })
    expect(second.charges).toEqual([])
    expect(second.idempotencyKey).not.toBe(first.idempotencyKey)
    expect(planChargeRun(input).idempotencyKey).toBe(first.idempotencyKey)
  })

  it('leaves out memberships under a processing block and counts them as checked', () => {
    const plan = planChargeRun({ ...base, asOf: '2026-11-23', memberships: [member({ processingBlocked: true })], charged: [] })
    expect(plan.charges).toEqual([])
    expect(plan.skipped).toEqual([{ membershipId: 'm-1', reason: 'processing-blocked' }])
    expect(plan.membershipsChecked).toBe(1)
  })

  it('stops after the membership ends and after the assignment ends; starts on the assignment start', () => {
    const quarterly = [aFeeAssignment({ paymentPlanId: 'plan-quarterly', validFrom: '2020-01-01' })]
    const ended = planChargeRun({
      ...base,
      asOf: '2026-11-23',
      memberships: [member({ joinedOn: '2020-01-01', endsOn: '2026-06-30', assignments: quarterly })],
      charged: [],
    })
    expect(ended.charges.filter((c) => c.year === 2026).map((c) => c.date)).toEqual(['2026-01-01', '2026-04-01'])

    const changed = [
      aFeeAssignment({ id: 'old', paymentPlanId: 'plan-quarterly', validFrom: '2026-01-01', validUntil: '2026-06-30' }),
      aFeeAssignment({ id: 'new', feeClassId: 'fc-family', paymentPlanId: 'plan-quarterly', validFrom: '2026-07-01' }),
    ]
    const classes = [aFeeClass(), aFeeClass({ id: 'fc-family', name: 'Familie', amount: 16800 })]
    const plan = planChargeRun({
      ...base,
      feeClasses: classes,
      asOf: '2026-12-31',
      memberships: [member({ joinedOn: '2019-01-01', assignments: changed })],
      charged: [],
    })
    expect(plan.charges.map((c) => [c.assignmentId, c.date, c.amount])).toEqual([
      ['old', '2026-01-01', 2400],
      ['old', '2026-04-01', 2400],
      ['new', '2026-07-01', 4200],
      ['new', '2026-10-01', 4200],
    ])
  })

  it('uses the amount from the fee-class group and the individual plan over the class defaults', () => {
    const assignment = aFeeAssignment({ validFrom: '2020-01-01', amount: 4800, paymentPlanId: 'plan-halfYearly' })
    const plan = planChargeRun({
      ...base,
      asOf: '2026-07-01',
      memberships: [member({ joinedOn: '2019-01-01', assignments: [assignment] })],
      charged: [],
    })
    expect(plan.charges.filter((c) => c.year === 2026).map((c) => [c.date, c.amount])).toEqual([
      ['2026-01-01', 2400],
      ['2026-07-01', 2400],
    ])
  })

  it('charges nothing due before the member joined, even when the assignment starts earlier', () => {
    const plans = [aPaymentPlan('quarterly', { id: 'q', joiningYear: aPaymentPlan('quarterly').secondYear })]
    const plan = planChargeRun({
      ...base,
      plans,
      asOf: '2026-12-31',
      memberships: [member({ joinedOn: '2026-05-10', assignments: [aFeeAssignment({ validFrom: '2026-01-01', paymentPlanId: 'q' })] })],
      charged: [],
    })
    // A full-fee joining year charges the whole year; the quarters before joining fall due on joining (docs/decisions/0000#d7).
    expect(plan.charges.map((c) => [c.date, c.amount])).toEqual([
      ['2026-05-10', 4800],
      ['2026-07-01', 2400],
      ['2026-10-01', 2400],
    ])
  })

  it('a member joining on 15 March under a 01-01/07-01 joining-year rule pays the whole pro-rata share', () => {
    const plans = [
      aPaymentPlan('halfYearly', {
        id: 'h',
        joiningYear: {
          basis: 'pro-rata',
          instalments: [
            { due: '01-01', weight: 1 },
            { due: '07-01', weight: 1 },
          ],
        },
      }),
    ]
    const memberships = [member({ joinedOn: '2026-03-15', assignments: [aFeeAssignment({ validFrom: '2026-03-15', paymentPlanId: 'h' })] })]
    const plan = planChargeRun({ ...base, plans, asOf: '2026-12-31', memberships, charged: [] })
    expect(plan.charges.map((c) => [c.date, c.amount])).toEqual([
      ['2026-03-15', 4000],
      ['2026-07-01', 4000],
    ])
  })

  it('charges a deleted instalment again on its own due date, under a key no other posting holds (0002)', () => {
    const memberships = [
      member({ joinedOn: '2020-01-01', assignments: [aFeeAssignment({ validFrom: '2020-01-01', paymentPlanId: 'plan-halfYearly' })] }),
    ]
    const input = { ...base, asOf: '2026-12-31', memberships, charged: [] as ChargedYear[] }
    const year2026 = planChargeRun(input).charges.filter((c) => c.year === 2026)
    expect(year2026.map((c) => [c.date, c.amount])).toEqual([
      ['2026-01-01', 4800],
      ['2026-07-01', 4800],
    ])
    // The January charge is deleted: only July's posting is left.
    const charged = book([], input).filter((c) => !(c.year === 2026 && c.chargeKeys[0] === year2026[0]!.chargeKey))
    const again = planChargeRun({ ...input, charged }).charges
    expect(again.map((c) => [c.date, c.amount, c.chargeKey])).toEqual([['2026-01-01', 4800, year2026[0]!.chargeKey]])
    expect(new Set(charged.flatMap((c) => c.chargeKeys)).has(again[0]!.chargeKey)).toBe(false)
  })

  it('charges a raised amount on the last due day under a key of its own when every slot is filled', () => {
    const memberships = (amount: number) => [
      member({ joinedOn: '2020-01-01', assignments: [aFeeAssignment({ validFrom: '2020-01-01', amount })] }),
    ]
    const input = { ...base, asOf: '2026-06-30', memberships: memberships(9600), charged: [] as ChargedYear[] }
    const charged = book([], input)
    const raised = planChargeRun({ ...input, memberships: memberships(12000), charged }).charges
    expect(raised.filter((c) => c.year === 2026).map((c) => [c.date, c.amount])).toEqual([['2026-01-01', 2400]])
    for (const c of raised) expect(new Set(charged.flatMap((x) => x.chargeKeys)).has(c.chargeKey)).toBe(false)
  })

  it('does not charge members who have not joined yet', () => {
    const plan = planChargeRun({ ...base, asOf: '2025-04-14', memberships: [member()], charged: [] })
    expect(plan).toMatchObject({ membershipsChecked: 0, charges: [] })
  })

  it('charges only the rest of the year when a yearly payer switches to quarterly, and nothing twice', () => {
    const yearly = aFeeAssignment({ validFrom: '2020-01-01' })
    const memberships = [member({ joinedOn: '2020-01-01', assignments: [yearly] })]
    const charged = book([], { ...base, asOf: '2026-02-01', memberships, charged: [] })
    const switched = [member({ joinedOn: '2020-01-01', assignments: [{ ...yearly, paymentPlanId: 'plan-quarterly' }] })]
    expect(planChargeRun({ ...base, asOf: '2026-12-31', memberships: switched, charged }).charges.filter((c) => c.year === 2026)).toEqual(
      [],
    )
  })

  // Random schedules: a membership with one assignment on a random plan, runs on random days.
  const schedule = fc.record({
    joinedDay: fc.integer({ min: toEpochDay('2019-01-01'), max: toEpochDay('2026-06-30') }),
    startOffset: fc.integer({ min: 0, max: 500 }),
    length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
    template: fc.constantFrom(...templates),
    other: fc.constantFrom(...templates),
    amount: fc.integer({ min: 0, max: 100_000 }),
    runDays: fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }),
  })

  function scenario(s: { joinedDay: number; startOffset: number; length: number | undefined; template: string; amount: number }) {
    const joinedOn = fromEpochDay(s.joinedDay)
    const validFrom = addDays(joinedOn, s.startOffset)
    const assignment = aFeeAssignment({
      validFrom,
      validUntil: s.length === undefined ? null : addDays(validFrom, s.length),
      paymentPlanId: `plan-${s.template}`,
      amount: s.amount,
    })
    return { joinedOn, assignment, memberships: [member({ joinedOn, assignments: [assignment] })] }
  }

  test.prop([schedule, fc.array(fc.nat(), { maxLength: 4 })])(
    'after deleting any charges, the next run makes exactly those again, on their dates, under unused keys',
    (s, picks) => {
      const { memberships } = scenario(s)
      const asOf = fromEpochDay(s.joinedDay + Math.max(...s.runDays))
      const all = planChargeRun({ ...base, asOf, memberships, charged: [] }).charges
      const deleted = new Set(all.length === 0 ? [] : picks.map((p) => all[p % all.length]!.chargeKey))
      const kept = all.filter((c) => !deleted.has(c.chargeKey))
      const charged = kept.map((c) => ({ assignmentId: c.assignmentId, year: c.year, amount: c.amount, chargeKeys: [c.chargeKey] }))
      const again = planChargeRun({ ...base, asOf, memberships, charged }).charges
      const describe = (list: typeof all) => list.map((c) => `${c.chargeKey}|${c.date}|${c.amount}`).sort()
      expect(describe(again)).toEqual(describe(all.filter((c) => deleted.has(c.chargeKey))))
      for (const c of again) expect(kept.some((k) => k.chargeKey === c.chargeKey)).toBe(false)
    },
  )

  test.prop([schedule])('a second run for the same day plans nothing', (s) => {
    const { memberships } = scenario(s)
    const asOf = fromEpochDay(s.joinedDay + Math.max(...s.runDays))
    const charged = book([], { ...base, asOf, memberships, charged: [] })
    expect(planChargeRun({ ...base, asOf, memberships, charged }).charges).toEqual([])
  })

  test.prop([schedule])('many runs on increasing days charge exactly what one run on the last day charges', (s) => {
    const { memberships } = scenario(s)
    const days = [...s.runDays].sort((a, b) => a - b).map((d) => fromEpochDay(s.joinedDay + d))
    let charged: ChargedYear[] = []
    for (const asOf of days) charged = book(charged, { ...base, asOf, memberships, charged })
    const once = book([], { ...base, asOf: days.at(-1)!, memberships, charged: [] })
    expect(totalsByYear(charged)).toEqual(totalsByYear(once))
    expect(charged.every((c) => c.amount > 0)).toBe(true)
  })

  test.prop([schedule])("changing the plan never charges a year beyond the larger of the two plans' amounts", (s) => {
    const { joinedOn, assignment, memberships } = scenario(s)
    const sorted = [...s.runDays].sort((a, b) => a - b)
    const before = fromEpochDay(s.joinedDay + sorted[0]!)
    const after = fromEpochDay(s.joinedDay + sorted.at(-1)!)
    let charged = book([], { ...base, asOf: before, memberships, charged: [] })
    const changed = [member({ joinedOn, assignments: [{ ...assignment, paymentPlanId: `plan-${s.other}` }] })]
    charged = book(charged, { ...base, asOf: after, memberships: changed, charged })
    expect(planChargeRun({ ...base, asOf: after, memberships: changed, charged }).charges).toEqual([])
    for (const [key, total] of Object.entries(totalsByYear(charged))) {
      const year = Number(key.split('|')[1])
      const yearAmount = (template: string) =>
        instalmentsForYear({
          plan: aPaymentPlan(template as never),
          annualAmount: s.amount,
          joinedOn,
          startsOn: assignment.validFrom,
          year,
        }).reduce((a, i) => a + i.amount, 0)
      expect(total).toBeLessThanOrEqual(Math.max(yearAmount(s.template), yearAmount(s.other)))
    }
  })
})
