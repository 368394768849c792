import * as z from 'zod'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { FieldIssue } from '../errors/vereinskit-error'

/**
 * A membership period (medlemsperiod): organisations that sell membership per term or per year keep their
 * periods in a table that must be filled before members can be registered; one registration per person and
 * period. A changed scheme (terms → years) only adds new periods; old ones and their registrations stay.
 * @see docs/decisions/0021-memberships-and-periods.md
 */
export const MembershipPeriodInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  startsOn: CalendarDateSchema,
  endsOn: CalendarDateSchema,
})
export type MembershipPeriodInput = z.infer<typeof MembershipPeriodInput>

/** A stored period. */
export interface MembershipPeriod extends MembershipPeriodInput {
  readonly id: string
}

/** Checks a new or changed period against the organisation's other periods: start ≤ end, no overlap, unique name. */
export function checkMembershipPeriod(period: MembershipPeriodInput, others: readonly MembershipPeriod[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (compareDates(period.startsOn, period.endsOn) > 0) {
    issues.push({ path: 'endsOn', code: 'before-start', message: 'A period cannot end before it starts.' })
    return issues
  }
  const overlap = others.find((o) => compareDates(o.startsOn, period.endsOn) <= 0 && compareDates(period.startsOn, o.endsOn) <= 0)
  if (overlap) {
    issues.push({
      path: 'startsOn',
      code: 'overlaps',
      message: `The period overlaps "${overlap.name}" (${overlap.startsOn} to ${overlap.endsOn}).`,
    })
  }
  if (others.some((o) => o.name.toLowerCase() === period.name.toLowerCase())) {
    issues.push({ path: 'name', code: 'duplicate-name', message: `A period named "${period.name}" exists.` })
  }
  return issues
}

/** The period a date falls in, if any. */
export function periodOn(periods: readonly MembershipPeriod[], date: CalendarDate): MembershipPeriod | undefined {
  return periods.find((p) => compareDates(p.startsOn, date) <= 0 && compareDates(date, p.endsOn) <= 0)
}
