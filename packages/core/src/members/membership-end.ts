import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { FieldIssue } from '../errors/vereinskit-error'

/** A membership cannot end before it starts; `null` means it has no end. */
export function checkMembershipEnd(joinedOn: CalendarDate, endsOn: CalendarDate | null): FieldIssue[] {
  if (endsOn === null || compareDates(endsOn, joinedOn) >= 0) return []
  return [{ path: 'endsOn', code: 'before-joining', message: `The membership began on ${joinedOn}; it cannot end before that.` }]
}
