import * as z from 'zod'
import { isCalendarDate } from '../calendar/calendar-date'
import { checkIban } from '../sepa/iban'
import { isValidBic, normalizeBic } from '../sepa/bic'

/** A calendar date `YYYY-MM-DD` that exists. */
export const CalendarDateSchema = z.string().refine(isCalendarDate, {
  params: { reason: 'invalid-date' },
  message: 'Expected an existing date in the form YYYY-MM-DD.',
})

/** Integer cents. */
export const CentsSchema = z.number().int().refine(Number.isSafeInteger, { message: 'Amount is out of range.' })

/** The largest amount of one posting, fee or instalment: 10 million euros. */
export const maxAmountCents = 1_000_000_000

/**
 * The largest balance a member account may reach either way: 100 million euros. With it, every sum over an
 * organisation's accounts stays an exact integer (below 2^53) up to 90 million member accounts.
 */
export const maxBalanceCents = 10_000_000_000

/** An amount as input: integer cents within ± `maxAmountCents`. */
export const AmountSchema = z
  .number()
  .int()
  .min(-maxAmountCents, { message: 'The amount is larger than 10 million euros.' })
  .max(maxAmountCents, { message: 'The amount is larger than 10 million euros.' })

/** An IBAN as typed by a person; validated, and normalised to upper case without spaces. */
export const IbanSchema = z.string().transform((value, ctx) => {
  const check = checkIban(value)
  if (check.valid) return check.iban
  ctx.addIssue({ code: 'custom', params: { reason: `iban-${check.problem}` }, message: ibanMessages[check.problem] })
  return z.NEVER
})

const ibanMessages = {
  empty: 'Please enter an IBAN.',
  'unknown-country': 'The IBAN starts with an unknown country code.',
  'not-sepa-country': 'The IBAN belongs to a country outside the SEPA area.',
  'wrong-length': 'The IBAN has the wrong length for its country.',
  'wrong-format': 'The IBAN contains characters not allowed for its country.',
  'wrong-checksum': 'The IBAN check digits do not match; please check for typing errors.',
} as const

/** A BIC, normalised to upper case. */
export const BicSchema = z
  .string()
  .transform(normalizeBic)
  .refine(isValidBic, { params: { reason: 'invalid-bic' }, message: 'The BIC is not valid.' })

/** Opaque resource id. */
export const IdSchema = z.string().min(1).max(64)

/** An ISO 8601 timestamp with offset, as the server writes it. */
export const TimestampSchema = z.iso.datetime({ offset: true })
