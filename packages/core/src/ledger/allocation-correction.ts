import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'
import { VereinskitError } from '../errors/vereinskit-error'
import type { LedgerPosting } from './posting'

/**
 * Checks a hand-made allocation of one credit (Detailbuchungen bearbeiten, handbook §11.8 Konto) against the credit and the
 * debits' open amounts (computed without this credit's old allocations): every part positive, going to a debit of
 * the same member, no debit over-settled, the credit not over-used.
 */
export function assertAllocationFits(
  credit: LedgerPosting,
  parts: readonly { debitId: string; amount: Cents }[],
  debits: ReadonlyMap<string, { posting: LedgerPosting; openWithoutThisCredit: Cents }>,
): void {
  if (credit.amount <= 0) throw new VereinskitError('ALLOCATION_INVALID', `Posting ${credit.id} is not a credit.`)
  let used = 0
  const perDebit = new Map<string, Cents>()
  for (const part of parts) {
    const debit = debits.get(part.debitId)
    if (!debit || debit.posting.membershipId !== credit.membershipId || debit.posting.amount >= 0) {
      throw new VereinskitError('ALLOCATION_INVALID', `Posting ${part.debitId} is not a debit of this member account.`)
    }
    if (!Number.isSafeInteger(part.amount) || part.amount <= 0) {
      throw new VereinskitError('ALLOCATION_INVALID', `Allocated amounts must be positive cents; got ${part.amount}.`)
    }
    // Several parts may go to one debit; together they must fit what is open.
    const onDebit = (perDebit.get(part.debitId) ?? 0) + part.amount
    perDebit.set(part.debitId, onDebit)
    if (onDebit > debit.openWithoutThisCredit) {
      throw new VereinskitError(
        'ALLOCATION_INVALID',
        `Debit ${part.debitId} has only ${debit.openWithoutThisCredit} cents open; the parts for it sum to ${onDebit}.`,
      )
    }
    used += part.amount
  }
  if (used > credit.amount) {
    throw new VereinskitError('ALLOCATION_INVALID', `The parts sum to ${used} cents but credit ${credit.id} is ${credit.amount} cents.`)
  }
}

/**
 * The date an allocation takes effect: the later of the credit's and the debit's date — a payment made before a
 * charge settles it only from the charge's date on, which is what open items at a cutoff read.
 */
export function allocationDate(creditDate: CalendarDate, debitDate: CalendarDate): CalendarDate {
  return compareDates(creditDate, debitDate) >= 0 ? creditDate : debitDate
}
