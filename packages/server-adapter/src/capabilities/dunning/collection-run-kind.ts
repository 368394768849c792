import { VereinskitError, type CalendarDate } from '@vereinskit/core'
import {
  collectionRunPlanOf,
  noDunning,
  planCollectionRun,
  type CollectionCriteria,
  type CollectionRunPlan,
} from '@vereinskit/core/dunning'
import { membershipStatusOn } from '@vereinskit/core/members'
import { openItemsAt } from '@vereinskit/core/ledger'
import { inSequence } from '../../storage/in-sequence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { defineRunKind } from '../../runs/run-kind'

/** Plans from what `storage` sees now, as of `today`. */
export async function planCollection(
  storage: OrganisationStorage,
  criteria: CollectionCriteria,
  today: CalendarDate,
): Promise<CollectionRunPlan> {
  const [memberships, { postings, allocations }, states] = await inSequence(
    () => storage.memberships.listForRuns(),
    () => storage.ledger.ledger('all'),
    () => storage.dunning.states(),
  )
  const open = openItemsAt(postings, allocations, { cutoff: today })
  const byMember = new Map<string, typeof open>()
  for (const item of open) byMember.set(item.membershipId, [...(byMember.get(item.membershipId) ?? []), item])
  const items = planCollectionRun(
    criteria,
    memberships
      .filter((m) => byMember.has(m.id))
      .map((m) => ({
        membershipId: m.id,
        membershipNumber: m.number,
        name: m.name,
        address: m.billingAddress ?? m.postalAddress,
        active: membershipStatusOn(m, today) === 'active',
        state: states.get(m.id) ?? noDunning,
        openItems: byMember.get(m.id) ?? [],
      })),
    today,
  )
  return { asOf: today, criteria, items, total: items.reduce((sum, i) => sum + i.open, 0) }
}

/**
 * The collection run (Export Inkasso, handbook §6.16) as a run kind: it records the postings to hand over; staff
 * remove single ones, then export. Reversing deletes it, which an export forbids.
 */
export const collectionRunKind = defineRunKind({
  kind: 'collection',
  label: 'Collection run',
  parameters: (criteria: CollectionCriteria) => criteria,
  plan: (storage, criteria, context) => planCollection(storage, criteria, context.today),
  runPlan: (plan: CollectionRunPlan) => collectionRunPlanOf(plan),
  changedMessage: () => 'The open postings changed since the preview; preview the collection run again.',

  async apply(tx, plan, run, report) {
    await tx.collections.insertItems(run.id, plan.items)
    report(plan.items.length, plan.items.length)
  },

  async reverse(tx, run) {
    if (await tx.collections.exportedAt(run.id)) {
      throw new VereinskitError('COLLECTION_RUN_EXPORTED', `Collection run ${run.id} was exported; it cannot be deleted.`)
    }
    await tx.collections.removeAll(run.id)
  },
})
