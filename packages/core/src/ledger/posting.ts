import * as z from 'zod'
import type { CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'
import { VereinskitError } from '../errors/vereinskit-error'

/** What created a posting; direct-debit and returned-debit postings cannot be reversed (handbook §11.8 Konto). */
export const PostingKind = z.enum(['charge', 'manual', 'payment', 'reversal', 'write-off', 'direct-debit', 'returned-debit', 'dunning-fee'])
export type PostingKind = z.infer<typeof PostingKind>

/** A posting (Buchung) on a member account: debits negative, credits positive (docs/decisions/0000#d1). */
export interface LedgerPosting {
  readonly id: string
  readonly membershipId: string
  readonly accountId: string
  readonly date: CalendarDate
  readonly amount: Cents
  readonly text: string
  readonly documentNumber: string | null
  readonly kind: PostingKind
  /** Creation order, the last tie-break of allocation (docs/decisions/0000#d3). */
  readonly sequence: number
  readonly reversalOf: string | null
}

/** A part of a credit settling a part of a debit (Verteilung / Detailbuchung). */
export interface Allocation {
  readonly creditId: string
  readonly debitId: string
  /** Positive cents. */
  readonly amount: Cents
  /** From when the debit counts as settled by this part: the later of the two posting dates. */
  readonly allocatedOn: CalendarDate
}

/** True for a debit (amount below zero). */
export function isDebit(posting: Pick<LedgerPosting, 'amount'>): boolean {
  return posting.amount < 0
}

/** The sum of all postings: negative means the member owes (docs/decisions/0000#d1). */
export function balanceOf(postings: readonly Pick<LedgerPosting, 'amount'>[]): Cents {
  return postings.reduce((sum, p) => sum + p.amount, 0)
}

/**
 * The kind of a posting staff book by hand (one posting, or a quick booking): a credit is a payment (Zahlung),
 * a debit a manual charge (manuelle Sollstellung).
 */
export function manualPostingKind(amount: Cents): 'payment' | 'manual' {
  return amount > 0 ? 'payment' : 'manual'
}

/** The fields of a saved posting that may still change (handbook §11.8 Konto). */
export const PostingEdit = z.object({
  text: z.string().trim().min(1).max(140).optional(),
  documentNumber: z.string().trim().max(35).nullable().optional(),
})

/** Refuses changes to anything but text and document number, naming the fields. */
export function assertOnlyEditableFields(postingId: string, changes: Readonly<Record<string, unknown>>): void {
  const immutable = Object.keys(changes).filter((key) => key !== 'text' && key !== 'documentNumber')
  if (immutable.length > 0) {
    throw new VereinskitError(
      'POSTING_FIELD_IMMUTABLE',
      `Posting ${postingId}: ${immutable.join(', ')} cannot change after saving; reverse or delete it and post it again.`,
    )
  }
}
