import type { CalendarDate } from '../calendar/calendar-date'
import { VereinskitError } from '../errors/vereinskit-error'
import { formatGermanDate } from '../calendar/german-date'
import type { Allocation, LedgerPosting } from './posting'

/** The counter-posting (Stornobuchung) for a posting. */
export interface PlannedReversal {
  readonly accountId: string
  readonly date: CalendarDate
  readonly amount: number
  readonly text: string
  readonly documentNumber: string | null
  readonly reversalOf: string
}

/**
 * Plans the reversal of a posting on `asOf`: a counter-posting of the opposite amount whose text names the original
 * (`Stornobuchung zu „Mitgliedsbeitrag“ vom 01.01.2026`, handbook §11.8 Konto). Direct-debit and returned-debit postings, reversals
 * themselves, and postings already reversed are refused.
 */
export function planReversal(posting: LedgerPosting, asOf: CalendarDate, alreadyReversed: boolean): PlannedReversal {
  if (posting.kind === 'direct-debit' || posting.kind === 'returned-debit') {
    throw new VereinskitError(
      'POSTING_NOT_REVERSIBLE',
      `Posting ${posting.id} is a ${posting.kind} posting; it cannot be reversed. Offset it with a counter-posting instead.`,
    )
  }
  if (posting.kind === 'reversal') {
    throw new VereinskitError('POSTING_NOT_REVERSIBLE', `Posting ${posting.id} is itself a reversal.`)
  }
  if (alreadyReversed) throw new VereinskitError('POSTING_ALREADY_REVERSED', `Posting ${posting.id} has already been reversed.`)
  return {
    accountId: posting.accountId,
    date: asOf,
    amount: -posting.amount,
    text: `Stornobuchung zu „${posting.text}“ vom ${formatGermanDate(posting.date)}`.slice(0, 140),
    documentNumber: posting.documentNumber,
    reversalOf: posting.id,
  }
}

/**
 * How allocations change (docs/decisions/0003) when `original` is reversed by the posting `reversalId` (dated `date`): a reversed debit
 * is settled by its reversal for whatever was still open; a reversed credit gives back what it had settled (those
 * debits are open again) and is settled against its reversal in full.
 */
export function planReversalAllocations(
  original: LedgerPosting,
  reversalId: string,
  date: CalendarDate,
  allocations: readonly Allocation[],
): { remove: Allocation[]; add: Allocation[] } {
  if (original.amount < 0) {
    const settled = allocations.filter((a) => a.debitId === original.id).reduce((sum, a) => sum + a.amount, 0)
    const open = -original.amount - settled
    return { remove: [], add: open > 0 ? [{ creditId: reversalId, debitId: original.id, amount: open, allocatedOn: date }] : [] }
  }
  return {
    remove: allocations.filter((a) => a.creditId === original.id),
    add: original.amount > 0 ? [{ creditId: original.id, debitId: reversalId, amount: original.amount, allocatedOn: date }] : [],
  }
}
