import type { CalendarDate } from '@vereinskit/core'
import type { PostalAddress, Salutation } from '@vereinskit/core/applications'
import type { PaymentMethod } from '@vereinskit/core/ledger'
import type { PersonPlaces } from '@vereinskit/core/members'
import type { Page } from '../../storage/page'

/** A partner member (P) or beneficiary (L) attached to a membership. */
export interface AttachmentRecord {
  readonly id: string
  readonly personId: string
  readonly role: 'partner' | 'beneficiary'
  readonly name: string
  readonly joinedOn: CalendarDate
  readonly leftOn: CalendarDate | null
}

/** A membership with its person, attached persons and mandates, as stored. */
export interface MembershipRecord {
  readonly id: string
  readonly organisationId: string
  readonly number: number
  readonly joinedOn: CalendarDate
  readonly feeClassGroupId: string | null
  readonly endsOn: CalendarDate | null
  readonly paymentMethod: PaymentMethod
  readonly processingBlocked: boolean
  /** Sperre Online-Termine: the member may not book appointments online. */
  readonly onlineAppointmentsBlocked: boolean
  /** The address letters go to (billing, else postal) is invalid: the person's flag. */
  readonly addressInvalid: boolean
  /** The person's billing address. */
  readonly billingAddress: PostalAddress | null
  readonly joiningReason: string | null
  readonly membershipType: string | null
  readonly terminationReceivedOn: CalendarDate | null
  readonly leavingReason: string | null
  readonly markers: readonly string[]
  readonly recruitedByPersonId: string | null
  readonly alternatePayerPersonId: string | null
  readonly previousAssociation: string | null
  readonly takenOverFromMembershipId: string | null
  /** P übernimmt H: the membership that continues this one. */
  readonly takenOverByMembershipId: string | null
  readonly archivedOn: CalendarDate | null
  readonly person: {
    readonly id: string
    readonly salutation: Salutation
    readonly title: string | null
    readonly firstName: string
    readonly lastName: string
    readonly company: string | null
    readonly dateOfBirth: CalendarDate | null
    readonly address: PostalAddress
    readonly email: string | null
    readonly phone: string | null
    readonly preferredChannel: 'letter' | 'email'
  }
  readonly attached: readonly AttachmentRecord[]
  readonly mandates: readonly MandateRecord[]
}

/** A SEPA mandate (SEPA-Lastschriftmandat) as stored. */
export interface MandateRecord {
  readonly id: string
  readonly reference: string
  readonly accountHolder: string
  readonly iban: string
  readonly bic: string | null
  readonly signedOn: CalendarDate
  readonly creditorId: string
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
  /** Gültig von; an application's mandate is valid from the day it was signed. */
  readonly validFrom: CalendarDate
}

/** A membership with what the runs (charge, invoice, write-off) need. */
export interface MembershipForRuns {
  readonly id: string
  readonly number: number
  readonly joinedOn: CalendarDate
  readonly endsOn: CalendarDate | null
  readonly paymentMethod: PaymentMethod
  readonly processingBlocked: boolean
  readonly addressInvalid: boolean
  readonly name: string
  readonly person: { readonly salutation: Salutation; readonly title: string | null; readonly lastName: string }
  readonly postalAddress: PostalAddress
  readonly billingAddress: PostalAddress | null
  readonly email: string | null
  /** How the person wants letters: posted (print queue) or by e-mail. */
  readonly preferredChannel: 'letter' | 'email'
  readonly markers: readonly string[]
}

/** Changes to a membership row (person data changes go through the people capability). */
export interface MembershipChanges {
  readonly paymentMethod?: PaymentMethod | undefined
  readonly endsOn?: CalendarDate | null | undefined
  readonly processingBlocked?: boolean | undefined
  readonly onlineAppointmentsBlocked?: boolean | undefined
  readonly joiningReason?: string | null | undefined
  readonly membershipType?: string | null | undefined
  /** Gekündigt am. */
  readonly terminationReceivedOn?: CalendarDate | null | undefined
  /** Kündigungsgrund. */
  readonly leavingReason?: string | null | undefined
  /** Kennzeichen der Mitgliedschaft, the whole list. */
  readonly markers?: readonly string[] | undefined
  readonly recruitedByPersonId?: string | null | undefined
  readonly previousAssociation?: string | null | undefined
}

/** A new membership row. */
export interface NewMembership {
  readonly personId: string
  readonly number: number
  readonly feeClassGroupId: string | null
  readonly joinedOn: CalendarDate
  readonly paymentMethod: PaymentMethod
  readonly joiningReason?: string | null | undefined
  readonly membershipType?: string | null | undefined
  readonly recruitedByPersonId?: string | null | undefined
  readonly alternatePayerPersonId?: string | null | undefined
  readonly previousAssociation?: string | null | undefined
  readonly takenOverFromMembershipId?: string | null | undefined
}

/** A row of the member list. */
export interface MembershipListRow {
  readonly id: string
  readonly number: number
  readonly personId: string
  readonly name: string
  readonly city: string
  readonly joinedOn: CalendarDate
  readonly endsOn: CalendarDate | null
  readonly archivedOn: CalendarDate | null
  readonly paymentMethod: PaymentMethod
  readonly markers: readonly string[]
}

/** The member list's filters, order and page. */
export interface MembershipListRequest {
  readonly asOf: CalendarDate
  readonly state?: 'active' | 'inactive' | 'archived' | undefined
  readonly paymentMethod?: PaymentMethod | undefined
  readonly feeClassGroupId?: string | undefined
  readonly marker?: string | undefined
  readonly joinedFrom?: CalendarDate | undefined
  readonly joinedTo?: CalendarDate | undefined
  readonly sort: 'number' | 'name' | 'joinedOn'
  readonly order: 'asc' | 'desc'
  readonly limit: number
  readonly cursor?: string | undefined
}

/** Memberships (Mitgliedschaften) and mandates of one organisation. */
export interface MembershipStore {
  create(input: NewMembership): Promise<{ id: string; number: number; personId: string; joinedOn: CalendarDate }>
  update(id: string, changes: MembershipChanges): Promise<boolean>
  listForRuns(): Promise<MembershipForRuns[]>
  /** The member list: stable order (the sort key, then the id) and keyset pages. */
  list(request: MembershipListRequest): Promise<Page<MembershipListRow>>
  idsByNumbers(numbers: readonly number[]): Promise<Map<number, string>>
  /** The lowest membership number ≥ `from` that no membership of the organisation holds (may exceed the range). */
  lowestFreeNumber(from: number): Promise<number>
  get(id: string): Promise<MembershipRecord | undefined>
  /** Locks the membership row for a change. */
  lock(id: string): Promise<boolean>
  createMandate(mandate: NewMandate): Promise<{ id: string; reference: string }>
  attach(
    membershipId: string,
    input: { personId: string; role: 'partner' | 'beneficiary'; joinedOn: CalendarDate },
  ): Promise<{ id: string }>
  endAttachment(membershipId: string, attachmentId: string, leftOn: CalendarDate): Promise<AttachmentRecord | undefined>
  /** Where a person stands in this organisation's memberships (for the attachment rules). */
  placesOf(personId: string): Promise<PersonPlaces>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly memberships: MembershipStore
  }
}
