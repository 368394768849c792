import { compareDates, type CalendarDate } from '../calendar/calendar-date'

/**
 * Where a membership stands for staff on a day (handbook §4.1): active, inactive (it has ended: the red "!") or
 * archived (the red "A"; archive runs set it). A membership that has not begun yet counts as active: it is
 * registered and has not ended.
 */
export type MembershipState = 'active' | 'inactive' | 'archived'

/** The state of a membership on `asOf`. */
export function membershipStateOn(
  membership: { endsOn: CalendarDate | null; archivedOn: CalendarDate | null },
  asOf: CalendarDate,
): MembershipState {
  if (membership.archivedOn !== null) return 'archived'
  if (membership.endsOn !== null && compareDates(membership.endsOn, asOf) < 0) return 'inactive'
  return 'active'
}
