import { describe, expect, it } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { instalmentsForYear, monthlyParts } from './instalments'
import { paymentPlanTemplates, type PaymentPlan, type YearRule } from './payment-plan'
import { aPaymentPlan } from '../testing/builders'
import { calendarDate } from '../../test/arbitraries'

const at = (plan: PaymentPlan, annualAmount: number, joinedOn: string, year: number, startsOn = joinedOn) =>
  instalmentsForYear({ plan, annualAmount, joinedOn, startsOn, year }).map(({ due, amount }) => [due, amount])

describe('instalments of a year (docs/decisions/0000#d7)', () => {
  it('yearly: pro rata from the joining month in the joining year, due on joining; then 1 January', () => {
    expect(at(aPaymentPlan('yearly'), 9600, '2025-04-15', 2025)).toEqual([['2025-04-15', 7200]])
    expect(at(aPaymentPlan('yearly'), 9600, '2025-04-15', 2026)).toEqual([['2026-01-01', 9600]])
    expect(at(aPaymentPlan('yearly'), 9600, '2025-01-01', 2025)).toEqual([['2025-01-01', 9600]])
    expect(at(aPaymentPlan('yearly'), 9600, '2025-12-31', 2025)).toEqual([['2025-12-31', 800]])
    expect(at(aPaymentPlan('yearly'), 9600, '2025-04-15', 2024)).toEqual([])
  })

  it('half-yearly, quarterly and monthly split the annual amount exactly', () => {
    expect(at(aPaymentPlan('halfYearly'), 9600, '2020-03-01', 2026)).toEqual([
      ['2026-01-01', 4800],
      ['2026-07-01', 4800],
    ])
    expect(at(aPaymentPlan('quarterly'), 10000, '2020-03-01', 2026)).toEqual([
      ['2026-01-01', 2500],
      ['2026-04-01', 2500],
      ['2026-07-01', 2500],
      ['2026-10-01', 2500],
    ])
    const monthly = at(aPaymentPlan('monthly'), 10000, '2020-03-01', 2026)
    expect(monthly.map(([, a]) => a)).toEqual([834, 834, 834, 834, 833, 833, 833, 833, 833, 833, 833, 833])
  })

  it('one-off (admission fee): the whole amount when the class starts, nothing later', () => {
    expect(at(aPaymentPlan('oneOff'), 2500, '2026-03-10', 2026)).toEqual([['2026-03-10', 2500]])
    expect(at(aPaymentPlan('oneOff'), 2500, '2026-03-10', 2027)).toEqual([])
  })

  it('free in the joining year; "12 months from year 2" charges the full second year (handbook §11.7 Beitragsklassen)', () => {
    expect(at(aPaymentPlan('freeInJoiningYear'), 9600, '2026-05-01', 2026)).toEqual([])
    expect(at(aPaymentPlan('twelveMonthsFromYear2'), 9600, '2026-05-01', 2027)).toEqual([['2027-01-01', 9600]])
  })

  it('a class assigned after joining starts charging from its own start date', () => {
    expect(at(aPaymentPlan('oneOff'), 2500, '2026-03-10', 2026, '2026-03-20')).toEqual([['2026-03-20', 2500]])
  })

  it('the handbook transfer example: full Zeitjahr, then pro rata from the joining month, then calendar years (handbook §11.6 Mitgliedschaft)', () => {
    const plan: PaymentPlan = {
      id: 'p',
      name: 'Zeitjahr',
      joiningYear: { basis: 'full', instalments: [{ due: 'start', weight: 1 }] },
      secondYear: { basis: 'pro-rata', instalments: [{ due: '01-01', weight: 1 }] },
      laterYears: paymentPlanTemplates.yearly.laterYears,
    }
    expect(at(plan, 12000, '2025-04-01', 2025)).toEqual([['2025-04-01', 12000]])
    expect(at(plan, 12000, '2025-04-01', 2026)).toEqual([['2026-01-01', 9000]])
    expect(at(plan, 12000, '2025-04-01', 2027)).toEqual([['2027-01-01', 12000]])
  })

  it('never skips 29 February or a 31st: it falls on the last day of a short month', () => {
    const plan: PaymentPlan = {
      id: 'p',
      name: 'month ends',
      joiningYear: { basis: 'free' },
      secondYear: { basis: 'free' },
      laterYears: {
        basis: 'full',
        instalments: [
          { due: '02-29', weight: 1 },
          { due: '04-31', weight: 1 },
          { due: '12-31', weight: 1 },
        ],
      },
    }
    expect(at(plan, 300, '2020-01-01', 2027)).toEqual([
      ['2027-02-28', 100],
      ['2027-04-30', 100],
      ['2027-12-31', 100],
    ])
    expect(at(plan, 300, '2020-01-01', 2028)).toEqual([
      ['2028-02-29', 100],
      ['2028-04-30', 100],
      ['2028-12-31', 100],
    ])
  })

  it('joining year with fixed due days: what falls before joining is due on the joining date, nothing is lost (docs/decisions/0000#d7)', () => {
    const halfYearlyFromJoining: PaymentPlan = {
      id: 'p',
      name: 'halbjährlich',
      joiningYear: {
        basis: 'pro-rata',
        instalments: [
          { due: '01-01', weight: 1 },
          { due: '07-01', weight: 1 },
        ],
      },
      secondYear: paymentPlanTemplates.halfYearly.secondYear,
      laterYears: paymentPlanTemplates.halfYearly.laterYears,
    }
    // Joining on 15 March: pro rata March–December = 10 × 8,00 € = 80,00 €, half on joining, half on 1 July.
    expect(at(halfYearlyFromJoining, 9600, '2026-03-15', 2026)).toEqual([
      ['2026-03-15', 4000],
      ['2026-07-01', 4000],
    ])
    // Joining on 15 August: both days lie before joining, so the whole share (5 months) is due on joining.
    expect(at(halfYearlyFromJoining, 9600, '2026-08-15', 2026)).toEqual([['2026-08-15', 4000]])
    const fullOnNewYear: PaymentPlan = {
      id: 'q',
      name: 'voller Jahresbeitrag',
      joiningYear: { basis: 'full', instalments: [{ due: '01-01', weight: 1 }] },
      secondYear: paymentPlanTemplates.yearly.secondYear,
      laterYears: paymentPlanTemplates.yearly.laterYears,
    }
    expect(at(fullOnNewYear, 9600, '2026-03-15', 2026)).toEqual([['2026-03-15', 9600]])
    // A later year keeps its own days: the rule only moves what would fall before the start of the joining year.
    expect(at(halfYearlyFromJoining, 9600, '2026-03-15', 2027)).toEqual([
      ['2027-01-01', 4800],
      ['2027-07-01', 4800],
    ])
  })

  test.prop([
    fc.constantFrom('full' as const, 'pro-rata' as const),
    fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 0, max: 5_000_000 }),
    calendarDate(),
  ])(
    "the joining year's total never depends on where its due days sit, and nothing falls due before joining",
    (basis, months, annual, joinedOn) => {
      const rule = (days: number[]): YearRule => ({
        basis,
        instalments: days.map((m) => ({ due: `${String(m).padStart(2, '0')}-01`, weight: 1 })),
      })
      const plan = (days: number[]): PaymentPlan => ({
        id: 'p',
        name: 'p',
        joiningYear: rule(days),
        secondYear: { basis: 'free' },
        laterYears: { basis: 'free' },
      })
      const year = Number(joinedOn.slice(0, 4))
      const total = (days: number[]) =>
        instalmentsForYear({ plan: plan(days), annualAmount: annual, joinedOn, startsOn: joinedOn, year }).reduce(
          (sum, i) => sum + i.amount,
          0,
        )
      const expected =
        basis === 'full'
          ? annual
          : monthlyParts(annual)
              .slice(Number(joinedOn.slice(5, 7)) - 1)
              .reduce((a, b) => a + b, 0)
      expect(total(months)).toBe(expected)
      expect(total(months.map(() => 12))).toBe(expected)
      for (const i of instalmentsForYear({ plan: plan(months), annualAmount: annual, joinedOn, startsOn: joinedOn, year })) {
        expect(i.due >= joinedOn).toBe(true)
      }
    },
  )

  const yearRule = fc.oneof(
    fc.constant<YearRule>({ basis: 'free' }),
    fc.record({
      basis: fc.constantFrom('full' as const, 'pro-rata' as const),
      instalments: fc.array(
        fc.record({
          due: fc
            .tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
            .map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
          weight: fc.integer({ min: 1, max: 12 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  )

  test.prop([yearRule, fc.integer({ min: 0, max: 5_000_000 }), calendarDate(), fc.integer({ min: 0, max: 30 })])(
    "a year's instalments sum exactly to its amount, all fall in the year, none is skipped",
    (rule, annual, joinedOn, yearsLater) => {
      const plan: PaymentPlan = { id: 'p', name: 'p', joiningYear: { basis: 'free' }, secondYear: rule, laterYears: rule }
      const year = Number(joinedOn.slice(0, 4)) + 1 + yearsLater
      const instalments = instalmentsForYear({ plan, annualAmount: annual, joinedOn, startsOn: joinedOn, year })
      if (rule.basis === 'free') {
        expect(instalments).toEqual([])
        return
      }
      // Two instalments on the same day are one.
      expect(instalments).toHaveLength(
        new Set(instalmentsForYear({ plan, annualAmount: 0, joinedOn, startsOn: joinedOn, year }).map((i) => i.due)).size,
      )
      expect(instalments.length).toBeLessThanOrEqual(rule.instalments.length)
      const expected =
        rule.basis === 'full'
          ? annual
          : monthlyParts(annual)
              .slice(Number(joinedOn.slice(5, 7)) - 1)
              .reduce((a, b) => a + b, 0)
      expect(instalments.reduce((sum, i) => sum + i.amount, 0)).toBe(expected)
      expect(instalments.at(-1)!.cumulative).toBe(expected)
      for (const i of instalments) expect(i.due.startsWith(`${year}-`)).toBe(true)
    },
  )

  test.prop([fc.integer({ min: 0, max: 5_000_000 })])('monthly parts sum to the annual amount', (annual) => {
    expect(monthlyParts(annual).reduce((a, b) => a + b, 0)).toBe(annual)
  })
})
