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
 * used it (L3599–L3600). Credits are not deleted here: they are reversed.
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
