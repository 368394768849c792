/**
 * @module @vereinskit/server-adapter: the vereinskit HTTP API as a Fetch-API handler, PostgreSQL storage
 * (a server via `pg`, or embedded PGlite), migrations and staff API keys.
 *
 * @example
 * import { createRequestHandler, createPostgresStorage, openPglite, provisionOrganisation } from '@vereinskit/server-adapter'
 * const connection = await openPglite({ dataDir: './.data' })
 * await connection.migrate()
 * const storage = createPostgresStorage(connection)
 * const { organisation, apiKey } = await provisionOrganisation(storage, { name: 'TSV Musterstadt' })
 * const handle = createRequestHandler({ storage })
 */
export { createRequestHandler } from './create-request-handler'
export type { RequestHandler, RequestHandlerOptions, ConnectionInfo } from './create-request-handler'
export { createPostgresStorage } from './storage/create-postgres-storage'
export { openPglite } from './storage/open-pglite'
export { openPostgres } from './storage/open-postgres'
export type { DatabaseConnection, Database } from './storage/database'
export type { Storage, OrganisationStorage, OrganisationStores, OrganisationRecord, NewOrganisation, Page } from './storage/storage'
export type { FeeClassGroupRecord } from './capabilities/finance-setup/fee-class-group-store'
export { provisionOrganisation, issueStaffApiKey } from './provision-organisation'
export { generateApiKey, hashApiKey } from './auth/api-key'
export { createRateLimiter, createMemoryRateLimiter } from './http/rate-limiter'
export type { RateLimiter } from './http/rate-limiter'
export { statusByCode } from './http/problem'
export { openApiDocument } from './http/openapi-document'
export { systemClock } from './clock'
export { runSuccessorSwitch } from './capabilities/fee-assignments/successor-switch'
export { startScheduler } from './jobs/scheduler'
export { deliverQueuedMail } from './capabilities/correspondence/deliver-mail'
export type { MailSettings, MailPass } from './capabilities/correspondence/deliver-mail'
export type { Scheduler } from './jobs/scheduler'
export type { Clock } from './clock'
export type { RouteHandler, RouteHandlers, HandlerContext } from './http/route-handler'
export { defineCapability } from './capabilities/capability'
export type { Capability, DailyJob } from './capabilities/capability'
export { defineRunKind } from './runs/run-kind'
export type { RunKind, RunContext, TypedRun } from './runs/run-kind'
export { applyRun } from './runs/apply-run'
export { reverseRun } from './runs/reverse-run'
export { restMemberDatabaseConnector, MemberDatabaseCallError, dispatchOutbox, pullMemberDatabase } from './capabilities/member-database'
export type {
  MemberDatabaseConnector,
  MemberDatabaseConnectorFactory,
  MemberDatabaseIntegration,
  RemoteChange,
} from './capabilities/member-database'
export { runMemberDatabaseSync } from './jobs/member-database-jobs'
export { restCustomerDirectory } from './capabilities/customer-references'
export type { CustomerDirectory, CustomerDirectoryFactory, CrmIntegration, ExternalCustomer } from './capabilities/customer-references'
export type { ServerIntegrations } from './http/route-handler'
export type { PersonDirectory, PersonalRegistration } from './storage/storage'
