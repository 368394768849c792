import { splitCents } from '../money/allocate'
import type { Cents } from '../money/cents'
import { compareDates, dateParts, daysInMonth, makeDate, type CalendarDate } from '../calendar/calendar-date'
import type { PaymentPlan } from './payment-plan'
import { yearRuleFor } from './payment-plan'

/** One instalment of one year: its due date, its amount, and the year's cumulative amount up to and including it. */
export interface DueInstalment {
  readonly due: CalendarDate
  readonly amount: Cents
  readonly cumulative: Cents
}

/** What a year's instalments are computed from. */
export interface InstalmentInput {
  readonly plan: PaymentPlan
  /** Annual amount in cents. */
  readonly annualAmount: Cents
  readonly joinedOn: CalendarDate
  /** When the fee class started for this member; `start` due days resolve to it (or the joining date, if later). */
  readonly startsOn: CalendarDate
  readonly year: number
}

/** Splits an annual amount into twelve monthly parts that sum exactly to it (largest remainder). */
export function monthlyParts(annualAmount: Cents): Cents[] {
  return splitCents(
    annualAmount,
    Array.from({ length: 12 }, () => 1),
  )
}

/**
 * The instalments of one calendar year under a plan (docs/decisions/0000#d7), in due order. The amounts always sum to exactly the
 * year's amount: the annual amount (`full`), the months from the joining month to December (`pro-rata`; the
 * twelve monthly parts are fixed, so pro rata plus the rest of a year never exceeds the annual amount), or
 * nothing (`free`). A `MM-DD` that does not exist in the year (29 February) falls on the month's last day.
 *
 * In the joining year nothing falls due before the start: an instalment whose day lies earlier is due on the
 * start date instead (docs/decisions/0000#d7: the joining-year share is due on joining). So where the due days sit never changes
 * what a year costs — a member joining on 15 March under a 01-01/07-01 plan owes half on 15 March and half on
 * 1 July, and under a full-fee 01-01 rule the whole year on 15 March.
 */
export function instalmentsForYear(input: InstalmentInput): DueInstalment[] {
  const joiningYear = dateParts(input.joinedOn).year
  const rule = yearRuleFor(input.plan, input.year - joiningYear + 1)
  if (rule.basis === 'free' || input.year < joiningYear) return []

  const start = compareDates(input.startsOn, input.joinedOn) > 0 ? input.startsOn : input.joinedOn
  const yearAmount =
    rule.basis === 'full'
      ? input.annualAmount
      : monthlyParts(input.annualAmount)
          .slice(dateParts(start).month - 1)
          .reduce((a, b) => a + b, 0)
  const parts = splitCents(
    yearAmount,
    rule.instalments.map((i) => i.weight),
  )
  const inJoiningYear = input.year === joiningYear
  const dues = rule.instalments.map((instalment, index) => {
    const day = instalment.due === 'start' ? start : dueInYear(instalment.due, input.year)
    return { due: inJoiningYear && compareDates(day, start) < 0 ? start : day, amount: parts[index]! }
  })
  dues.sort((a, b) => compareDates(a.due, b.due))
  // Instalments moved onto the same day are one instalment: one charge, one slot.
  const merged: { due: CalendarDate; amount: Cents }[] = []
  for (const d of dues) {
    const last = merged.at(-1)
    if (last && last.due === d.due) last.amount += d.amount
    else merged.push({ ...d })
  }
  let cumulative = 0
  return merged.map((d) => ({ ...d, cumulative: (cumulative += d.amount) }))
}

function dueInYear(monthDay: string, year: number): CalendarDate {
  const month = Number(monthDay.slice(0, 2))
  const day = Number(monthDay.slice(3, 5))
  return makeDate(year, month, Math.min(day, daysInMonth(year, month)))
}
