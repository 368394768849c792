import type { PersonDirectory } from './person-directory'
import type { ApiKeyStore } from './api-key-store'
import type { OrganisationDirectory } from './organisation-store'
import type { OrganisationStorage } from './organisation-storage'
import type { RateLimitStore } from '../http/rate-limit-store'

export type { OrganisationStorage, OrganisationStores } from './organisation-storage'
export type { OrganisationRecord, NewOrganisation, OrganisationDirectory, OwnOrganisationStore } from './organisation-store'
export type { Page } from './page'
export type { PersonDirectory, PersonalRegistration } from './person-directory'

/**
 * The storage port. Only what has no organisation yet lives at the top — the directory of organisations, API keys
 * (looked up by their hash before the organisation is known) and state shared by all server instances; everything
 * else is reached through `forOrganisation(id)`.
 */
export interface Storage {
  readonly organisations: OrganisationDirectory
  readonly apiKeys: ApiKeyStore
  /** Attempt counters of the public rate limiter, shared by every server instance on the database. */
  readonly rateLimits: RateLimitStore
  /** The shared address book from the person's side: their registrations in every organisation (AB-06). */
  readonly persons: PersonDirectory
  forOrganisation(organisationId: string): OrganisationStorage
  /** Runs `work` atomically (creating an organisation with its first key). */
  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T>
}
