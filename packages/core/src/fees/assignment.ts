import * as z from 'zod'
import { addDays, compareDates, type CalendarDate } from '../calendar/calendar-date'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { AmountSchema } from '../money/amount-schema'
import { VereinskitError, type FieldIssue } from '../errors/vereinskit-error'
import { isFeeClassValidOn, type FeeClass } from './fee-class'

/** A fee class assigned to a membership for a period, optionally with an individual plan and amount. */
export const FeeAssignment = z.object({
  id: z.string().min(1),
  membershipId: z.string().min(1),
  feeClassId: z.string().min(1),
  validFrom: CalendarDateSchema,
  /** Last day charged; `null` while open-ended. */
  validUntil: CalendarDateSchema.nullable(),
  /** Zahlungsplan (individuell): overrides the class's default plan for this member. */
  paymentPlanId: z.string().min(1).nullable(),
  /** Annual amount from the fee-class group, when it differs from the class's own amount. */
  amount: AmountSchema.min(0).nullable(),
})
export type FeeAssignment = z.infer<typeof FeeAssignment>

/** The period changes a class change makes: the old assignment ends the day before the new one starts. */
export function planFeeClassChange(
  current: Pick<FeeAssignment, 'id' | 'validFrom' | 'validUntil'>,
  changeOn: CalendarDate,
): { endCurrentOn: CalendarDate; startNewOn: CalendarDate } {
  if (compareDates(changeOn, current.validFrom) <= 0) {
    throw new VereinskitError(
      'ASSIGNMENT_CHANGE_BEFORE_START',
      `The new class must start after ${current.validFrom}, when the current one started.`,
    )
  }
  if (current.validUntil !== null && compareDates(changeOn, current.validUntil) > 0) {
    throw new VereinskitError('ASSIGNMENT_ALREADY_ENDED', `The current class already ended on ${current.validUntil}.`)
  }
  return { endCurrentOn: addDays(changeOn, -1), startNewOn: changeOn }
}

/** Removing an assignment corrects a wrong entry; allowed only while nothing has been charged from it (handbook §11.7 Beitragsklassen). */
export function assertAssignmentRemovable(
  assignmentId: string,
  chargedPostings: number,
  correction: 'remove' | 'move-start' = 'remove',
): void {
  if (chargedPostings > 0) {
    const instead = correction === 'remove' ? 'end it instead of removing it' : 'end it and assign the class anew from the right day'
    throw new VereinskitError(
      'ASSIGNMENT_CHARGED',
      `Fee assignment ${assignmentId} has ${chargedPostings} charge(s); ${instead}, or undo the charges first.`,
    )
  }
}

/** An assignment must not end before it starts, nor (when the membership is given) start before the membership does. */
export function checkAssignmentPeriod(
  period: { validFrom: CalendarDate; validUntil: CalendarDate | null },
  membership?: { joinedOn: CalendarDate },
): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (period.validUntil !== null && compareDates(period.validUntil, period.validFrom) < 0) {
    issues.push({ path: 'validUntil', code: 'before-start', message: `The assignment cannot end before it starts on ${period.validFrom}.` })
  }
  if (membership && compareDates(period.validFrom, membership.joinedOn) < 0) {
    issues.push({
      path: 'validFrom',
      code: 'before-joining',
      message: `The membership starts on ${membership.joinedOn}; fees cannot start earlier.`,
    })
  }
  return issues
}

/**
 * Only fee classes shown as available (handbook §11.7: "eine versehentliche Vergabe ist damit nicht möglich") and
 * valid on the assignment's first day may be assigned by staff; a hidden or expired class is refused.
 */
export function assertFeeClassAssignable(feeClass: FeeClass, validFrom: CalendarDate): void {
  if (!feeClass.showInMembership) {
    throw new VereinskitError(
      'FEE_CLASS_NOT_ASSIGNABLE',
      `Fee class ${feeClass.name} is hidden from memberships; show it again in the fee-class settings to assign it.`,
    )
  }
  if (!isFeeClassValidOn(feeClass, validFrom)) {
    const until = feeClass.validUntil === null ? '' : ` until ${feeClass.validUntil}`
    throw new VereinskitError(
      'FEE_CLASS_NOT_ASSIGNABLE',
      `Fee class ${feeClass.name} is valid from ${feeClass.validFrom}${until}, not on ${validFrom}.`,
    )
  }
}
