import type * as z from 'zod'
import type { ErrorCode } from '../errors/codes'

/** HTTP methods the contract uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Who may call a route: anyone (public website forms) or staff with an organisation API key. */
export type RouteAccess = 'public' | 'staff'

/** One HTTP route as data: the single source both the client and the server are derived from. */
export interface RouteDefinition {
  readonly method: HttpMethod
  /** Express-style path with `:name` parameters, e.g. `/organisations/:organisationId/applications`. */
  readonly path: string
  readonly access: RouteAccess
  readonly summary: string
  readonly query?: z.ZodType
  readonly body?: z.ZodType
  readonly response: z.ZodType
  /** Success status; 200 unless set. */
  readonly status?: 200 | 201
  /** The media type of the answer: JSON unless set; `csv` and `xml` answer a string, `xlsx` and `pdf` a Uint8Array. */
  readonly produces?: 'csv' | 'xlsx' | 'pdf' | 'xml'
  /** The largest body this route accepts, for uploads; the server's general limit (64 KiB) otherwise. */
  readonly maxBodyBytes?: number
  /**
   * Which limit a public write counts against: `submission` (default; applications, bookings) or the looser
   * `lookup`, for searches that are POSTs only to keep what they carry (a member's date of birth) out of URLs.
   */
  readonly rateLimit?: 'submission' | 'lookup'
  /**
   * The right a staff role needs for this route (the handbook's Rechte: `TERMERST`, `ADMBK`, …), and a deny right
   * that takes it away (`TERMNILOESCH`). Named now, enforced once roles exist; API keys hold every right.
   */
  readonly permission?: string
  readonly deniedBy?: string
  /** The error codes this route may answer with, besides VALIDATION_FAILED and INTERNAL. */
  readonly errors: readonly ErrorCode[]
}

/**
 * The errors every route of an access kind may answer with, whatever it does: staff routes need a valid key of
 * the organisation (an administrator's key also needs the right for the route's module), public routes an existing organisation and an allowed website origin, and public writes are
 * rate-limited. Routes list only their own errors; these are added by `defineRoute`.
 */
export const accessErrors = {
  staff: ['UNAUTHENTICATED', 'FORBIDDEN', 'MODULE_FORBIDDEN', 'MODULE_READ_ONLY'],
  public: ['ORGANISATION_NOT_FOUND', 'ORIGIN_NOT_ALLOWED'],
} as const satisfies Record<RouteAccess, readonly ErrorCode[]>

/** Declares a route, keeping its literal types for inference; its access kind's errors are added to its own. */
export function defineRoute<const R extends RouteDefinition>(route: R): R {
  const implied: readonly ErrorCode[] = [
    ...accessErrors[route.access],
    ...(route.access === 'public' && route.method !== 'GET' ? (['RATE_LIMITED'] as const) : []),
  ]
  return { ...route, errors: [...new Set([...implied, ...route.errors])] }
}

/** `{ organisationId: string }` for `/organisations/:organisationId`. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name | keyof PathParams<`/${Rest}`>]: string }
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, never>

type ParamsPart<R extends RouteDefinition> = keyof PathParams<R['path']> extends never ? unknown : { params: PathParams<R['path']> }

/** What a caller sends: path params, query and body as the schemas accept them (before defaults apply). */
export type RouteInput<R extends RouteDefinition> = ParamsPart<R> &
  (R['query'] extends z.ZodType ? { query?: z.input<R['query']> } : unknown) &
  (R['body'] extends z.ZodType ? { body: z.input<R['body']> } : unknown)

/** What a server handler receives: path params, query and body after parsing. */
export type ParsedRouteInput<R extends RouteDefinition> = ParamsPart<R> &
  (R['query'] extends z.ZodType ? { query: z.output<R['query']> } : unknown) &
  (R['body'] extends z.ZodType ? { body: z.output<R['body']> } : unknown)

/** What a route answers with on success. */
export type RouteOutput<R extends RouteDefinition> = z.output<R['response']>

/**
 * A route without its schemas — what a browser needs to call it — typed like the full route `R`, so a client still
 * knows its input and answer types. Pages with a size budget call endpoints and leave validating to the server.
 */
export interface Endpoint<R extends RouteDefinition = RouteDefinition> {
  readonly method: R['method']
  readonly path: R['path']
  readonly access: R['access']
  /** Type only: the full route. */
  readonly route?: R
}

/** A nested table of endpoints. */
export interface EndpointTable {
  readonly [name: string]: Endpoint | EndpointTable
}

/** A nested table of routes, e.g. `{ applications: { submit, list } }`. */
export interface RouteTable {
  readonly [name: string]: RouteDefinition | RouteTable
}

/** Fills `:name` placeholders in a path, URL-encoding each value. */
export function buildPath(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new TypeError(`Missing path parameter "${name}" for ${path}`)
    return encodeURIComponent(value)
  })
}

/** Walks a route table, yielding each route with its dotted name (`applications.submit`). */
export function* listRoutes(table: RouteTable, prefix = ''): Generator<[string, RouteDefinition]> {
  for (const [key, entry] of Object.entries(table)) {
    const name = prefix ? `${prefix}.${key}` : key
    if (isRouteDefinition(entry)) yield [name, entry]
    else yield* listRoutes(entry, name)
  }
}

/** Distinguishes a route from a nested table. */
export function isRouteDefinition(entry: RouteDefinition | RouteTable): entry is RouteDefinition {
  return typeof (entry as RouteDefinition).method === 'string' && typeof (entry as RouteDefinition).path === 'string'
}
