import { planSuccessorSwitches, type CalendarDate } from '@vereinskit/core'
import type { Storage } from '../storage/storage'

/**
 * The successor job (D6): ends assignments of fee classes that have ended and starts their successors the next
 * day, in one transaction per organisation. Idempotent: running it again changes nothing.
 */
export async function runSuccessorSwitch(storage: Storage, organisationId: string, asOf: CalendarDate): Promise<number> {
  return storage.transaction(async (tx) => {
    await tx.organisations.getForUpdate(organisationId)
    const switches = planSuccessorSwitches(
      await tx.assignments.listAll(organisationId),
      await tx.finance.listFeeClasses(organisationId),
      asOf,
    )
    for (const change of switches) {
      await tx.assignments.update(organisationId, change.assignmentId, { validUntil: change.endOn })
      await tx.assignments.create(organisationId, change.successor)
    }
    return switches.length
  })
}
