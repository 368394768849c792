import { addDays, compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { FeeAssignment } from './assignment'
import type { FeeClass } from './fee-class'

/** What the successor job does to one assignment: end it and start the successor the next day. */
export interface SuccessorSwitch {
  readonly assignmentId: string
  readonly membershipId: string
  readonly endOn: CalendarDate
  readonly successor: Omit<FeeAssignment, 'id'>
}

/**
 * The successor switches due on `asOf` (docs/decisions/0000#d6): every assignment of a class that has ended (its last valid day is
 * before or on `asOf`) and has a successor is ended on that last day, and the successor starts the next day with
 * the same individual plan. Idempotent: an assignment already ended on or before that day is left alone, so the
 * job may run any day, any number of times.
 */
export function planSuccessorSwitches(
  assignments: readonly FeeAssignment[],
  feeClasses: readonly FeeClass[],
  asOf: CalendarDate,
): SuccessorSwitch[] {
  const switches: SuccessorSwitch[] = []
  for (const assignment of assignments) {
    const feeClass = feeClasses.find((c) => c.id === assignment.feeClassId)
    if (!feeClass?.successorId || feeClass.validUntil === null) continue
    const lastDay = feeClass.validUntil
    if (compareDates(lastDay, asOf) > 0) continue
    if (assignment.validUntil !== null && compareDates(assignment.validUntil, lastDay) <= 0) continue
    if (compareDates(assignment.validFrom, lastDay) > 0) continue
    switches.push({
      assignmentId: assignment.id,
      membershipId: assignment.membershipId,
      endOn: lastDay,
      successor: {
        membershipId: assignment.membershipId,
        feeClassId: feeClass.successorId,
        validFrom: addDays(lastDay, 1),
        validUntil: assignment.validUntil,
        paymentPlanId: assignment.paymentPlanId,
        amount: null,
      },
    })
  }
  return switches
}
