import type { CalendarDate } from '@vereinskit/core'
import type { PostalAddress, Salutation } from '@vereinskit/core/applications'
import type { PaymentMethod } from '@vereinskit/core/ledger'

/** A membership with its person and mandates, as stored. */
export interface MembershipRecord {
  readonly id: string
  readonly organisationId: string
  readonly number: number
  readonly joinedOn: CalendarDate
  readonly feeClassGroupId: string | null
  readonly endsOn: CalendarDate | null
  readonly paymentMethod: PaymentMethod
  readonly processingBlocked: boolean
  readonly addressInvalid: boolean
  readonly billingAddress: PostalAddress | null
  readonly leavingReason: string | null
  readonly markers: readonly string[]
  readonly person: {
    readonly id: string
    readonly salutation: Salutation
    readonly title: string | null
    readonly firstName: string
    readonly lastName: string
    readonly dateOfBirth: CalendarDate
    readonly address: PostalAddress
    readonly email: string | null
    readonly phone: string | null
    readonly preferredChannel: 'letter' | 'email'
  }
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

/** Changes staff may make to a membership. */
export interface MembershipChanges {
  readonly paymentMethod?: PaymentMethod | undefined
  readonly endsOn?: CalendarDate | null | undefined
  readonly processingBlocked?: boolean | undefined
  readonly addressInvalid?: boolean | undefined
  readonly billingAddress?: PostalAddress | null | undefined
  /** Kündigungsgrund. */
  readonly leavingReason?: string | null | undefined
  /** Kennzeichen der Mitgliedschaft, the whole list. */
  readonly markers?: readonly string[] | undefined
  /** The person's preferred channel for letters (changes it in the shared address book). */
  readonly preferredChannel?: 'letter' | 'email' | undefined
}

/** Memberships (Mitgliedschaften) and mandates of one organisation. */
export interface MembershipStore {
  create(input: {
    personId: string
    number: number
    feeClassGroupId: string | null
    joinedOn: CalendarDate
    paymentMethod: PaymentMethod
  }): Promise<{ id: string; number: number; personId: string; joinedOn: CalendarDate }>
  update(id: string, changes: MembershipChanges): Promise<boolean>
  listForRuns(): Promise<MembershipForRuns[]>
  idsByNumbers(numbers: readonly number[]): Promise<Map<number, string>>
  /** The lowest membership number ≥ `from` that no membership of the organisation holds (may exceed the range). */
  lowestFreeNumber(from: number): Promise<number>
  get(id: string): Promise<MembershipRecord | undefined>
  createMandate(mandate: NewMandate): Promise<{ id: string; reference: string }>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly memberships: MembershipStore
  }
}
