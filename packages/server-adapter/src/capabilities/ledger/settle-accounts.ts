import { allocateCredits, ledgerState, type Allocation, type LedgerPosting } from '@vereinskit/core/ledger'
import type { OrganisationStorage } from '../../storage/organisation-storage'

/**
 * Applies rule D3 (docs/decisions/0000) after postings change: on each given member account, credit not yet allocated goes to open debits by
 * account priority, then date, then creation order. Only accounts that have unallocated credit are loaded.
 */
export async function settleAccounts(tx: OrganisationStorage, membershipIds: readonly string[]): Promise<number> {
  const withCredit = await tx.ledger.membershipsWithUnallocatedCredit([...new Set(membershipIds)])
  if (withCredit.length === 0) return 0
  const priorities = new Map((await tx.finance.listAccounts()).map((a) => [a.id, a.priority]))
  const { postings, allocations } = await tx.ledger.ledger(withCredit)
  const created = []
  for (const membershipId of withCredit) {
    const own = postings.filter((p) => p.membershipId === membershipId)
    const ids = new Set(own.map((p) => p.id))
    const state = ledgerState(
      own,
      allocations.filter((a) => ids.has(a.debitId)),
      (id) => priorities.get(id) ?? 0,
    )
    created.push(...allocateCredits(state.openDebits, state.unallocatedCredits))
  }
  await tx.ledger.insertAllocations(created)
  return created.length
}
