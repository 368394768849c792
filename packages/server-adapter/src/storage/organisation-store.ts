import type { MembershipNumberRange } from '@vereinskit/core/members'

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

/** All organisations: creating and finding them. Everything else goes through one organisation's storage. */
export interface OrganisationDirectory {
  create(input: NewOrganisation): Promise<OrganisationRecord>
  get(id: string): Promise<OrganisationRecord | undefined>
  list(): Promise<OrganisationRecord[]>
}

/** The organisation a storage handle is scoped to. */
export interface OwnOrganisationStore {
  get(): Promise<OrganisationRecord>
  /** Reads the organisation and locks its row until the transaction ends (serialises runs and numbering). */
  getForUpdate(): Promise<OrganisationRecord>
  /** Changes the website settings. */
  updateWebsite(changes: { websiteOrigins?: readonly string[]; privacyNoticeUrl?: string | null }): Promise<OrganisationRecord>
}
