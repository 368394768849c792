/**
 * @module @vereinskit/server-adapter: the vereinskit HTTP API as a Fetch-API handler, PostgreSQL storage
 * (a server via `pg`, or embedded PGlite), migrations and staff API keys.
 *
 * @example
 * import { createRequestHandler, createPostgresStorage, openPglite, provisionOrganisation } from '@vereinskit/server-adapter'
 * const connection = await openPglite({ dataDir: './.data' })
 * await connection.migrate()
 * const storage = createPostgresStorage(connection.db)
 * const { organisation, apiKey } = await provisionOrganisation(storage, { name: 'TSV Musterstadt' })
 * const handle = createRequestHandler({ storage })
 */
export { createRequestHandler } from './create-request-handler'
export type { RequestHandler, RequestHandlerOptions, ConnectionInfo } from './create-request-handler'
export { createPostgresStorage } from './storage/postgres/create-postgres-storage'
export { openPglite } from './storage/open-pglite'
export { openPostgres } from './storage/open-postgres'
export type { DatabaseConnection, Database } from './storage/database'
export type { Storage, OrganisationRecord, NewOrganisation, FeeClassGroupRecord, Page } from './storage/storage'
export { provisionOrganisation, issueStaffApiKey } from './provision-organisation'
export { generateApiKey, hashApiKey } from './auth/api-key'
export { createMemoryRateLimiter } from './http/rate-limiter'
export type { RateLimiter } from './http/rate-limiter'
export { statusByCode } from './http/problem'
export { openApiDocument } from './http/openapi-document'
export { systemClock } from './clock'
export { runSuccessorSwitch } from './jobs/successor-switch'
export { startScheduler } from './jobs/scheduler'
export type { Scheduler } from './jobs/scheduler'
export type { Clock } from './clock'
export type { RouteHandler, RouteHandlers, HandlerContext } from './http/route-handler'
