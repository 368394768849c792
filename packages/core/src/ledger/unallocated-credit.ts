import type { Cents } from '../money/cents'
import { ledgerState } from './ledger-state'
import type { Allocation, LedgerPosting } from './posting'

/**
 * Credit not yet allocated (Guthaben), per membership, from every posting booked: what a member's open debt is
 * reduced by (docs/decisions/0000#d2). Invoice runs and write-offs judge a member's balance with it.
 */
export function unallocatedCreditByMembership(postings: readonly LedgerPosting[], allocations: readonly Allocation[]): Map<string, Cents> {
  const membershipOf = new Map(postings.map((p) => [p.id, p.membershipId]))
  const byMembership = new Map<string, Cents>()
  for (const credit of ledgerState(postings, allocations, () => 0).unallocatedCredits) {
    if (credit.unallocated === 0) continue
    const membershipId = membershipOf.get(credit.id)!
    byMembership.set(membershipId, (byMembership.get(membershipId) ?? 0) + credit.unallocated)
  }
  return byMembership
}
