import { Hono, type Context } from 'hono'
import * as z from 'zod'
import { VereinskitError, ValidationError, calendarDateAt, fieldIssuesFromZod, isVereinskitError } from '@vereinskit/core'
import type { RouteDefinition } from '@vereinskit/core/contract'
import { systemClock, type Clock } from './clock'
import { corsHeaders, isOriginAllowed, preflightHeaders } from './http/cors'
import { problemResponse } from './http/problem'
import { openApiDocument } from './http/openapi-document'
import { readJsonBody } from './http/read-json-body'
import { hostileTextIssues, isEmptyChange, unknownFieldIssues } from './http/input-checks'
import { createRateLimiter, type RateLimiter } from './http/rate-limiter'
import { accessGuards, RetryAfter, type Admission } from './http/access-guards'
import { pairRoutes } from './http/pair-routes'
import type { HandlerContext } from './http/route-handler'
import { capabilities } from './capabilities'
import type { Storage } from './storage/storage'
import type { MemberDatabaseIntegration } from './capabilities/member-database/member-database-integration'
import type { CrmIntegration } from './capabilities/customer-references/customer-directory'

/** Options of `createRequestHandler`. */
export interface RequestHandlerOptions {
  readonly storage: Storage
  readonly clock?: Clock
  /**
   * Limits public submissions per client address and organisation; default 10 per 10 minutes, counted in the
   * database so that every server instance shares the count.
   */
  readonly rateLimiter?: RateLimiter
  /**
   * Limits public lookups (a member browsing free appointments) per client address and organisation; default 120
   * per 10 minutes, counted apart from submissions in the same shared table.
   */
  readonly lookupRateLimiter?: RateLimiter
  /** Path prefix the API is mounted under, e.g. `/api`. */
  readonly basePath?: string
  /** Read the client address from `X-Forwarded-For` (only behind a proxy you control). */
  readonly trustProxy?: boolean
  /** Largest accepted request body in bytes; default 64 KiB. */
  readonly maxBodyBytes?: number
  /** External member databases: the secret that seals credentials, the connector, the supported regions. */
  readonly memberDatabase?: MemberDatabaseIntegration
  /** A CRM for reference-only customer links: the secret that seals its token and the connector. */
  readonly crm?: CrmIntegration
  /** Called with errors that are not ours (bugs, lost connections) before a 500 is sent. */
  readonly onUnexpectedError?: (error: unknown, request: Request) => void
}

/** Facts about the connection that a `Request` does not carry; the Node bridge fills them in. */
export interface ConnectionInfo {
  readonly clientAddress?: string
}

/** A Fetch-API request handler: works in Node (see `./node`), Deno, Bun, workers and tests alike. */
export type RequestHandler = (request: Request, info?: ConnectionInfo) => Promise<Response>

type Env = { Bindings: ConnectionInfo }

/**
 * Creates the vereinskit HTTP API as `(request) => Promise<Response>`, with one route per contract entry.
 * @example
 * const handler = createRequestHandler({ storage })
 * const response = await handler(new Request('http://localhost/public/organisations/…/application-form'))
 */
export function createRequestHandler(options: RequestHandlerOptions): RequestHandler {
  const { storage } = options
  const clock = options.clock ?? systemClock
  const rateLimiter = options.rateLimiter ?? createRateLimiter(storage.rateLimits, { limit: 10, windowSeconds: 600 })
  const maxBodyBytes = options.maxBodyBytes ?? 64 * 1024
  const lookupRateLimiter = options.lookupRateLimiter ?? createRateLimiter(storage.rateLimits, { limit: 120, windowSeconds: 600 })
  const guards = accessGuards({ storage, clock, rateLimiter, lookupRateLimiter })
  const app = new Hono<Env>().basePath(options.basePath ?? '/')

  app.options('/public/organisations/:organisationId/*', async (c) => {
    const origin = c.req.header('origin') ?? null
    const organisation = await storage.organisations.get(c.req.param('organisationId'))
    if (!organisation || origin === null || !isOriginAllowed(origin, organisation, c.req.url)) {
      return new Response(null, { status: 403 })
    }
    return new Response(null, { status: 204, headers: preflightHeaders(origin) })
  })

  let openApi: object | undefined
  app.get('/openapi.json', (c) => c.json((openApi ??= openApiDocument())))

  for (const { route, handler } of capabilities.flatMap((c) => [...pairRoutes(c.routes, c.handlers)])) {
    app.on(route.method, route.path, async (c) => {
      // Every answer of a public route carries CORS headers, errors included, so an embedded form can show the
      // real message (429, 403 for an origin not allowed, 422) instead of "network error". Origins that are not
      // allowed only ever receive error answers: their preflight is refused and the public guard stops them.
      const responseHeaders: Record<string, string> = route.access === 'public' ? corsHeaders(c.req.header('origin') ?? null) : {}
      let admission: Admission | undefined
      try {
        admission = await guards[route.access]({
          route,
          organisationId: c.req.param('organisationId')!,
          url: c.req.url,
          header: (name) => c.req.header(name),
          clientAddress: () => clientAddress(c),
        })
        const { organisation, actor } = admission
        const params = c.req.param() as Record<string, string>
        const rawQuery = Object.fromEntries(new URL(c.req.url).searchParams)
        const rawBody = route.body ? await readJsonBody(c.req.raw, route.maxBodyBytes ?? maxBodyBytes) : undefined
        const hostile = [
          ...hostileTextIssues(params),
          ...hostileTextIssues(rawQuery),
          ...(rawBody === undefined ? [] : hostileTextIssues(rawBody)),
        ]
        if (hostile.length > 0) throw new ValidationError(hostile)
        const input = {
          params,
          ...(route.query && { query: parseWith(route.query, rawQuery) }),
          ...(route.body && { body: parseBody(route, rawBody) }),
        }
        const context: HandlerContext = {
          storage: storage.forOrganisation(organisation.id),
          clock,
          organisation,
          today: calendarDateAt(clock.now(), organisation.timeZone),
          actor,
          integrations: {
            ...(options.memberDatabase && { memberDatabase: options.memberDatabase }),
            ...(options.crm && { crm: options.crm }),
          },
          access: {
            ...(admission.apiKey && { apiKey: admission.apiKey }),
            ...(admission.administrator && { administrator: admission.administrator }),
          },
        }
        const output = await handler(input as never, context)
        if (route.produces) return exportResponse(route, output, responseHeaders)
        return c.json(output as object, route.status ?? 200, responseHeaders)
      } catch (error) {
        if (!isVereinskitError(error) && !lockedFieldError(error)) options.onUnexpectedError?.(error, c.req.raw)
        // A lookup that names a member counts a wrong date of birth like a submission: guessing stays as slow as
        // through the booking itself.
        if (isVereinskitError(error) && error.code === 'MEMBER_NOT_IDENTIFIED' && route.rateLimit === 'lookup')
          await admission?.countFailedAttempt?.()
        return problemResponse(lockedFieldError(error) ?? error, new URL(c.req.url).pathname, {
          ...responseHeaders,
          ...(error instanceof RetryAfter && { 'retry-after': String(error.seconds) }),
          ...(isVereinskitError(error) && error.code === 'UNAUTHENTICATED' && { 'www-authenticate': 'Bearer' }),
        })
      }
    })
  }

  app.notFound((c) =>
    problemResponse(
      new VereinskitError('NOT_FOUND', `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`),
      new URL(c.req.url).pathname,
    ),
  )

  function clientAddress(c: Context<Env>): string | undefined {
    if (options.trustProxy) {
      const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
      if (forwarded) return forwarded
    }
    return c.env?.clientAddress
  }

  return async (request, info = {}) => app.fetch(request, info)
}

/**
 * The database's answer to a change of a field a parent organisation manages (SQLSTATE VK001 from the umbrella
 * triggers, the last line of defence behind the handlers' own checks) as MEMBER_FIELD_LOCKED.
 */
function lockedFieldError(error: unknown): VereinskitError | undefined {
  let current: unknown = error
  while (current && typeof current === 'object') {
    const { code, message } = current as { code?: unknown; message?: unknown }
    if (code === 'VK001') {
      const fields = String(message).replace(/^.*MEMBER_FIELD_LOCKED:/, '')
      return new VereinskitError('MEMBER_FIELD_LOCKED', `Managed by the parent organisation: ${fields}. Change it there.`)
    }
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

const exportTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  xml: 'application/xml; charset=utf-8',
} as const

function exportResponse(route: RouteDefinition, output: unknown, headers: Record<string, string>): Response {
  const kind = route.produces!
  const fileName = route.path.split('/').at(-1)!
  return new Response(output as string | Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: { ...headers, 'content-type': exportTypes[kind], 'content-disposition': `attachment; filename="${fileName}"` },
  })
}

function parseWith(schema: z.ZodType, value: unknown): unknown {
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(fieldIssuesFromZod(result.error, value))
  return result.data
}

/** Parses a body; unknown fields are refused, and a PATCH must change something. */
function parseBody(route: RouteDefinition, raw: unknown): unknown {
  const parsed = parseWith(route.body!, raw)
  const unknown = unknownFieldIssues(raw, parsed)
  if (unknown.length > 0) throw new ValidationError(unknown)
  if (route.method === 'PATCH' && isEmptyChange(parsed)) {
    throw new ValidationError([{ path: '', code: 'empty-change', message: 'Send at least one field to change.' }])
  }
  return parsed
}
