import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { ValidationError, VereinskitError } from '../errors/vereinskit-error'
import { checkMembershipEnd } from './membership-end'
import { earliestEndDate, keepsNoticePeriod, type NoticePeriod } from './notice-period'

/** A termination as staff record it (Kündigung, handbook §11.6 rules 43–49). */
export interface TerminationRequest {
  readonly receivedOn: CalendarDate
  readonly endsOn?: CalendarDate | undefined
  readonly overrideNoticePeriod: boolean
}

/**
 * The end a termination gives a membership: the earliest the notice period allows unless a date is given
 * (docs/decisions/0000#d22). It is received between the joining day and today; an earlier end than the notice
 * allows, or terminating a membership that has ended already, needs `overrideNoticePeriod`.
 * @see docs/decisions/0021-memberships-and-periods.md
 */
export function terminationEnd(
  membership: { joinedOn: CalendarDate; endsOn: CalendarDate | null },
  request: TerminationRequest,
  notice: NoticePeriod,
  today: CalendarDate,
): CalendarDate {
  if (compareDates(request.receivedOn, membership.joinedOn) < 0 || compareDates(request.receivedOn, today) > 0) {
    throw new ValidationError([
      {
        path: 'receivedOn',
        code: 'out-of-range',
        message: `A termination is received between ${membership.joinedOn} and today (${today}).`,
      },
    ])
  }
  if (membership.endsOn !== null && compareDates(membership.endsOn, today) < 0 && !request.overrideNoticePeriod) {
    throw new ValidationError([
      {
        path: 'receivedOn',
        code: 'already-ended',
        message: `The membership ended on ${membership.endsOn}; withdraw that termination first, or override.`,
      },
    ])
  }
  const earliest = earliestEndDate(request.receivedOn, notice)
  const endsOn = request.endsOn ?? earliest
  if (!request.overrideNoticePeriod && !keepsNoticePeriod(request.receivedOn, endsOn, notice)) {
    throw new VereinskitError(
      'NOTICE_PERIOD_NOT_MET',
      `A termination received on ${request.receivedOn} can end the membership on ${earliest} at the earliest; set overrideNoticePeriod to end it earlier.`,
    )
  }
  const issues = checkMembershipEnd(membership.joinedOn, endsOn)
  if (issues.length > 0) throw new ValidationError(issues)
  return endsOn
}
