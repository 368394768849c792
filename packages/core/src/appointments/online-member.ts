import { VereinskitError } from '../errors/vereinskit-error'
import { compareDates, type CalendarDate } from '../calendar/calendar-date'

/** What online identification looks at in a membership found by its number. */
export interface OnlineMemberCandidate {
  readonly dateOfBirth: CalendarDate | null
  readonly endsOn: CalendarDate | null
  readonly archivedOn: CalendarDate | null
  /** Sperre Online-Termine. */
  readonly onlineAppointmentsBlocked: boolean
}

/**
 * Who may book online (handbook: Setting up MIA-Online; Member record → Membership): a current member — found by
 * number, with the date of birth given, neither ended before today nor archived. A wrong pair is one answer,
 * never "number unknown", so the form cannot be used to find numbers. A membership with *Sperre Online-Termine*
 * is refused with its own code: the office books for it.
 * @see docs/decisions/0022-appointments.md
 */
export function checkOnlineMember(candidate: OnlineMemberCandidate | undefined, dateOfBirth: CalendarDate, today: CalendarDate): void {
  const current =
    candidate !== undefined &&
    candidate.dateOfBirth === dateOfBirth &&
    candidate.archivedOn === null &&
    (candidate.endsOn === null || compareDates(candidate.endsOn, today) >= 0)
  if (!current) {
    throw new VereinskitError(
      'MEMBER_NOT_IDENTIFIED',
      'No current member with this membership number and date of birth. Please check both or call the office.',
    )
  }
  if (candidate.onlineAppointmentsBlocked) {
    throw new VereinskitError('ONLINE_BOOKING_BLOCKED', 'Appointments for this membership are booked through the office. Please call us.')
  }
}
