import type { Database } from '../../storage/database'
import type { LedgerStore } from './ledger-store'
import { createAllocationQueries } from './postgres-allocation-queries'
import { createPostingQueries } from './postgres-posting-queries'
import { createRunUsageQueries } from './postgres-run-usage-queries'

/** The ledger store of one organisation in PostgreSQL: postings, allocations, and what runs booked and used. */
export function createLedgerStore(db: Database, organisationId: string): LedgerStore {
  return {
    ...createPostingQueries(db, organisationId),
    ...createAllocationQueries(db, organisationId),
    ...createRunUsageQueries(db, organisationId),
  }
}
