import { capabilities } from '../capabilities'
import type { StoreFactories } from '../capabilities/capability'
import type { Database, DatabaseConnection } from './database'
import type { Storage } from './storage'
import type { OrganisationStorage } from './organisation-storage'
import { createPersonDirectory } from './postgres-person-directory'
import { createApiKeyStore } from './postgres-api-key-store'
import { createOrganisationDirectory, createOwnOrganisationStore } from './postgres-organisation-store'
import { createRunStore } from '../runs/postgres-run-store'
import { createMemoryRunProgressStore, createPostgresRunProgressStore, type RunProgress } from '../runs/run-progress'
import { createPostgresRateLimitStore } from '../http/rate-limit-store'
import { createPostgresDailyJobStore } from '../jobs/daily-job-store'

/**
 * The storage port over an open database (PGlite or PostgreSQL; same SQL and migrations for both). Every
 * capability's stores come from its registration in `capabilities/index.ts`.
 * `stores` replaces a capability's store, e.g. document content kept in a directory instead of the database.
 * @example const storage = createPostgresStorage(await openPglite())
 */
export function createPostgresStorage(connection: DatabaseConnection, options: { stores?: StoreFactories } = {}): Storage {
  const root = connection.db
  // PGlite is one process (its data directory is locked) and one connection: progress stays in that process.
  const memoryProgress = new Map<string, RunProgress>()
  const progressFor = (organisationId: string) =>
    connection.engine === 'postgres'
      ? createPostgresRunProgressStore(root, organisationId)
      : createMemoryRunProgressStore(memoryProgress, organisationId)

  const forOrganisation = (db: Database, organisationId: string): OrganisationStorage => {
    const stores: Record<string, unknown> = {}
    for (const factories of [...capabilities.map((c) => c.stores ?? {}), options.stores ?? {}]) {
      for (const [name, create] of Object.entries(factories)) {
        stores[name] = (create as (db: Database, organisationId: string) => unknown)(db, organisationId)
      }
    }
    return {
      ...(stores as unknown as Omit<OrganisationStorage, 'organisationId'>),
      organisationId,
      organisation: createOwnOrganisationStore(db, organisationId),
      runs: createRunStore(db, organisationId),
      runProgress: progressFor(organisationId),
      dailyJobs: createPostgresDailyJobStore(db, organisationId),
      transaction: (work) => db.transaction((tx) => work(forOrganisation(tx as unknown as Database, organisationId))),
    }
  }

  const over = (db: Database): Storage => ({
    organisations: createOrganisationDirectory(db),
    apiKeys: createApiKeyStore(db),
    rateLimits: createPostgresRateLimitStore(db),
    persons: createPersonDirectory(db),
    forOrganisation: (organisationId) => forOrganisation(db, organisationId),
    transaction: (work) => db.transaction((tx) => work(over(tx as unknown as Database))),
  })
  return over(root)
}
