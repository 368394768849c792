import {
  buildPath,
  contract,
  isRouteDefinition,
  problemContentType,
  type Contract,
  type Endpoint,
  type EndpointTable,
  type RouteDefinition,
  type RouteInput,
  type RouteOutput,
  type RouteTable,
} from '@vereinskit/core/contract'
import { ApiError } from './api-error'
import { httpRequest, type HttpSettings } from './http-request'

/** Per-call options. */
export interface CallOptions {
  readonly signal?: AbortSignal
}

/** One client method per contract route, shaped like the contract (`client.applications.submit(...)`). */
export type ClientMethods<T extends RouteTable | EndpointTable> = {
  readonly [K in keyof T]: T[K] extends RouteDefinition
    ? (input: RouteInput<T[K]>, options?: CallOptions) => Promise<RouteOutput<T[K]>>
    : T[K] extends Endpoint<infer R>
      ? (input: RouteInput<R>, options?: CallOptions) => Promise<RouteOutput<R>>
      : T[K] extends RouteTable | EndpointTable
        ? ClientMethods<T[K]>
        : never
}

/** The vereinskit API client. */
export type VereinskitClient = ClientMethods<Contract>

/** Options of `createClient`. */
export interface ClientOptions {
  /** Where the API is mounted, e.g. `https://verein.example/api`. */
  readonly baseUrl: string
  /** A staff API key (`vk_…`); leave out for the public routes a website form uses. */
  readonly apiKey?: string
  /** A `fetch` to use instead of the global one (tests, server-side rendering, instrumentation). */
  readonly fetch?: typeof fetch
  /** Request timeout in milliseconds; default 30 000. */
  readonly timeout?: number
}

/**
 * Creates a typed client whose methods are derived from the shared contract: inputs are typed from the route's
 * schemas, answers are validated with them, and problem documents become `ApiError`s with the server's code.
 * @example
 * const client = createClient({ baseUrl: 'https://verein.example/api' })
 * await client.applications.submit({ params: { organisationId }, body: submission })
 */
export function createClient(options: ClientOptions): VereinskitClient {
  return createClientFor(contract, options)
}

/**
 * Like `createClient`, for a part of the contract only. Given routes, answers are validated with their schemas;
 * given endpoints (routes without schemas, `applicationFormEndpoints`), answers are trusted, so a page with a size
 * budget ships no schema library and the server remains the one that validates.
 * @example
 * const client = createClientFor({ applications: applicationFormEndpoints }, { baseUrl })
 */
export function createClientFor<T extends RouteTable | EndpointTable>(routes: T, options: ClientOptions): ClientMethods<T> {
  const http: HttpSettings = {
    baseUrl: options.baseUrl,
    timeout: options.timeout ?? 30_000,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: {
      accept: `application/json, ${problemContentType}`,
      ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }),
    },
  }
  return buildMethods(http, routes) as ClientMethods<T>
}

function buildMethods(http: HttpSettings, table: RouteTable | EndpointTable): Record<string, unknown> {
  const methods: Record<string, unknown> = {}
  for (const [name, entry] of Object.entries(table)) {
    methods[name] = isEndpoint(entry)
      ? (input: unknown, call?: CallOptions) => send(http, entry, input, call)
      : buildMethods(http, entry as RouteTable | EndpointTable)
  }
  return methods
}

async function send(http: HttpSettings, route: RouteDefinition | Endpoint, input: unknown, call: CallOptions = {}): Promise<unknown> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown }
  const searchParams = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) searchParams.set(key, String(value))

  let response: Response
  try {
    response = await httpRequest(http, {
      method: route.method,
      path: buildPath(route.path, params),
      searchParams,
      ...(body !== undefined && { json: body }),
      ...(call.signal && { signal: call.signal }),
    })
  } catch (error) {
    if (call.signal?.aborted) throw error
    throw new ApiError('NETWORK_ERROR', `Could not reach the vereinskit API (${route.method} ${route.path}).`, { cause: error })
  }

  const produces = 'produces' in route ? route.produces : undefined
  if (response.ok && produces === 'csv') return response.text()
  if (response.ok && (produces === 'xlsx' || produces === 'pdf')) return new Uint8Array(await response.arrayBuffer())
  const payload = await readJson(response)
  if (!response.ok) throw ApiError.fromProblem(payload, response.status)
  if (!('response' in route)) return payload
  const parsed = route.response.safeParse(payload)
  if (!parsed.success) {
    throw new ApiError('INVALID_RESPONSE', `The answer of ${route.method} ${route.path} does not match the contract.`, {
      status: response.status,
      cause: parsed.error,
    })
  }
  return parsed.data
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text()
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function isEndpoint(entry: unknown): entry is RouteDefinition | Endpoint {
  return isRouteDefinition(entry as RouteDefinition)
}
