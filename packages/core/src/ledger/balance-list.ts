import * as z from 'zod'
import { CentsSchema } from '../money/amount-schema'
import { VereinskitError } from '../errors/vereinskit-error'
import type { Cents } from '../money/cents'

/** How a member pays (Zahlungsart). */
export const PaymentMethod = z.enum(['direct-debit', 'invoice', 'transfer', 'cash'])
export type PaymentMethod = z.infer<typeof PaymentMethod>

/** Filter of the balance list (Saldenliste, handbook §6.9); ranges are inclusive, the smaller value first. */
export const BalanceListFilter = z.object({
  numberFrom: z.coerce.number().int().optional(),
  numberTo: z.coerce.number().int().optional(),
  balanceFrom: z.coerce.number().pipe(CentsSchema).optional(),
  balanceTo: z.coerce.number().pipe(CentsSchema).optional(),
  paymentMethod: PaymentMethod.optional(),
})
export type BalanceListFilter = z.infer<typeof BalanceListFilter>

/** One membership's line in the balance list. */
export interface BalanceRow {
  readonly membershipId: string
  readonly membershipNumber: number
  readonly paymentMethod: PaymentMethod
  readonly balance: Cents
}

/**
 * Applies the filter. A range given the wrong way round (`-10` to `-200`) is refused rather than guessed.
 */
export function filterBalanceList<T extends BalanceRow>(rows: readonly T[], filter: BalanceListFilter): T[] {
  if (filter.numberFrom !== undefined && filter.numberTo !== undefined && filter.numberFrom > filter.numberTo) {
    throw new VereinskitError(
      'INVALID_RANGE',
      `Membership numbers from ${filter.numberFrom} to ${filter.numberTo}: put the smaller number first.`,
    )
  }
  if (filter.balanceFrom !== undefined && filter.balanceTo !== undefined && filter.balanceFrom > filter.balanceTo) {
    throw new VereinskitError(
      'INVALID_RANGE',
      `Balances from ${filter.balanceFrom} to ${filter.balanceTo} cents: put the smaller value first (e.g. -20000 to -1000).`,
    )
  }
  return rows.filter(
    (r) =>
      (filter.numberFrom === undefined || r.membershipNumber >= filter.numberFrom) &&
      (filter.numberTo === undefined || r.membershipNumber <= filter.numberTo) &&
      (filter.balanceFrom === undefined || r.balance >= filter.balanceFrom) &&
      (filter.balanceTo === undefined || r.balance <= filter.balanceTo) &&
      (filter.paymentMethod === undefined || r.paymentMethod === filter.paymentMethod),
  )
}
