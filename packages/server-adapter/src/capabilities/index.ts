import type { Capability } from './capability'
import { applicationsCapability } from './applications'
import { membershipsCapability } from './memberships'
import { financeSetupCapability } from './finance-setup'
import { feeAssignmentsCapability } from './fee-assignments'
import { ledgerCapability } from './ledger'
import { chargeRunsCapability } from './charge-runs'
import { invoiceRunsCapability } from './invoice-runs'
import { correspondenceCapability } from './correspondence'
import { dunningCapability } from './dunning'
import { mandateCapability, directDebitCapability } from './direct-debits'
import { bankImportCapability } from './bank-imports'
import { peopleCapability, resultListCapability } from './people'
import { membershipPeriodsCapability } from './membership-periods'
import { appointmentSetupCapability, appointmentCapability, onlineBookingCapability } from './appointments'
import { memberDatabaseCapability } from './member-database'
import { organisationStructureCapability } from './organisation-structure'
import { memberSyncCapability } from './member-syncs'
import { customerReferenceCapability } from './customer-references'

/**
 * Every capability the server mounts: its routes with their handlers, its stores, its daily jobs. Adding a
 * capability is its own folders plus one line here (docs/contributing/adding-a-capability.md).
 */
export const capabilities: readonly Capability[] = [
  applicationsCapability,
  membershipsCapability,
  financeSetupCapability,
  feeAssignmentsCapability,
  ledgerCapability,
  chargeRunsCapability,
  invoiceRunsCapability,
  correspondenceCapability,
  dunningCapability,
  mandateCapability,
  directDebitCapability,
  bankImportCapability,
  peopleCapability,
  resultListCapability,
  membershipPeriodsCapability,
  appointmentSetupCapability,
  appointmentCapability,
  onlineBookingCapability,
  memberDatabaseCapability,
  organisationStructureCapability,
  memberSyncCapability,
  customerReferenceCapability,
]
