import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { VereinskitError } from '../errors/vereinskit-error'
import type { Cents } from '../money/cents'
import type { Allocation, LedgerPosting } from './posting'

/**
 * A debit and how much of it is still open, or (in the list, `includeCredits`) a credit and how much of it is not
 * yet allocated. Amounts are signed from the club's view: a debit's are positive (owed to the club), a credit's
 * negative (owed to the member), so a member's items sum to their open debt (docs/decisions/0000#d2).
 */
export interface OpenItem {
  /** `debit` for a receivable, `credit` for a payment or overpayment not (fully) allocated. */
  readonly side: 'debit' | 'credit'
  readonly postingId: string
  readonly membershipId: string
  readonly accountId: string
  readonly date: CalendarDate
  readonly text: string
  /** Cents of the original posting: positive for a debit, negative for a credit. */
  readonly amount: Cents
  /** Cents settled by allocations counted (for a credit: allocated; negative). */
  readonly settled: Cents
  /** Cents still open: positive for a debit, negative for a credit not yet allocated. */
  readonly open: Cents
}

/** The open-items list (OP-Liste) query: debits booked in a date range, evaluated as of a cutoff date (Stichtag). */
export interface OpenItemsQuery {
  readonly cutoff: CalendarDate
  readonly bookedFrom?: CalendarDate | undefined
  readonly bookedTo?: CalendarDate | undefined
  /** Also list credits not allocated by the cutoff: payments waiting for a debit, and overpayments (handbook §6.14 OP-Liste). */
  readonly includeCredits?: boolean | undefined
}

/**
 * Open items as of a cutoff date (handbook §6.14): debits booked in the range and not after the cutoff,
 * minus the allocations that were in effect on the cutoff. So a January charge paid in July is open in June.
 * Items fully settled by the cutoff are left out. With `includeCredits` the list also shows credits not allocated
 * by the cutoff — a payment ahead of its charge, an overpayment — as negative items (handbook §6.14 OP-Liste).
 */
export function openItemsAt(postings: readonly LedgerPosting[], allocations: readonly Allocation[], query: OpenItemsQuery): OpenItem[] {
  const { cutoff, bookedFrom, bookedTo } = query
  if (bookedFrom && bookedTo && compareDates(bookedFrom, bookedTo) > 0) {
    throw new VereinskitError('INVALID_RANGE', `The booking range starts on ${bookedFrom}, after it ends on ${bookedTo}.`)
  }
  const settledBy = new Map<string, Cents>()
  const usedBy = new Map<string, Cents>()
  for (const a of allocations) {
    if (compareDates(a.allocatedOn, cutoff) > 0) continue
    settledBy.set(a.debitId, (settledBy.get(a.debitId) ?? 0) + a.amount)
    usedBy.set(a.creditId, (usedBy.get(a.creditId) ?? 0) + a.amount)
  }
  const items: OpenItem[] = []
  for (const p of postings) {
    if (p.amount === 0 || compareDates(p.date, cutoff) > 0) continue
    if (p.amount > 0 && !query.includeCredits) continue
    if (bookedFrom && compareDates(p.date, bookedFrom) < 0) continue
    if (bookedTo && compareDates(p.date, bookedTo) > 0) continue
    const side = p.amount < 0 ? 'debit' : 'credit'
    const settled = (side === 'debit' ? settledBy.get(p.id) : usedBy.get(p.id)) ?? 0
    const open = Math.abs(p.amount) - settled
    if (open > 0) {
      const sign = side === 'debit' ? 1 : -1
      items.push({
        side,
        postingId: p.id,
        membershipId: p.membershipId,
        accountId: p.accountId,
        date: p.date,
        text: p.text,
        amount: sign * Math.abs(p.amount),
        settled: settled === 0 ? 0 : sign * settled,
        open: sign * open,
      })
    }
  }
  return items.sort((a, b) => compareDates(a.date, b.date))
}

/** Open debt (docs/decisions/0000#d2): open items due on or before `asOf`, minus credit not yet allocated. Positive means owed. */
export function openDebtOf(openItems: readonly Pick<OpenItem, 'open'>[], unallocatedCredit: Cents): Cents {
  return openItems.reduce((sum, i) => sum + i.open, 0) - unallocatedCredit
}
