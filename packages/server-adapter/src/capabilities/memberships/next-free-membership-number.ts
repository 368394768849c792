import { nextMembershipNumber } from '@vereinskit/core/members'
import type { OrganisationStorage } from '../../storage/organisation-storage'

/**
 * The next free membership number of the organisation's range (handbook §11.6), for a membership created in `tx`.
 * It locks the organisation row first, so concurrent captures, acceptances and takeovers get different numbers.
 */
export async function nextFreeMembershipNumber(tx: OrganisationStorage): Promise<number> {
  const organisation = await tx.organisation.getForUpdate()
  const range = organisation.membershipNumberRange
  // O8: one range for the whole structure; the root's row is the lock every organisation of it takes.
  const shared = await tx.memberSyncs.sharedNumberScope()
  if (shared) {
    await tx.memberSyncs.lockOrganisation(shared.rootId)
    return nextMembershipNumber(range, await tx.memberSyncs.lowestFreeNumberIn(shared.organisationIds, range.from))
  }
  return nextMembershipNumber(range, await tx.memberships.lowestFreeNumber(range.from))
}
