import type { Contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../http/route-handler'
import { applicationHandlers } from './applications'
import { membershipHandlers } from './memberships'
import { financeSetupHandlers } from './finance-setup'
import { feeAssignmentHandlers } from './fee-assignments'
import { chargeRunHandlers } from './charge-runs'
import { ledgerHandlers } from './ledger'
import { invoiceRunHandlers } from './invoice-runs'

/** Every route's handler, shaped like the contract. */
export const handlers: RouteHandlers<Contract> = {
  applications: applicationHandlers,
  memberships: membershipHandlers,
  ...financeSetupHandlers,
  feeAssignments: feeAssignmentHandlers,
  chargeRuns: chargeRunHandlers,
  ledger: ledgerHandlers,
  invoiceRuns: invoiceRunHandlers,
}
