import * as z from 'zod'
import { checkIban, ibanProblemMessages } from './iban'
import { isValidBic, normalizeBic } from './bic'

/** An IBAN as typed by a person; validated, and normalised to upper case without spaces. */
export const IbanSchema = z.string().transform((value, ctx) => {
  const check = checkIban(value)
  if (check.valid) return check.iban
  ctx.addIssue({ code: 'custom', params: { reason: `iban-${check.problem}` }, message: ibanProblemMessages[check.problem] })
  return z.NEVER
})

/** A BIC, normalised to upper case. */
export const BicSchema = z
  .string()
  .transform(normalizeBic)
  .refine(isValidBic, { params: { reason: 'invalid-bic' }, message: 'The BIC is not valid.' })
