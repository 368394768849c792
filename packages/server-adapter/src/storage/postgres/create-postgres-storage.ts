import type { Database } from '../database'
import type { Storage } from '../storage'
import { createApiKeyStore } from './api-key-store'
import { createApplicationStore } from './application-store'
import { createFeeClassGroupStore } from './fee-class-group-store'
import { createMembershipStore } from './membership-store'
import { createOrganisationStore } from './organisation-store'
import { createPersonStore } from './person-store'
import { createFinanceStore } from './finance-store'
import { createAssignmentStore } from './assignment-store'
import { createLedgerStore } from './ledger-store'
import { createRunStore } from './run-store'

/** The storage port over a drizzle database (PGlite or PostgreSQL; same SQL for both). */
export function createPostgresStorage(db: Database): Storage {
  return {
    organisations: createOrganisationStore(db),
    apiKeys: createApiKeyStore(db),
    feeClassGroups: createFeeClassGroupStore(db),
    applications: createApplicationStore(db),
    persons: createPersonStore(db),
    memberships: createMembershipStore(db),
    finance: createFinanceStore(db),
    assignments: createAssignmentStore(db),
    ledger: createLedgerStore(db),
    runs: createRunStore(db),
    transaction: (work) => db.transaction((tx) => work(createPostgresStorage(tx as unknown as Database))),
  }
}
