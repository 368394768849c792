import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { feeAssignmentHandlers } from './fee-assignment-handlers'
import { createAssignmentStore } from './postgres-assignment-store'
import { runSuccessorSwitch } from './successor-switch'

/** Fee-class assignments (Beitragsklassen-Zuordnungen), and the daily switch to successor classes. */
export const feeAssignmentsCapability = defineCapability({
  name: 'fee-assignments',
  routes: contract.feeAssignments,
  handlers: feeAssignmentHandlers,
  stores: { assignments: createAssignmentStore },
  dailyJobs: [{ name: 'successor-switch', run: async (tx, today) => void (await runSuccessorSwitch(tx, today)) }],
})
