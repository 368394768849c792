import type { Locale } from '../translation'
import { bookingDe } from './booking-de'
import { bookingEn } from './booking-en'
import { bookingSv } from './booking-sv'

/**
 * Every text of `<vk-appointment-booking>` (Online-Terminbuchung). Kept apart from the application form's texts,
 * so neither page carries the other's words; shared words (date of birth, errors of the network) stay in
 * `Translation`.
 */
export interface BookingTexts {
  readonly locale: Locale
  readonly heading: string
  readonly loading: string
  readonly originNotAllowed: string
  readonly chooseHeading: string
  readonly consultationType: string
  readonly location: string
  readonly anyLocation: string
  readonly topic: string
  readonly noTopic: string
  readonly identifyHeading: string
  readonly identifyHint: string
  readonly membershipNumber: string
  readonly showSlots: string
  readonly slotsHeading: string
  readonly listView: string
  readonly weekView: string
  readonly previousWeek: string
  readonly nextWeek: string
  weekOf(from: string, to: string): string
  readonly searching: string
  readonly noSlotsThisWeek: string
  nextFreeOn(date: string): string
  readonly noSlotsAtAll: string
  /** A time of day as people say it: "9:30 Uhr", "9:30", "kl. 9.30". */
  time(time: string): string
  withConsultant(name: string): string
  readonly detailsHeading: string
  readonly yourAppointment: string
  readonly chooseOther: string
  readonly note: string
  noteHint(max: number): string
  readonly book: string
  readonly booking: string
  readonly confirmedHeading: string
  confirmedMail(queued: boolean): string
  readonly addToCalendar: string
  cancellableUntil(when: string): string
  readonly bookAnother: string
  readonly manageHeading: string
  readonly cancelAppointment: string
  readonly cancelling: string
  readonly cancelledHeading: string
  readonly cancelledText: string
  readonly errors: Readonly<Record<BookingFailure, string>>
}

/** Refusals the component explains in its own words. */
export type BookingFailure =
  | 'slot-taken'
  | 'limit'
  | 'not-identified'
  | 'blocked'
  | 'outside-window'
  | 'type-unavailable'
  | 'too-late'
  | 'link-invalid'
  | 'already-cancelled'
  | 'network'
  | 'rate-limited'
  | 'unexpected'

const texts: Readonly<Record<string, BookingTexts>> = { de: bookingDe, en: bookingEn, sv: bookingSv }

/** The booking texts for a BCP 47 tag (`sv-FI` → Swedish); German when the language is not supported. */
export function bookingTexts(lang: string | null | undefined): BookingTexts {
  return texts[(lang ?? '').toLowerCase().split('-')[0] ?? ''] ?? bookingDe
}
