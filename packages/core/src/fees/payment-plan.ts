import * as z from 'zod'

/**
 * When an instalment falls due within its year: a fixed day (`MM-DD`, e.g. `07-01`) or, in the joining year only,
 * the day the fee class starts for the member (the joining date for a new member). rule D7 (docs/decisions/0000).
 */
export const DueDay = z.union([
  z.literal('start'),
  z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'Use MM-DD, e.g. 07-01.' }),
])
export type DueDay = z.infer<typeof DueDay>

/** One due date of a year and its weight in the year's amount (weights of a year are split by largest remainder). */
export const Instalment = z.object({ due: DueDay, weight: z.number().int().min(1).max(1000) })
export type Instalment = z.infer<typeof Instalment>

/**
 * The rule for one membership year (docs/decisions/0000#d7): `full` charges the annual amount, `pro-rata` the whole months from the
 * joining month to December, `free` nothing. The year's amount is split over the instalments by weight.
 */
export const YearRule = z.discriminatedUnion('basis', [
  z.object({ basis: z.literal('free') }),
  z.object({ basis: z.enum(['full', 'pro-rata']), instalments: z.array(Instalment).min(1).max(12) }),
])
export type YearRule = z.infer<typeof YearRule>

const planFields = {
  name: z.string().trim().min(1).max(100),
  joiningYear: YearRule,
  secondYear: YearRule,
  laterYears: YearRule,
}

function startOnlyInJoiningYear(plan: { secondYear: YearRule; laterYears: YearRule }, ctx: z.RefinementCtx): void {
  for (const key of ['secondYear', 'laterYears'] as const) {
    const rule = plan[key]
    if (rule.basis !== 'free' && rule.instalments.some((i) => i.due === 'start')) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: '"start" is a due day of the joining year only.',
        params: { reason: 'start-outside-joining-year' },
      })
    }
  }
}

/** A payment plan as created: name and the three year rules. */
export const NewPaymentPlan = z.object(planFields).superRefine(startOnlyInJoiningYear)
export type NewPaymentPlan = z.infer<typeof NewPaymentPlan>

/** Payment plan (Zahlungsplan): rules for the joining year, the second year, and the third year on. */
export const PaymentPlan = z.object({ id: z.string().min(1), ...planFields }).superRefine(startOnlyInJoiningYear)
export type PaymentPlan = z.infer<typeof PaymentPlan>

/** The rule that applies in the `index`-th calendar year of a membership (1 = the joining year). */
export function yearRuleFor(plan: PaymentPlan, index: number): YearRule {
  return index <= 1 ? plan.joiningYear : index === 2 ? plan.secondYear : plan.laterYears
}

/** True for a one-off plan (einmalig): nothing is due after the joining year. Such classes have no successor. */
export function isOneOffPlan(plan: PaymentPlan): boolean {
  return plan.secondYear.basis === 'free' && plan.laterYears.basis === 'free'
}

const yearly: YearRule = { basis: 'full', instalments: [{ due: '01-01', weight: 1 }] }
const everyMonths = (months: number): YearRule => ({
  basis: 'full',
  instalments: Array.from({ length: 12 / months }, (_, i) => ({ due: `${String(1 + i * months).padStart(2, '0')}-01`, weight: 1 })),
})

/** The plans every club needs, as ready-made templates (handbook §11.19 Vertikales Menü): pass an id and a name. */
export const paymentPlanTemplates = {
  /** Whole annual fee on 1 January; in the joining year pro rata from the joining month, due on joining. */
  yearly: { joiningYear: { basis: 'pro-rata', instalments: [{ due: 'start', weight: 1 }] }, secondYear: yearly, laterYears: yearly },
  /** Half on 1 January, half on 1 July; pro rata in the joining year. */
  halfYearly: {
    joiningYear: { basis: 'pro-rata', instalments: [{ due: 'start', weight: 1 }] },
    secondYear: everyMonths(6),
    laterYears: everyMonths(6),
  },
  /** A quarter on 1 January, 1 April, 1 July and 1 October; pro rata in the joining year. */
  quarterly: {
    joiningYear: { basis: 'pro-rata', instalments: [{ due: 'start', weight: 1 }] },
    secondYear: everyMonths(3),
    laterYears: everyMonths(3),
  },
  /** A twelfth on the first of every month; pro rata in the joining year. */
  monthly: {
    joiningYear: { basis: 'pro-rata', instalments: [{ due: 'start', weight: 1 }] },
    secondYear: everyMonths(1),
    laterYears: everyMonths(1),
  },
  /** One-off, e.g. the admission fee (Aufnahmegebühr): the whole amount when the class starts, then nothing. */
  oneOff: {
    joiningYear: { basis: 'full', instalments: [{ due: 'start', weight: 1 }] },
    secondYear: { basis: 'free' },
    laterYears: { basis: 'free' },
  },
  /** Free in the joining year (e.g. a transfer whose fee was paid at the old club), then yearly. */
  freeInJoiningYear: { joiningYear: { basis: 'free' }, secondYear: yearly, laterYears: yearly },
  /** Full annual fee in the joining year when joining, then yearly: no pro rata at all. */
  fullFromJoining: { joiningYear: { basis: 'full', instalments: [{ due: 'start', weight: 1 }] }, secondYear: yearly, laterYears: yearly },
  /**
   * "12 months from year 2" for transfers and partner-to-main changes (handbook §11.7 Beitragsklassen): nothing in the joining year,
   * the full year in the second year, then yearly.
   */
  twelveMonthsFromYear2: { joiningYear: { basis: 'free' }, secondYear: yearly, laterYears: yearly },
} as const satisfies Record<string, Omit<PaymentPlan, 'id' | 'name'>>
