import { compareDates, type CalendarDate } from '../calendar/calendar-date'

/**
 * Where a membership stands on a day: not yet begun (joining date later), active (from the joining date up to and
 * including its last day), or ended (the day after its end date onwards). The one definition every run uses:
 * invoice runs invoice "active members only" with it, write-offs choose active or ended memberships with it.
 */
export type MembershipStatus = 'not-yet-joined' | 'active' | 'ended'

/** The status of a membership on `date`. */
export function membershipStatusOn(
  membership: { joinedOn: CalendarDate; endsOn: CalendarDate | null },
  date: CalendarDate,
): MembershipStatus {
  if (membership.endsOn !== null && compareDates(membership.endsOn, date) < 0) return 'ended'
  if (compareDates(membership.joinedOn, date) > 0) return 'not-yet-joined'
  return 'active'
}
