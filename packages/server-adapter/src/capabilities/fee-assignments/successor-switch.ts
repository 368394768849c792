import type { CalendarDate } from '@vereinskit/core'
import { planSuccessorSwitches } from '@vereinskit/core/fees'
import type { OrganisationStorage } from '../../storage/organisation-storage'

/**
 * The successor job (Nachfolger-Beitragsklasse): ends assignments of fee classes that have ended and starts their successors the next
 * day, in one transaction per organisation. Idempotent: running it again changes nothing.
 */
export async function runSuccessorSwitch(storage: OrganisationStorage, asOf: CalendarDate): Promise<number> {
  return storage.transaction(async (tx) => {
    await tx.organisation.getForUpdate()
    const switches = planSuccessorSwitches(await tx.assignments.listAll(), await tx.finance.listFeeClasses(), asOf)
    for (const change of switches) {
      await tx.assignments.update(change.assignmentId, { validUntil: change.endOn })
      await tx.assignments.create(change.successor)
    }
    return switches.length
  })
}
