import * as z from 'zod'

/** Integer cents (Cent-Beträge), any size that stays an exact integer. */
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
