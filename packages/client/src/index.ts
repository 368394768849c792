/**
 * @module @vereinskit/client: a typed client for the vereinskit HTTP API, derived from the contract in
 * `@vereinskit/core`.
 *
 * @example
 * import { createClient, isApiError } from '@vereinskit/client'
 * const client = createClient({ baseUrl: 'https://verein.example/api', apiKey: process.env.VK_API_KEY })
 * const page = await client.applications.list({ params: { organisationId }, query: { status: 'pending' } })
 */
export { createClient, createClientFor } from './create-client'
export type { ClientOptions, CallOptions, ClientMethods, VereinskitClient } from './create-client'
export { ApiError, isApiError } from './api-error'
export type { ClientErrorCode } from './api-error'
