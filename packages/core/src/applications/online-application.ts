import * as z from 'zod'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { BicSchema, IbanSchema } from '../sepa/sepa-schemas'

/** Salutation (Anrede): Herr, Frau, divers, or none given. */
export const Salutation = z.enum(['mr', 'ms', 'mx', 'none'])
export type Salutation = z.infer<typeof Salutation>

const requiredText = (max: number) => z.string().trim().min(1, { message: 'This field is required.' }).max(max)

const matching = (pattern: RegExp, reason: string, message: string) =>
  z
    .string()
    .trim()
    .refine((value) => pattern.test(value), { message, params: { reason } })

const consent = (message: string) => z.boolean().refine((value) => value, { message, params: { reason: 'consent-required' } })

/** A postal address with structured town and country (required for SEPA from November 2026). */
export const PostalAddress = z.object({
  street: requiredText(100),
  postcode: matching(/^[A-Za-z0-9 -]{3,10}$/, 'invalid-postcode', 'Please enter a valid postcode.'),
  city: requiredText(80),
  country: matching(/^[A-Z]{2}$/, 'invalid-country', 'Use a two-letter country code.').default('DE'),
})
export type PostalAddress = z.infer<typeof PostalAddress>

/** The SEPA mandate part of an application: account holder, IBAN, optional BIC and the consent to the mandate text. */
export const MandateSubmission = z.object({
  accountHolder: requiredText(70),
  iban: IbanSchema,
  bic: BicSchema.optional(),
  consent: consent('Please agree to the SEPA mandate.'),
})
export type MandateSubmission = z.infer<typeof MandateSubmission>

/** Online membership application (Online-Mitgliedsantrag) as a website submits it. */
export const ApplicationSubmission = z.object({
  salutation: Salutation,
  title: z.string().trim().max(30).optional(),
  firstName: requiredText(60),
  lastName: requiredText(60),
  dateOfBirth: CalendarDateSchema,
  address: PostalAddress,
  email: z
    .string()
    .trim()
    .pipe(z.email({ message: 'Please enter a valid e-mail address.' }).max(254)),
  phone: z
    .literal('')
    .transform(() => undefined)
    .or(matching(/^\+?[0-9 ()/-]{5,25}$/, 'invalid-phone', 'Please enter a valid phone number.'))
    .optional(),
  feeClassGroupId: requiredText(64),
  mandate: MandateSubmission.optional(),
  privacyConsent: consent('Please agree to the privacy notice.'),
})
export type ApplicationSubmission = z.infer<typeof ApplicationSubmission>
/** The submission as the form sends it, before trimming and defaults. */
export type ApplicationSubmissionInput = z.input<typeof ApplicationSubmission>
