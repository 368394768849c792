import { VereinskitError } from '../errors/vereinskit-error'
import type { LedgerPosting } from './posting'

/** What may still reference a debit. */
export interface DebitUsage {
  readonly allocated: number
  readonly invoiced: boolean
  readonly directDebited: boolean
  readonly dunned: boolean
}

/**
 * A debit may be deleted only while no credit is allocated to it and no invoice, direct-debit or dunning run has
 * used it (handbook §11.8 Konto). Credits: `assertCreditDeletable`.
 */
export function assertDebitDeletable(posting: LedgerPosting, usage: DebitUsage): void {
  if (posting.amount >= 0) {
    throw new VereinskitError('POSTING_IN_USE', `Posting ${posting.id} is a credit; reverse it instead of deleting it.`)
  }
  const reasons = [
    usage.allocated > 0 && 'credits are allocated to it (remove the allocation first)',
    usage.invoiced && 'it is on an invoice',
    usage.directDebited && 'it was part of a direct-debit run',
    usage.dunned && 'it was part of a dunning run',
  ].filter(Boolean)
  if (reasons.length > 0) throw new VereinskitError('POSTING_IN_USE', `Debit ${posting.id} cannot be deleted: ${reasons.join('; ')}.`)
}

/**
 * A credit typed in by staff (a payment or a manual credit) may be deleted to correct a wrong entry (handbook §11.8 Konto;
 * handbook §11.8 Konto even asks to delete an allocated credit before its debit): its allocations go with it and the debits it
 * settled are open again. Credits made by a run (write-off, direct debit) or a reversal, and credits that have
 * been reversed, are kept: they are undone by their run or stand as booked. @see docs/decisions/0011-deleting-credits.md
 */
export function assertCreditDeletable(posting: LedgerPosting, reversed: boolean): void {
  if (posting.kind !== 'payment' && posting.kind !== 'manual') {
    throw new VereinskitError(
      'POSTING_IN_USE',
      `Posting ${posting.id} is a ${posting.kind} posting; only payments and manual credits can be deleted.`,
    )
  }
  if (reversed) throw new VereinskitError('POSTING_IN_USE', `Credit ${posting.id} has been reversed; the reversal refers to it.`)
}
