import type { Salutation } from '@vereinskit/core/applications'

/** Locales the components ship with. */
export type Locale = 'de' | 'en' | 'sv'

/** Every text the components show. Each locale file is typed with this, so a missing text fails the build. */
export interface Translation {
  readonly locale: Locale
  readonly heading: string
  readonly loading: string
  readonly loadFailed: string
  readonly retry: string
  readonly requiredHint: string
  readonly optional: string
  readonly personalData: string
  readonly salutation: string
  readonly salutations: Readonly<Record<Salutation, string>>
  readonly academicTitle: string
  readonly firstName: string
  readonly lastName: string
  readonly dateOfBirth: string
  readonly address: string
  readonly street: string
  readonly postcode: string
  readonly city: string
  readonly country: string
  readonly contact: string
  readonly email: string
  readonly phone: string
  readonly membership: string
  readonly feeClassGroup: string
  readonly payment: string
  readonly payByDirectDebit: string
  readonly accountHolder: string
  readonly iban: string
  readonly ibanHint: string
  readonly bic: string
  mandateConsent(club: string, creditorId: string): string
  readonly mandateConsentLabel: string
  readonly privacyConsent: string
  readonly privacyNotice: string
  readonly submit: string
  readonly submitting: string
  errorSummary(count: number): string
  readonly successHeading: string
  successText(club: string): string
  readonly networkError: string
  readonly rateLimited: string
  readonly unexpectedError: string
  /** Shown instead of the form while the club offers no group online. */
  applicationsClosed(club: string): string
  /** Shown when the page's origin is not one of the club's website origins. */
  readonly originNotAllowed: string
  /** Labels of the confirmation's summary of what was sent. */
  readonly sentFeeGroup: string
  readonly sentPayment: string
  readonly sentByInvoice: string
  /** The mandate reference comes with the acceptance (it contains the membership number). */
  readonly mandateReferenceLater: string
  /** Messages for the stable reason codes of field issues (`required`, `iban-wrong-checksum`, …). */
  readonly reasons: Readonly<Record<FieldReason, string>>
}

/** Field-issue reason codes the components translate; anything else shows the server's message. */
export type FieldReason =
  | 'required'
  | 'invalid-email'
  | 'invalid-date'
  | 'in-future'
  | 'implausible'
  | 'invalid-phone'
  | 'invalid-postcode'
  | 'invalid-country'
  | 'consent-required'
  | 'not-offered'
  | 'too-long'
  | 'iban-empty'
  | 'iban-unknown-country'
  | 'iban-not-sepa-country'
  | 'iban-wrong-length'
  | 'iban-wrong-format'
  | 'iban-wrong-checksum'
  | 'invalid-bic'

/** A name at the end of a sentence: "TSV e.V." takes no second full stop. */
export function endSentence(name: string): string {
  return name.endsWith('.') ? name : `${name}.`
}
