import type { ApplicationSubmissionInput } from '../applications/online-application'

/** Valid IBANs from public examples, for tests and demos. */
export const validIbans = {
  DE: 'DE89370400440532013000',
  AT: 'AT611904300234573201',
  SE: 'SE4550000000058398257466',
} as const

/** A complete, valid online application; pass fields to override. */
export function anApplicationSubmission(overrides: Partial<ApplicationSubmissionInput> = {}): ApplicationSubmissionInput {
  return {
    salutation: 'ms',
    firstName: 'Erika',
    lastName: 'Mustermann',
    dateOfBirth: '1984-08-12',
    address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' },
    email: 'erika.mustermann@example.org',
    phone: '+49 221 1234567',
    feeClassGroupId: 'standard',
    mandate: { accountHolder: 'Erika Mustermann', iban: validIbans.DE, consent: true },
    privacyConsent: true,
    ...overrides,
  }
}
