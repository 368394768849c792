import type { ApplicationSubmission, CalendarDate, MembershipNumberRange } from '@vereinskit/core'
import type { Application, MembershipView } from '@vereinskit/core/contract'

/** An organisation (club, association, division) and the settings the foundation uses. */
export interface OrganisationRecord {
  readonly id: string
  readonly name: string
  readonly creditorId: string | null
  readonly websiteOrigins: readonly string[]
  readonly privacyNoticeUrl: string | null
  readonly membershipNumberRange: MembershipNumberRange
  readonly mandateReferencePrefix: string
  /** IANA time zone that decides what "today" is for this organisation. */
  readonly timeZone: string
}

/** What is needed to create an organisation; everything else has defaults. */
export interface NewOrganisation {
  readonly name: string
  readonly creditorId?: string | null
  readonly websiteOrigins?: readonly string[]
  readonly privacyNoticeUrl?: string | null
  readonly membershipNumberRange?: MembershipNumberRange
  readonly mandateReferencePrefix?: string
  readonly timeZone?: string
}

/** A fee-class group as stored. */
export interface FeeClassGroupRecord {
  readonly id: string
  readonly organisationId: string
  readonly name: string
  readonly description: string | null
  readonly offeredOnline: boolean
  readonly isDefault: boolean
}

/** A page of results and the cursor of the next page. */
export interface Page<T> {
  readonly items: T[]
  readonly nextCursor: string | null
}

/** A person's data as captured (shared address book entry). */
export interface NewPerson {
  readonly salutation: ApplicationSubmission['salutation']
  readonly title?: string | undefined
  readonly firstName: string
  readonly lastName: string
  readonly dateOfBirth: CalendarDate
  readonly address: ApplicationSubmission['address']
  readonly email?: string | undefined
  readonly phone?: string | undefined
}

/** A new SEPA mandate. */
export interface NewMandate {
  readonly personId: string
  readonly membershipId: string
  readonly reference: string
  readonly accountHolder: string
  readonly iban: string
  readonly bic: string | null
  readonly creditorId: string
  readonly signedOn: CalendarDate
}

/** Organisations and their settings. */
export interface OrganisationStore {
  create(input: NewOrganisation): Promise<OrganisationRecord>
  get(id: string): Promise<OrganisationRecord | undefined>
  /** Reads the organisation and locks its row until the transaction ends (serialises number assignment). */
  getForUpdate(id: string): Promise<OrganisationRecord | undefined>
}

/** Staff API keys, stored as hashes. */
export interface ApiKeyStore {
  create(organisationId: string, keyHash: string, label: string): Promise<{ id: string }>
  findActiveByHash(keyHash: string): Promise<{ id: string; organisationId: string } | undefined>
}

/** Fee-class groups of an organisation. */
export interface FeeClassGroupStore {
  create(organisationId: string, input: Omit<FeeClassGroupRecord, 'id' | 'organisationId'>): Promise<FeeClassGroupRecord>
  list(organisationId: string): Promise<FeeClassGroupRecord[]>
}

/** Online applications, always scoped to one organisation. */
export interface ApplicationStore {
  insert(organisationId: string, submission: ApplicationSubmission): Promise<Application>
  list(organisationId: string, query: { status?: Application['status'] | undefined; limit: number; cursor?: string | undefined }): Promise<Page<Application>>
  get(organisationId: string, id: string): Promise<Application | undefined>
  /** Reads the application and locks it until the transaction ends, so two decisions cannot race. */
  getForUpdate(organisationId: string, id: string): Promise<Application | undefined>
  markAccepted(organisationId: string, id: string, created: { personId: string; membershipId: string }): Promise<Application>
  markRejected(organisationId: string, id: string, reason: string | null): Promise<Application>
}

/** The shared address book. Creating is open; reading goes through an organisation's connections. */
export interface PersonStore {
  create(person: NewPerson): Promise<{ id: string }>
}

/** Memberships and mandates of an organisation. */
export interface MembershipStore {
  create(
    organisationId: string,
    input: { personId: string; number: number; feeClassGroupId: string | null; joinedOn: CalendarDate },
  ): Promise<{ id: string; number: number; personId: string; joinedOn: CalendarDate }>
  highestNumberInRange(organisationId: string, range: MembershipNumberRange): Promise<number | undefined>
  get(organisationId: string, id: string): Promise<MembershipView | undefined>
  createMandate(organisationId: string, mandate: NewMandate): Promise<{ id: string; reference: string }>
}

/**
 * The storage port: everything the request handler persists, scoped by organisation. `transaction` runs `work`
 * atomically with a storage bound to that transaction.
 */
export interface Storage {
  readonly organisations: OrganisationStore
  readonly apiKeys: ApiKeyStore
  readonly feeClassGroups: FeeClassGroupStore
  readonly applications: ApplicationStore
  readonly persons: PersonStore
  readonly memberships: MembershipStore
  transaction<T>(work: (tx: Storage) => Promise<T>): Promise<T>
}
