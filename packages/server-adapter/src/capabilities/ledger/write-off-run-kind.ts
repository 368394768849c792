import type { CalendarDate } from '@vereinskit/core'
import {
  openItemsAt,
  planWriteOff,
  unallocatedCreditByMembership,
  writeOffRunPlanOf,
  type WriteOffCriteria,
  type WriteOffMembership,
  type WriteOffPlan,
} from '@vereinskit/core/ledger'
import { membershipStatusOn } from '@vereinskit/core/members'
import { inSequence } from '../../storage/in-sequence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { defineRunKind } from '../../runs/run-kind'
import { postingRow } from './posting-row'

/** Plans from what `storage` sees now; booked today. */
export async function planWriteOffFor(storage: OrganisationStorage, criteria: WriteOffCriteria, today: CalendarDate) {
  const [{ postings, allocations }, memberships, dunning] = await inSequence(
    () => storage.ledger.ledger('all'),
    () => storage.memberships.listForRuns(),
    () => storage.dunning.states(),
  )
  // Everything booked so far counts, whatever its date: the write-off is booked today (the handbook lets no one choose its date).
  const items = openItemsAt(postings, allocations, { cutoff: '9999-12-31', includeCredits: true })
  const credit = unallocatedCreditByMembership(postings, allocations)
  const byId = new Map(
    memberships.map((m): [string, WriteOffMembership] => [
      m.id,
      {
        status: membershipStatusOn(m, today) === 'ended' ? 'ended' : 'active',
        processingBlocked: m.processingBlocked,
        unallocatedCredit: credit.get(m.id) ?? 0,
        dunningLevel: dunning.get(m.id)?.level ?? null,
        courtProcedure: dunning.get(m.id)?.courtProcedure ?? false,
      },
    ]),
  )
  return planWriteOff(items, byId, criteria, today)
}

/**
 * The write-off (Ausbuchung) as a run kind: a credit on the write-off account per open item, allocated to it. Not
 * reversible as a run; a single write-off is reversed like any posting.
 * @see docs/decisions/0009-write-off-by-balance.md
 */
export const writeOffRunKind = defineRunKind({
  kind: 'write-off',
  label: 'Write-off',
  parameters: (criteria: WriteOffCriteria) => criteria,
  plan: (storage, criteria, context) => planWriteOffFor(storage, criteria, context.today),
  runPlan: (plan: WriteOffPlan) => writeOffRunPlanOf(plan),
  changedMessage: () => 'The open items changed since the preview; preview the write-off again.',

  async apply(tx, plan, run, report) {
    const credits = await tx.ledger.insertPostings(
      plan.items.map((item) =>
        postingRow({
          membershipId: item.membershipId,
          accountId: item.accountId,
          date: plan.date,
          amount: item.amount,
          text: 'Ausbuchung',
          kind: 'write-off',
          runId: run.id,
          createdBy: `write-off:${run.id}`,
        }),
      ),
    )
    await tx.ledger.insertAllocations(
      plan.items.map((item, i) => ({ creditId: credits[i]!.id, debitId: item.debitId, amount: item.amount, allocatedOn: plan.date })),
      'write-off',
    )
    report(plan.items.length, plan.items.length)
  },
})
