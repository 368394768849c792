import { compareDates, addMonths, type CalendarDate } from '../calendar/calendar-date'
import type { FieldIssue } from '../errors/vereinskit-error'
import type { ApplicationSubmission } from './online-application'

/** What a submission is checked against besides its own shape. */
export interface ApplicationContext {
  /** Today in the organisation's time zone. */
  readonly asOf: CalendarDate
  /** Fee-class groups this organisation offers online. */
  readonly offeredFeeGroupIds: readonly string[]
  /** False when the organisation has no creditor identifier and so cannot take SEPA mandates. */
  readonly acceptsMandates: boolean
}

const maxAgeMonths = 130 * 12

/**
 * Rules on a well-formed submission that need the organisation's context: a date of birth that is not in the
 * future nor more than 130 years ago, a fee-class group the organisation offers online, and a mandate only where
 * the organisation collects by direct debit.
 */
export function checkApplication(submission: ApplicationSubmission, context: ApplicationContext): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (compareDates(submission.dateOfBirth, context.asOf) > 0) {
    issues.push({ path: 'dateOfBirth', code: 'in-future', message: 'The date of birth lies in the future.' })
  } else if (compareDates(submission.dateOfBirth, addMonths(context.asOf, -maxAgeMonths)) < 0) {
    issues.push({ path: 'dateOfBirth', code: 'implausible', message: 'The date of birth is more than 130 years ago.' })
  }
  if (!context.offeredFeeGroupIds.includes(submission.feeClassGroupId)) {
    issues.push({
      path: 'feeClassGroupId',
      code: 'not-offered',
      message: 'This fee-class group is not offered for online applications.',
    })
  }
  if (submission.mandate && !context.acceptsMandates) {
    issues.push({ path: 'mandate', code: 'not-offered', message: 'This club does not collect fees by direct debit.' })
  }
  return issues
}
