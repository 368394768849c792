import type { Cents } from '../money/cents'
import type { Allocation, LedgerPosting } from './posting'
import type { OpenDebit, UnallocatedCredit } from './allocate-credits'

/** Open amount per debit and unallocated amount per credit, from postings and their allocations. */
export function ledgerState(
  postings: readonly LedgerPosting[],
  allocations: readonly Allocation[],
  priorityOf: (accountId: string) => number,
): { openDebits: OpenDebit[]; unallocatedCredits: UnallocatedCredit[] } {
  const settled = new Map<string, Cents>()
  const used = new Map<string, Cents>()
  for (const a of allocations) {
    settled.set(a.debitId, (settled.get(a.debitId) ?? 0) + a.amount)
    used.set(a.creditId, (used.get(a.creditId) ?? 0) + a.amount)
  }
  const openDebits: OpenDebit[] = []
  const unallocatedCredits: UnallocatedCredit[] = []
  for (const p of postings) {
    if (p.amount < 0) {
      openDebits.push({
        id: p.id,
        date: p.date,
        sequence: p.sequence,
        accountPriority: priorityOf(p.accountId),
        open: -p.amount - (settled.get(p.id) ?? 0),
      })
    } else if (p.amount > 0) {
      unallocatedCredits.push({ id: p.id, date: p.date, sequence: p.sequence, unallocated: p.amount - (used.get(p.id) ?? 0) })
    }
  }
  return { openDebits, unallocatedCredits }
}
