import { VereinskitError } from '@vereinskit/core'
import { moduleOfRoute, moduleUseOf, type RouteAccess, type RouteDefinition } from '@vereinskit/core/contract'
import { checkModuleAccess, type AdministratorRecord } from '@vereinskit/core/organisations'
import type { ApiKeyRecord } from '../storage/api-key-store'
import { hashApiKey, readBearerKey } from '../auth/api-key'
import type { Clock } from '../clock'
import type { OrganisationRecord } from '../storage/organisation-store'
import type { Storage } from '../storage/storage'
import { isOriginAllowed } from './cors'
import type { RateLimiter } from './rate-limiter'

/** What a guard needs to know of the request. */
export interface GuardRequest {
  readonly route: RouteDefinition
  readonly organisationId: string
  readonly url: string
  header(name: string): string | undefined
  /** The client's address (behind a trusted proxy: the forwarded one). */
  clientAddress(): string | undefined
}

/** Who may call: the organisation the request acts for, and the actor recorded on what it books. */
export interface Admission {
  readonly organisation: OrganisationRecord
  readonly actor: string
  /** Staff routes: the key used and, for an administrator's key, the administrator it acts as. */
  readonly apiKey?: ApiKeyRecord
  readonly administrator?: AdministratorRecord
  /** Public routes: counts a failed identification against the submission limit (guessing a date of birth). */
  readonly countFailedAttempt?: () => Promise<void>
}

/** Admits or refuses one request of a kind of access. Member and webhook guards come with the portal and sync. */
export type AccessGuard = (request: GuardRequest) => Promise<Admission>

/** Raised with the seconds to wait, so the answer can carry `Retry-After`. */
export class RetryAfter extends VereinskitError {
  constructor(readonly seconds: number) {
    super('RATE_LIMITED', `Too many requests from this address; try again in ${seconds} seconds.`)
  }
}

/** The guards per access kind. */
export function accessGuards(options: {
  storage: Storage
  clock: Clock
  rateLimiter: RateLimiter
  lookupRateLimiter: RateLimiter
}): Record<RouteAccess, AccessGuard> {
  const { storage, clock, rateLimiter, lookupRateLimiter } = options
  return {
    // Staff: a valid API key of this very organisation.
    async staff(request) {
      const key = readBearerKey(request.header('authorization') ?? null)
      const found = key && (await storage.apiKeys.findActiveByHash(hashApiKey(key)))
      if (!found || (found.expiresAt !== null && found.expiresAt.getTime() <= clock.now().getTime())) {
        throw new VereinskitError('UNAUTHENTICATED', 'Send a valid staff API key as "Authorization: Bearer vk_…".')
      }
      if (found.organisationId !== request.organisationId) {
        throw new VereinskitError('FORBIDDEN', `This API key belongs to another organisation than ${request.organisationId}.`)
      }
      const organisation = await storage.organisations.get(request.organisationId)
      if (!organisation) throw new VereinskitError('FORBIDDEN', `Organisation ${request.organisationId} is not available.`)
      if (found.administratorId === null) return { organisation, actor: `api-key:${found.id}`, apiKey: found }
      // An administrator's key: the admin group's right for the route's module decides (UMB-16).
      const administrator = await storage.forOrganisation(organisation.id).structure.getAdministrator(found.administratorId)
      if (!administrator) throw new VereinskitError('FORBIDDEN', 'The administrator of this key is no longer recorded here.')
      const module = moduleOfRoute(request.route)
      if (module === null) return { organisation, actor: `administrator:${administrator.id}`, apiKey: found, administrator }
      const verdict = checkModuleAccess(administrator.permissions, module ?? 'organisation', moduleUseOf(request.route))
      if (!verdict.allowed) {
        throw new VereinskitError(
          verdict.code,
          verdict.code === 'MODULE_FORBIDDEN'
            ? `Your admin group in ${organisation.name} has no access to the module "${module}".`
            : `Your admin group in ${organisation.name} may only read the module "${module}".`,
        )
      }
      return { organisation, actor: `administrator:${administrator.id}`, apiKey: found, administrator }
    },
    // Public: an existing organisation, from one of its website origins, within the shared rate limit for writes.
    async public(request) {
      const organisation = await storage.organisations.get(request.organisationId)
      if (!organisation) throw new VereinskitError('ORGANISATION_NOT_FOUND', `Organisation ${request.organisationId} does not exist.`)
      const origin = request.header('origin') ?? null
      if (!isOriginAllowed(origin, organisation, request.url)) {
        throw new VereinskitError('ORIGIN_NOT_ALLOWED', `${origin} is not one of ${organisation.name}'s website origins.`)
      }
      // An address is at most 45 characters (IPv6); a forwarded header may carry anything, so it is cut to a
      // bounded key rather than reaching the counter table as it came.
      const address = (request.clientAddress() ?? 'unknown').slice(0, 64)
      const submissionKey = `${organisation.id}|${address}`
      if (request.route.method !== 'GET') {
        // A lookup is refused too while the address has spent its submissions: failed identifications count there.
        const wait =
          request.route.rateLimit === 'lookup'
            ? ((await rateLimiter.spent(submissionKey, clock.now())) ??
              (await lookupRateLimiter.hit(`lookup|${submissionKey}`, clock.now())))
            : await rateLimiter.hit(submissionKey, clock.now())
        if (wait !== undefined) throw new RetryAfter(wait)
      }
      const countFailedAttempt = async () => void (await rateLimiter.hit(submissionKey, clock.now()))
      return { organisation, actor: 'public', countFailedAttempt }
    },
  }
}
