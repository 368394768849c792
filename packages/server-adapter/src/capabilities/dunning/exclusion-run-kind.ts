import { VereinskitError, formatGermanDate } from '@vereinskit/core'
import {
  dunningLevelChain,
  exclusionRunPlanOf,
  noDunning,
  planExclusionRun,
  type ExclusionRunPlan,
  type ExclusionRunRequest,
} from '@vereinskit/core/dunning'
import { letterSalutation } from '@vereinskit/core/correspondence'
import { openDebtOf, openItemsAt, unallocatedCreditByMembership } from '@vereinskit/core/ledger'
import { inSequence } from '../../storage/in-sequence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { defineRunKind, type RunContext } from '../../runs/run-kind'
import { writeLetters } from '../correspondence/write-letters'

/** Plans from what `storage` sees now. */
export async function planExclusion(
  storage: OrganisationStorage,
  request: ExclusionRunRequest,
  context: Pick<RunContext, 'today'>,
): Promise<ExclusionRunPlan> {
  const [memberships, { postings, allocations }, states, levels, settings] = await inSequence(
    () => storage.memberships.listForRuns(),
    () => storage.ledger.ledger('all'),
    () => storage.dunning.states(),
    () => storage.dunning.levels(),
    () => storage.finance.getSettings(),
  )
  if (levels.length === 0)
    throw new VereinskitError('EXCLUSION_SETTINGS_MISSING', 'Configure the dunning levels before running exclusions.')
  const open = openItemsAt(postings, allocations, { cutoff: request.runDate })
  const credit = unallocatedCreditByMembership(postings, allocations)
  const byMember = new Map<string, typeof open>()
  for (const item of open) byMember.set(item.membershipId, [...(byMember.get(item.membershipId) ?? []), item])
  const candidates = memberships.map((m) => ({
    membershipId: m.id,
    membershipNumber: m.number,
    name: m.name,
    level: (states.get(m.id) ?? noDunning).level,
    endsOn: m.endsOn,
    processingBlocked: m.processingBlocked,
    openDebt: openDebtOf(byMember.get(m.id) ?? [], credit.get(m.id) ?? 0),
  }))
  return planExclusionRun(request, candidates, settings, dunningLevelChain(levels), context.today)
}

/**
 * The exclusion run (Ausschlusslauf, handbook §6.12) as a run kind: the selected memberships get the end date,
 * the termination reason and the marker, and an exclusion letter where the club's template is valid.
 */
export const exclusionRunKind = defineRunKind({
  kind: 'exclusion',
  label: 'Exclusion run',
  parameters: (request: ExclusionRunRequest) => ({ ...request, selected: [...(request.selected ?? [])].sort() }),
  plan: (storage, request, context) => planExclusion(storage, request, context),
  runPlan: (plan: ExclusionRunPlan) => exclusionRunPlanOf(plan),
  changedMessage: () => 'The proposals changed since the preview; preview the exclusion run again.',

  async apply(tx, plan, run, report, context) {
    const memberships = new Map((await tx.memberships.listForRuns()).map((m) => [m.id, m]))
    const proposals = new Map(plan.proposals.map((p) => [p.membershipId, p]))
    const organisation = await tx.organisation.get()
    let done = 0
    for (const id of plan.selected) {
      const m = memberships.get(id)!
      const markers = plan.marker && !m.markers.includes(plan.marker) ? [...m.markers, plan.marker] : [...m.markers]
      await tx.memberships.update(id, { endsOn: plan.endsOn, leavingReason: plan.reason, markers })
      report((done += 1), plan.selected.length)
    }
    await writeLetters(
      tx,
      plan.selected.map((id) => {
        const m = memberships.get(id)!
        return {
          membershipId: id,
          kind: 'exclusion' as const,
          templateId: null,
          title: `Ausschluss zum ${formatGermanDate(plan.endsOn)}`,
          createdOn: plan.runDate,
          channel: m.preferredChannel,
          email: m.email,
          runId: run.id,
          data: {
            club: { name: organisation.name, address: null },
            member: { number: m.number, salutation: letterSalutation({ ...m.person, firstName: m.name }), name: m.name },
            address: m.billingAddress ?? m.postalAddress,
            letter: { number: null, date: plan.runDate },
            amounts: { openTotal: proposals.get(id)!.openDebt, fee: 0, total: proposals.get(id)!.openDebt },
            exclusion: { endsOn: plan.endsOn, reason: plan.reason },
          },
        }
      }),
      context.clock.now(),
    )
  },
})
