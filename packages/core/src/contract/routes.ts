import { applicationRoutes } from './applications'
import { membershipRoutes } from './memberships'
import { financeSetupRoutes } from './finance-setup'
import { feeAssignmentRoutes } from './fee-assignments'
import { chargeRunRoutes } from './charge-runs'
import { ledgerRoutes } from './ledger'
import { invoiceRunRoutes } from './invoice-runs'
import { dunningRoutes } from './dunning'
import { exclusionCollectionRoutes } from './exclusion-collection'
import { correspondenceRoutes } from './correspondence'
import { mandateRoutes } from './mandates'
import { directDebitRunRoutes } from './direct-debit-runs'
import { bankImportRoutes } from './bank-imports'
import { personRoutes } from './people'
import { memberCaptureRoutes } from './member-capture'
import { resultListRoutes } from './result-lists'
import { membershipPeriodRoutes } from './membership-periods'
import { appointmentSetupRoutes } from './appointment-setup'
import { appointmentRoutes } from './appointments'
import { onlineBookingRoutes } from './online-booking'
import { memberDatabaseRoutes } from './member-database'
import { organisationStructureRoutes } from './organisation-structure'
import { memberSyncRoutes } from './member-syncs'
import { customerReferenceRoutes } from './customer-references'

/** The whole HTTP API of vereinskit; client methods and server handlers are derived from this table. */
export const contract = {
  applications: applicationRoutes,
  memberships: { ...membershipRoutes, ...memberCaptureRoutes },
  persons: personRoutes,
  resultLists: resultListRoutes,
  membershipPeriods: membershipPeriodRoutes,
  ...financeSetupRoutes,
  feeAssignments: feeAssignmentRoutes,
  chargeRuns: chargeRunRoutes,
  ledger: ledgerRoutes,
  invoiceRuns: invoiceRunRoutes,
  dunning: { ...dunningRoutes, ...exclusionCollectionRoutes },
  correspondence: correspondenceRoutes,
  mandates: mandateRoutes,
  directDebitRuns: directDebitRunRoutes,
  bankImports: bankImportRoutes,
  ...appointmentSetupRoutes,
  appointments: appointmentRoutes,
  onlineBooking: onlineBookingRoutes,
  memberDatabase: memberDatabaseRoutes,
  organisationStructure: organisationStructureRoutes,
  memberSyncs: memberSyncRoutes,
  customerReferences: customerReferenceRoutes,
} as const

/** The type of the contract table. */
export type Contract = typeof contract
