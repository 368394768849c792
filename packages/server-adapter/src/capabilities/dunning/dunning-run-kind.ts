import {
  assertRunReversible,
  dunningRunPlanOf,
  noDunning,
  planDunningRun,
  type DunningCandidate,
  type DunningRunPlan,
  type DunningRunRequest,
} from '@vereinskit/core/dunning'
import { letterChannel, letterSalutation } from '@vereinskit/core/correspondence'
import { openItemsAt, unallocatedCreditByMembership } from '@vereinskit/core/ledger'
import { inSequence } from '../../storage/in-sequence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { defineRunKind } from '../../runs/run-kind'
import { postingRow } from '../ledger/posting-row'
import { settleAccounts } from '../ledger/settle-accounts'
import { writeLetters } from '../correspondence/write-letters'
import { takeBackLetters } from './take-back-letter'
import type { NewDunningLetter } from './dunning-store'

/** Plans from what `storage` (the run's transaction, when applying) sees now. */
export async function planDunning(storage: OrganisationStorage, request: DunningRunRequest): Promise<DunningRunPlan> {
  const [memberships, { postings, allocations }, states, levels, accounts, lastNumber] = await inSequence(
    () => storage.memberships.listForRuns(),
    () => storage.ledger.ledger('all'),
    () => storage.dunning.states(),
    () => storage.dunning.levels(),
    () => storage.finance.listAccounts(),
    () => storage.dunning.lastLetterNumber(),
  )
  // Which debits are due reads the run date; what is still open reads every payment booked until now, so a
  // backdated run never dunns debt paid since (as invoice runs, docs/decisions/0010).
  const open = openItemsAt(postings, allocations, { cutoff: '9999-12-31' })
  const credit = unallocatedCreditByMembership(postings, allocations)
  const items = new Map<string, typeof open>()
  for (const item of open) items.set(item.membershipId, [...(items.get(item.membershipId) ?? []), item])
  const candidates = memberships
    .filter((m) => items.has(m.id))
    .map((m): DunningCandidate => ({
      membershipId: m.id,
      membershipNumber: m.number,
      state: states.get(m.id) ?? noDunning,
      processingBlocked: m.processingBlocked,
      addressInvalid: m.addressInvalid,
      recipient: {
        salutation: letterSalutation({ ...m.person, firstName: m.name }),
        name: m.name,
        address: m.billingAddress ?? m.postalAddress,
        email: m.email,
      },
      channel: letterChannel(m.preferredChannel, m.email),
      openItems: items.get(m.id) ?? [],
      unallocatedCredit: credit.get(m.id) ?? 0,
    }))
  return planDunningRun(request, candidates, levels, accounts, lastNumber)
}

/**
 * The dunning run (Mahnlauf) as a run kind: books the fees, writes and numbers the letters, sets level and date
 * per membership; reversed as a whole, newest run first (handbook §6.3 Storno).
 */
export const dunningRunKind = defineRunKind({
  kind: 'dunning',
  label: 'Dunning run',
  usage: 'dunning',
  parameters: (request: DunningRunRequest) => request,
  plan: (storage, request) => planDunning(storage, request),
  runPlan: (plan: DunningRunPlan) => dunningRunPlanOf(plan),
  changedMessage: () => 'Open items, dunning levels or letter numbers changed since the preview; preview the dunning run again.',

  async apply(tx, plan, run, report, context) {
    const total = plan.letters.length
    const withFee = plan.letters.filter((l) => l.fee > 0)
    const fees = await tx.ledger.insertPostings(
      withFee.map((l) =>
        postingRow({
          membershipId: l.membershipId,
          accountId: l.feeAccountId!,
          date: plan.asOf,
          amount: -l.fee,
          text: l.postingText,
          documentNumber: String(l.letterNumber),
          kind: 'dunning-fee',
          runId: run.id,
          createdBy: context.actor,
        }),
      ),
    )
    const feeOf = new Map(withFee.map((l, i) => [l.membershipId, fees[i]!.id]))
    const organisation = await tx.organisation.get()
    // A last level without a template sets the level and books the fee but writes no letter (handbook §9.10.6).
    const written = plan.letters.filter((l) => l.produceDocument)
    const ids = await writeLetters(
      tx,
      written.map((l) => ({
        membershipId: l.membershipId,
        kind: 'dunning' as const,
        templateId: l.templateId,
        title: `${l.levelText} Nr. ${l.letterNumber}`,
        createdOn: plan.asOf,
        channel: l.channel,
        email: l.recipient.email ?? null,
        runId: run.id,
        data: {
          club: { name: organisation.name, address: null },
          member: { number: l.membershipNumber, salutation: l.recipient.salutation, name: l.recipient.name },
          address: l.recipient.address,
          letter: { number: l.letterNumber, date: plan.asOf },
          openItems: l.items,
          amounts: { openTotal: l.openTotal, fee: l.fee, total: l.total },
          dunning: { level: l.toLevel, text: l.levelText },
        },
      })),
      context.clock.now(),
    )
    const documentOf = new Map(written.map((l, i) => [l.letterNumber, ids[i] ?? null]))
    const letters: NewDunningLetter[] = plan.letters.map((l) => ({
      runId: run.id,
      membershipId: l.membershipId,
      number: l.letterNumber,
      fromLevel: l.fromLevel,
      previousLetterOn: l.previousLetterOn,
      toLevel: l.toLevel,
      letterOn: plan.asOf,
      fee: l.fee,
      feePostingId: feeOf.get(l.membershipId) ?? null,
      itemIds: l.items.map((item) => item.debitId),
      channel: l.channel,
      documentId: documentOf.get(l.letterNumber) ?? null,
    }))
    await tx.dunning.insertLetters(letters, (done) => report(done, total))
    await tx.dunning.setLevels(plan.letters.map((l) => ({ membershipId: l.membershipId, level: l.toLevel, lastLetterOn: plan.asOf })))
    // Credit waiting for allocation settles the new fees (docs/decisions/0000#d3).
    await settleAccounts(
      tx,
      withFee.map((l) => l.membershipId),
    )
    report(total, total)
    return { usedPostingIds: [...new Set(plan.letters.flatMap((l) => l.items.map((i) => i.debitId)))] }
  },

  async reverse(tx, run, context) {
    // Runs of the organisation go one at a time, so no run can dun a member while its earlier run is taken back.
    await tx.organisation.getForUpdate()
    assertRunReversible(run.id, await tx.dunning.letters({ membersOfRun: run.id }))
    const own = (await tx.dunning.letters({ runId: run.id })).filter((l) => !l.cancelled)
    await takeBackLetters(tx, own, { today: context.today, now: context.clock.now(), actor: context.actor })
  },
})
