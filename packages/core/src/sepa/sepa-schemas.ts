import * as z from 'zod'
import { checkIban } from './iban'
import { isValidBic, normalizeBic } from './bic'

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
