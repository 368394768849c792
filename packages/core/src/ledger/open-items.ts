import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { VereinskitError } from '../errors/vereinskit-error'
import type { Cents } from '../money/cents'
import type { Allocation, LedgerPosting } from './posting'

/** A debit and how much of it is still open. */
export interface OpenItem {
  readonly postingId: string
  readonly membershipId: string
  readonly accountId: string
  readonly date: CalendarDate
  readonly text: string
  /** Positive cents of the original debit. */
  readonly amount: Cents
  /** Positive cents settled by allocations counted. */
  readonly settled: Cents
  /** Positive cents still open. */
  readonly open: Cents
}

/** The open-items list (OP-Liste) query: debits booked in a date range, evaluated as of a cutoff date (Stichtag). */
export interface OpenItemsQuery {
  readonly cutoff: CalendarDate
  readonly bookedFrom?: CalendarDate | undefined
  readonly bookedTo?: CalendarDate | undefined
}

/**
 * Open items as of a cutoff date (mia-operations §6.14): debits booked in the range and not after the cutoff,
 * minus the allocations that were in effect on the cutoff. So a January charge paid in July is open in June.
 * Items fully settled by the cutoff are left out.
 */
export function openItemsAt(postings: readonly LedgerPosting[], allocations: readonly Allocation[], query: OpenItemsQuery): OpenItem[] {
  const { cutoff, bookedFrom, bookedTo } = query
  if (bookedFrom && bookedTo && compareDates(bookedFrom, bookedTo) > 0) {
    throw new VereinskitError('INVALID_RANGE', `The booking range starts on ${bookedFrom}, after it ends on ${bookedTo}.`)
  }
  const settledBy = new Map<string, Cents>()
  for (const a of allocations) {
    if (compareDates(a.allocatedOn, cutoff) <= 0) settledBy.set(a.debitId, (settledBy.get(a.debitId) ?? 0) + a.amount)
  }
  const items: OpenItem[] = []
  for (const p of postings) {
    if (p.amount >= 0 || compareDates(p.date, cutoff) > 0) continue
    if (bookedFrom && compareDates(p.date, bookedFrom) < 0) continue
    if (bookedTo && compareDates(p.date, bookedTo) > 0) continue
    const settled = settledBy.get(p.id) ?? 0
    const open = -p.amount - settled
    if (open > 0) {
      items.push({
        postingId: p.id,
        membershipId: p.membershipId,
        accountId: p.accountId,
        date: p.date,
        text: p.text,
        amount: -p.amount,
        settled,
        open,
      })
    }
  }
  return items.sort((a, b) => compareDates(a.date, b.date))
}

/** Open debt (D2): open items due on or before `asOf`, minus credit not yet allocated. Positive means owed. */
export function openDebtOf(openItems: readonly Pick<OpenItem, 'open'>[], unallocatedCredit: Cents): Cents {
  return openItems.reduce((sum, i) => sum + i.open, 0) - unallocatedCredit
}
