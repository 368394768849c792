import { VereinskitError, maxBalanceCents } from '@vereinskit/core'
import type { OrganisationStorage } from '../../storage/organisation-storage'

/**
 * Refuses a booking that takes a member account beyond ± `maxBalanceCents` (100 million euros), inside the
 * booking's transaction so nothing of it stays. No account can grow beyond what a club can owe, and every sum over
 * accounts (balance list, open items, run totals) stays exact.
 */
export async function assertBalancesInRange(tx: OrganisationStorage, membershipIds: readonly string[]): Promise<void> {
  const outside = await tx.ledger.balancesBeyond([...new Set(membershipIds)], maxBalanceCents)
  if (outside.length > 0) {
    throw new VereinskitError(
      'AMOUNT_OUT_OF_RANGE',
      `This booking would take ${outside.length === 1 ? 'a member account' : `${outside.length} member accounts`} beyond ±${maxBalanceCents / 100} euros.`,
    )
  }
}
