import * as z from 'zod'
import { compareDates, addMonths, type CalendarDate } from '../calendar/calendar-date'
import type { FieldIssue } from '../errors/vereinskit-error'
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

/** What a submission is checked against besides its own shape. */
export interface ApplicationContext {
  /** Today in the organisation's time zone. */
  readonly asOf: CalendarDate
  /** Fee-class groups this organisation offers online. */
  readonly offeredFeeGroupIds: readonly string[]
  /** False when the organisation has no creditor identifier and so cannot take SEPA mandates. */
  readonly acceptsMandates: boolean
}

const maxAgeMonths = 130 * 12

/**
 * Rules on a well-formed submission that need the organisation's context: a date of birth that is not in the
 * future nor more than 130 years ago, a fee-class group the organisation offers online, and a mandate only where
 * the organisation collects by direct debit.
 */
export function checkApplication(submission: ApplicationSubmission, context: ApplicationContext): FieldIssue[] {
  const issues: FieldIssue[] = []
  if (compareDates(submission.dateOfBirth, context.asOf) > 0) {
    issues.push({ path: 'dateOfBirth', code: 'in-future', message: 'The date of birth lies in the future.' })
  } else if (compareDates(submission.dateOfBirth, addMonths(context.asOf, -maxAgeMonths)) < 0) {
    issues.push({ path: 'dateOfBirth', code: 'implausible', message: 'The date of birth is more than 130 years ago.' })
  }
  if (!context.offeredFeeGroupIds.includes(submission.feeClassGroupId)) {
    issues.push({
      path: 'feeClassGroupId',
      code: 'not-offered',
      message: 'This fee-class group is not offered for online applications.',
    })
  }
  if (submission.mandate && !context.acceptsMandates) {
    issues.push({ path: 'mandate', code: 'not-offered', message: 'This club does not collect fees by direct debit.' })
  }
  return issues
}
