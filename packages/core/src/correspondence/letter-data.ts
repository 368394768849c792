import type { CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'
import type { PostalAddress } from '../applications/online-application'

/** What a letter is filled with: recipient, club, the letter's own data and, for dunning, the level and the items. */
export interface LetterData {
  readonly club: { readonly name: string; readonly address: PostalAddress | null }
  readonly member: { readonly number: number; readonly salutation: string; readonly name: string }
  readonly address: PostalAddress
  readonly letter: { readonly number: number | null; readonly date: CalendarDate }
  readonly openItems?: readonly { readonly date: CalendarDate; readonly text: string; readonly open: Cents }[]
  readonly amounts?: { readonly openTotal: Cents; readonly fee: Cents; readonly total: Cents }
  readonly dunning?: { readonly level: number; readonly text: string }
  readonly exclusion?: { readonly endsOn: CalendarDate; readonly reason: string }
  /** A SEPA pre-notification (Vorabinformation): what will be collected, when, under which mandate. */
  readonly directDebit?: {
    readonly collectionDate: CalendarDate
    readonly amount: Cents
    readonly mandateReference: string
    readonly creditorId: string
    /** The IBAN with all but the last four characters masked. */
    readonly iban: string
  }
  /** A collection that came back (Rücklastschrift): the bank's reason and the club's text for it. */
  readonly returnedDebit?: { readonly reason: string; readonly text: string; readonly amount: Cents; readonly charges: Cents }
  /** A missed appointment (Versäumnisschreiben): when, with whom, where. */
  readonly appointment?: { readonly date: CalendarDate; readonly time: string; readonly consultant: string; readonly location: string }
}

/**
 * The placeholders a template may use, each with how it reads from the data. Amounts and dates come out in German
 * format. A placeholder whose part is missing (a dunning field in a general letter) renders empty.
 */
export const placeholderNames = [
  'club.name',
  'club.address',
  'member.number',
  'member.salutation',
  'member.name',
  'address.street',
  'address.postcode',
  'address.city',
  'letter.number',
  'letter.date',
  'letter.subject',
  'amounts.openTotal',
  'amounts.fee',
  'amounts.total',
  'dunning.level',
  'dunning.text',
  'exclusion.endsOn',
  'exclusion.reason',
  'directDebit.collectionDate',
  'directDebit.amount',
  'directDebit.mandateReference',
  'directDebit.creditorId',
  'directDebit.iban',
  'returnedDebit.reason',
  'returnedDebit.text',
  'returnedDebit.amount',
  'returnedDebit.charges',
  'appointment.date',
  'appointment.time',
  'appointment.consultant',
  'appointment.location',
] as const
export type PlaceholderName = (typeof placeholderNames)[number]
