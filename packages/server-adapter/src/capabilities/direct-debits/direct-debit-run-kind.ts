import { VereinskitError } from '@vereinskit/core'
import {
  directDebitRunPlanOf,
  planDirectDebitRun,
  type DirectDebitCandidate,
  type DirectDebitRunPlan,
  type DirectDebitRunRequest,
} from '@vereinskit/core/direct-debit'
import { openItemsAt, unallocatedCreditByMembership } from '@vereinskit/core/ledger'
import { inSequence } from '../../storage/in-sequence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { defineRunKind, type RunContext } from '../../runs/run-kind'
import type { NewDirectDebit } from './direct-debit-store'

/** Plans a direct-debit run from what `storage` (the run's transaction, when applying) sees now. */
export async function planDirectDebits(
  storage: OrganisationStorage,
  request: DirectDebitRunRequest,
  context: Pick<RunContext, 'today'>,
): Promise<DirectDebitRunPlan> {
  const [payers, mandates, { postings, allocations }, collections, collecting, settings] = await inSequence(
    () => storage.mandates.payers(),
    () => storage.mandates.mandates(),
    () => storage.ledger.ledger('all'),
    () => storage.mandates.collections(),
    () => storage.directDebits.collectingPostingIds(),
    () => storage.finance.getSettings(),
  )
  // What is still open reads every payment booked until now; which items are due reads the collection date.
  const open = openItemsAt(postings, allocations, { cutoff: '9999-12-31' })
  const credit = unallocatedCreditByMembership(postings, allocations)
  const items = new Map<string, typeof open>()
  for (const item of open) items.set(item.membershipId, [...(items.get(item.membershipId) ?? []), item])
  const byPerson = new Map<string, typeof mandates>()
  for (const m of mandates) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m])
  const candidates = payers
    .filter((p) => p.paymentMethod === 'direct-debit' && (items.has(p.membershipId) || (credit.get(p.membershipId) ?? 0) > 0))
    .map((p): DirectDebitCandidate => ({
      membershipId: p.membershipId,
      membershipNumber: p.membershipNumber,
      paymentMethod: p.paymentMethod,
      processingBlocked: p.processingBlocked,
      payer: { personId: p.payerPersonId, name: p.payerName, address: p.payerAddress, email: p.payerEmail, alternate: p.alternate },
      mandates: byPerson.get(p.payerPersonId) ?? [],
      openItems: items.get(p.membershipId) ?? [],
      unallocatedCredit: credit.get(p.membershipId) ?? 0,
    }))
  return planDirectDebitRun(request, candidates, { today: context.today, collections, collectingPostingIds: collecting, settings })
}

/** The creditor data every direct-debit run and export needs (handbook §6.5 prerequisites). */
export async function assertCreditorData(storage: OrganisationStorage): Promise<void> {
  const [organisation, settings] = await Promise.all([storage.organisation.get(), storage.finance.getSettings()])
  const missing = [
    organisation.creditorId ? null : 'the creditor identifier',
    settings.creditorIban ? null : 'the creditor IBAN (creditorIban)',
    settings.directDebitAccountId ? null : 'the direct-debit account (directDebitAccountId)',
  ].filter(Boolean)
  if (missing.length > 0) throw new VereinskitError('CREDITOR_DATA_MISSING', `Direct debits need ${missing.join(', ')}.`)
}

/** An end-to-end id the bank echoes in returns: unique, 32 characters of the SEPA set. */
export function newEndToEndId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').toUpperCase()
}

/**
 * The direct-debit run (Lastschriftlauf) as a run kind: applying stores the debits and the items they settle —
 * nothing is posted (handbook §6.5: export books the credits). Undone (deleted) as a whole while no part of it is
 * exported.
 */
export const directDebitRunKind = defineRunKind({
  kind: 'direct-debit',
  label: 'Direct-debit run',
  usage: 'direct-debit',
  parameters: (request: DirectDebitRunRequest) => request,
  async plan(storage, request, context) {
    await assertCreditorData(storage)
    return planDirectDebits(storage, request, context)
  },
  runPlan: (plan: DirectDebitRunPlan) => directDebitRunPlanOf(plan),
  changedMessage: () => 'Open items, mandates or other runs changed since the preview; preview the direct-debit run again.',

  async apply(tx, plan, run, report) {
    const debits: NewDirectDebit[] = plan.debits.map((d) => ({
      mandateId: d.mandateId,
      payerPersonId: d.payerPersonId,
      collectionDate: plan.collectionDate,
      sequenceType: d.sequenceType,
      amount: d.amount,
      endToEndId: newEndToEndId(),
      reference: d.reference,
      iban: d.iban,
      bic: d.bic,
      accountHolder: d.accountHolder,
      signedOn: d.signedOn,
      amendment: d.amendment,
      address: d.address,
      email: d.email,
      preNotificationChannel: d.preNotificationChannel,
      remittance: d.remittance,
      membershipNumbers: d.membershipNumbers,
      lapseWarning: d.lapseWarning,
      items: d.items,
    }))
    await tx.directDebits.insertDebits(run.id, debits)
    report(debits.length, debits.length)
    return { usedPostingIds: debits.flatMap((d) => d.items.map((i) => i.postingId)) }
  },

  async reverse(tx, run) {
    const debits = await tx.directDebits.debits({ runId: run.id })
    if (debits.some((d) => d.status !== 'pending')) {
      throw new VereinskitError('DIRECT_DEBIT_RUN_EXPORTED', 'Part of the run is exported; cancel its exports before deleting the run.')
    }
    await tx.directDebits.deleteDebitsOfRun(run.id)
  },
})
