import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { chargeRunHandlers } from './charge-run-handlers'

/** Charge runs (Sollstellungsläufe): fees due become debits on member accounts. */
export const chargeRunsCapability = defineCapability({
  name: 'charge-runs',
  routes: contract.chargeRuns,
  handlers: chargeRunHandlers,
})
