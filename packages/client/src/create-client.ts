import ky, { type KyInstance } from 'ky'
import {
  buildPath,
  contract,
  isRouteDefinition,
  problemContentType,
  type Contract,
  type RouteDefinition,
  type RouteInput,
  type RouteOutput,
  type RouteTable,
} from '@vereinskit/core/contract'
import { ApiError } from './api-error'

/** Per-call options. */
export interface CallOptions {
  readonly signal?: AbortSignal
}

/** One client method per contract route, shaped like the contract (`client.applications.submit(...)`). */
export type ClientMethods<T extends RouteTable> = {
  readonly [K in keyof T]: T[K] extends RouteDefinition
    ? (input: RouteInput<T[K]>, options?: CallOptions) => Promise<RouteOutput<T[K]>>
    : T[K] extends RouteTable
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
 * Like `createClient`, for a part of the contract only: a website component that needs two public routes ships
 * their schemas and not the whole staff API.
 * @example
 * const client = createClientFor({ applications: applicationRoutes }, { baseUrl })
 */
export function createClientFor<T extends RouteTable>(routes: T, options: ClientOptions): ClientMethods<T> {
  const http = ky.create({
    prefixUrl: options.baseUrl.replace(/\/+$/, ''),
    throwHttpErrors: false,
    timeout: options.timeout ?? 30_000,
    retry: { limit: 2, methods: ['get'] },
    ...(options.fetch && { fetch: options.fetch }),
    headers: {
      accept: `application/json, ${problemContentType}`,
      ...(options.apiKey && { authorization: `Bearer ${options.apiKey}` }),
    },
  })
  return buildMethods(http, routes) as ClientMethods<T>
}

function buildMethods(http: KyInstance, table: RouteTable): Record<string, unknown> {
  const methods: Record<string, unknown> = {}
  for (const [name, entry] of Object.entries(table)) {
    methods[name] = isRouteDefinition(entry)
      ? (input: unknown, call?: CallOptions) => send(http, entry, input, call)
      : buildMethods(http, entry)
  }
  return methods
}

async function send(http: KyInstance, route: RouteDefinition, input: unknown, call: CallOptions = {}): Promise<unknown> {
  const { params, query, body } = (input ?? {}) as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown }
  const searchParams = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null) searchParams.set(key, String(value))

  let response: Response
  try {
    response = await http(buildPath(route.path, params).slice(1), {
      method: route.method,
      searchParams,
      ...(body !== undefined && { json: body }),
      ...(call.signal && { signal: call.signal }),
    })
  } catch (error) {
    if (call.signal?.aborted) throw error
    throw new ApiError('NETWORK_ERROR', `Could not reach the vereinskit API (${route.method} ${route.path}).`, { cause: error })
  }

  if (response.ok && route.produces === 'csv') return response.text()
  if (response.ok && route.produces === 'xlsx') return new Uint8Array(await response.arrayBuffer())
  const payload = await readJson(response)
  if (!response.ok) throw ApiError.fromProblem(payload, response.status)
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
