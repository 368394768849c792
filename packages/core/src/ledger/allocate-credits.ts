import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'
import { priorityRank } from '../fees/account'
import type { Allocation } from './posting'

/** A debit with something still open, and the priority of its account. */
export interface OpenDebit {
  readonly id: string
  readonly date: CalendarDate
  readonly sequence: number
  readonly accountPriority: number
  /** Positive cents still open. */
  readonly open: Cents
}

/** A credit with something not yet allocated. */
export interface UnallocatedCredit {
  readonly id: string
  readonly date: CalendarDate
  readonly sequence: number
  /** Positive cents not yet allocated. */
  readonly unallocated: Cents
}

/**
 * Allocates credits to open debits (docs/decisions/0000#d3): credits oldest first; each goes to debits by account priority (1, 2, …,
 * then 0), then booking date (oldest first), then creation order. What is left of a credit stays unallocated; the
 * same call settles it against debits posted later. Never allocates more than is open or available.
 */
export function allocateCredits(debits: readonly OpenDebit[], credits: readonly UnallocatedCredit[]): Allocation[] {
  const queue = debits
    .filter((d) => d.open > 0)
    .map((d) => ({ ...d, left: d.open }))
    .sort(
      (a, b) =>
        priorityRank(a.accountPriority) - priorityRank(b.accountPriority) || compareDates(a.date, b.date) || a.sequence - b.sequence,
    )
  const ordered = credits.filter((c) => c.unallocated > 0).sort((a, b) => compareDates(a.date, b.date) || a.sequence - b.sequence)
  const allocations: Allocation[] = []
  for (const credit of ordered) {
    let left = credit.unallocated
    for (const debit of queue) {
      if (left === 0) break
      if (debit.left === 0) continue
      const amount = Math.min(left, debit.left)
      allocations.push({
        creditId: credit.id,
        debitId: debit.id,
        amount,
        allocatedOn: compareDates(credit.date, debit.date) >= 0 ? credit.date : debit.date,
      })
      left -= amount
      debit.left -= amount
    }
  }
  return allocations
}
