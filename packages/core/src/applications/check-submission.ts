import { isCalendarDate } from '../calendar/calendar-date'
import type { FieldIssue } from '../errors/vereinskit-error'
import { checkIban, ibanProblemMessages } from '../sepa/iban'
import { isValidBic, normalizeBic } from '../sepa/bic'
import type { ApplicationSubmission, ApplicationSubmissionInput } from './online-application'

/**
 * The field rules of `ApplicationSubmission` without a schema library, for browser forms that must stay small
 * (the application-form page has a 25 KiB budget). It answers the same field issues — paths, reason codes and
 * messages — as parsing with `ApplicationSubmission` and `fieldIssuesFromZod`; a property test holds the two
 * together. The server always parses with the schema.
 * @see docs/decisions/0014-browser-forms-without-a-schema-library.md
 */
export function checkSubmission(input: ApplicationSubmissionInput): { issues: FieldIssue[]; submission: ApplicationSubmission } {
  const issues: FieldIssue[] = []
  const issue = (path: string, code: string, message: string) => issues.push({ path, code, message })
  const required = (path: string, value: string, max: number) => {
    const trimmed = value.trim()
    if (trimmed.length < 1) issue(path, 'required', 'This field is required.')
    if (trimmed.length > max) issue(path, 'too-long', `Too big: expected string to have <=${max} characters`)
    return trimmed
  }
  const matching = (path: string, value: string, pattern: RegExp, code: string, message: string) => {
    const trimmed = value.trim()
    if (!pattern.test(trimmed)) issue(path, code, message)
    return trimmed
  }
  const consent = (path: string, value: boolean, message: string) => {
    if (!value) issue(path, 'consent-required', message)
  }

  if (!salutations.includes(input.salutation))
    issue('salutation', 'invalid-choice', 'Invalid option: expected one of "mr"|"ms"|"mx"|"none"')
  const title = input.title === undefined ? undefined : input.title.trim()
  if (title !== undefined && title.length > 30) issue('title', 'too-long', 'Too big: expected string to have <=30 characters')
  const firstName = required('firstName', input.firstName, 60)
  const lastName = required('lastName', input.lastName, 60)
  if (!isCalendarDate(input.dateOfBirth)) issue('dateOfBirth', 'invalid-date', 'Expected an existing date in the form YYYY-MM-DD.')
  const address = {
    street: required('address.street', input.address.street, 100),
    postcode: matching(
      'address.postcode',
      input.address.postcode,
      /^[A-Za-z0-9 -]{3,10}$/,
      'invalid-postcode',
      'Please enter a valid postcode.',
    ),
    city: required('address.city', input.address.city, 80),
    country:
      input.address.country === undefined
        ? 'DE'
        : matching('address.country', input.address.country, /^[A-Z]{2}$/, 'invalid-country', 'Use a two-letter country code.'),
  }
  const email = input.email.trim()
  if (!emailPattern.test(email)) issue('email', 'invalid-email', 'Please enter a valid e-mail address.')
  if (email.length > 254) issue('email', 'too-long', 'Please enter a valid e-mail address.')
  const phone =
    input.phone === undefined || input.phone === ''
      ? undefined
      : matching('phone', input.phone, /^\+?[0-9 ()/-]{5,25}$/, 'invalid-phone', 'Please enter a valid phone number.')
  const feeClassGroupId = required('feeClassGroupId', input.feeClassGroupId, 64)
  let mandate: ApplicationSubmission['mandate']
  if (input.mandate) {
    const accountHolder = required('mandate.accountHolder', input.mandate.accountHolder, 70)
    const iban = checkIban(input.mandate.iban)
    if (!iban.valid) issue('mandate.iban', `iban-${iban.problem}`, ibanProblemMessages[iban.problem])
    const bic = input.mandate.bic === undefined ? undefined : normalizeBic(input.mandate.bic)
    if (bic !== undefined && !isValidBic(bic)) issue('mandate.bic', 'invalid-bic', 'The BIC is not valid.')
    consent('mandate.consent', input.mandate.consent, 'Please agree to the SEPA mandate.')
    mandate = { accountHolder, iban: iban.valid ? iban.iban : '', ...(bic !== undefined && { bic }), consent: input.mandate.consent }
  }
  consent('privacyConsent', input.privacyConsent, 'Please agree to the privacy notice.')
  const submission: ApplicationSubmission = {
    salutation: input.salutation,
    ...(title !== undefined && { title }),
    firstName,
    lastName,
    dateOfBirth: input.dateOfBirth,
    address,
    email,
    ...(phone !== undefined && { phone }),
    feeClassGroupId,
    ...(mandate && { mandate }),
    privacyConsent: input.privacyConsent,
  }
  return { issues, submission }
}

const salutations: readonly string[] = ['mr', 'ms', 'mx', 'none']

// The e-mail pattern zod's `z.email()` applies (its default), so both checks agree.
const emailPattern = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/
