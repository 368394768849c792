import { checkUnlocked } from '@vereinskit/core/sync'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { MembershipRecord } from './membership-store'

/**
 * Refuses a change of a membership field the parent manages, when the membership is a synced copy in a child
 * (UMB-12): number, joining and leaving dates, payment method — unless the link syncs both ways. Only values that
 * really change count; sending the current value is no change. The database refuses such a change too (the
 * umbrella triggers); this check answers first, naming the fields.
 */
export async function refuseLockedMembershipChanges(
  tx: OrganisationStorage,
  current: MembershipRecord,
  changes: { paymentMethod?: string | undefined; endsOn?: string | null | undefined },
): Promise<void> {
  const changed = [
    changes.paymentMethod !== undefined && changes.paymentMethod !== current.paymentMethod && 'paymentMethod',
    changes.endsOn !== undefined && changes.endsOn !== current.endsOn && 'endsOn',
  ].filter((f): f is string => f !== false)
  if (changed.length === 0) return
  const source = await tx.memberSyncs.sourceOf(current.id)
  if (source) checkUnlocked('membership', changed, source.options)
}

/** Refuses any mandate change of a synced copy's membership (the parent manages the mandate data). */
export async function refuseLockedMandateChange(tx: OrganisationStorage, membershipId: string, field = 'mandate'): Promise<void> {
  const source = await tx.memberSyncs.sourceOf(membershipId)
  if (source) checkUnlocked('mandate', [field === 'mandate' ? 'iban' : field], source.options)
}
