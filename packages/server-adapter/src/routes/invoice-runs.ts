import {
  VereinskitError,
  compareDates,
  ledgerState,
  openItemsAt,
  planInvoiceRun,
  type InvoiceCandidate,
  type InvoiceRunRequest,
} from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { mustGetRun } from './run-lookup'
import { findAppliedRun } from '../runs/find-applied-run'
import { inSequence } from '../storage/in-sequence'
import type { RouteHandlers } from '../http/route-handler'
import type { RunRecord, Storage } from '../storage/storage'

async function planInvoices(storage: Storage, organisationId: string, request: InvoiceRunRequest) {
  const [memberships, { postings, allocations }, invoiced, settings, last] = await inSequence(
    () => storage.memberships.listForRuns(organisationId),
    () => storage.ledger.ledger(organisationId, 'all'),
    () => storage.ledger.usedPostingIds(organisationId, 'invoice'),
    () => storage.finance.getSettings(organisationId),
    () => storage.finance.lastInvoiceNumber(organisationId),
  )
  // Which debits are due reads the invoice date; what is still open reads every payment booked until now, so a
  // backdated run never invoices debt paid after its invoice date (docs/decisions/0010).
  const openItems = openItemsAt(postings, allocations, { cutoff: '9999-12-31' })
  const membershipOf = new Map(postings.map((p) => [p.id, p.membershipId]))
  const unallocated = new Map<string, number>()
  for (const credit of ledgerState(postings, allocations, () => 0).unallocatedCredits) {
    const membershipId = membershipOf.get(credit.id)!
    unallocated.set(membershipId, (unallocated.get(membershipId) ?? 0) + credit.unallocated)
  }
  const itemsByMembership = new Map<string, typeof openItems>()
  for (const item of openItems) itemsByMembership.set(item.membershipId, [...(itemsByMembership.get(item.membershipId) ?? []), item])
  const candidates: InvoiceCandidate[] = memberships.map((m) => ({
    membershipId: m.id,
    membershipNumber: m.number,
    paymentMethod: m.paymentMethod,
    active: compareDates(m.joinedOn, request.invoiceDate) <= 0 && (m.endsOn === null || compareDates(m.endsOn, request.invoiceDate) >= 0),
    processingBlocked: m.processingBlocked,
    addressInvalid: m.addressInvalid,
    name: m.name,
    postalAddress: m.postalAddress,
    billingAddress: m.billingAddress,
    openItems: itemsByMembership.get(m.id) ?? [],
    invoicedDebitIds: invoiced,
    unallocatedCredit: unallocated.get(m.id) ?? 0,
  }))
  return planInvoiceRun(request, candidates, settings, last)
}

function toView(run: RunRecord) {
  return {
    id: run.id,
    invoiceDate: run.asOf,
    idempotencyKey: run.idempotencyKey,
    invoiceCount: run.summary.invoiceCount ?? 0,
    total: run.summary.total ?? 0,
    createdAt: run.createdAt,
    reversedAt: run.reversedAt,
  }
}

/** Invoice runs (Rechnungsläufe). */
export const invoiceRunHandlers: RouteHandlers<typeof contract.invoiceRuns> = {
  async preview({ body }, { storage, organisation }) {
    const plan = await planInvoices(storage, organisation.id, body)
    return { ...plan, invoices: plan.invoices.map((i) => ({ ...i, items: [...i.items] })), skipped: [...plan.skipped] }
  },

  apply: ({ body }, { storage, organisation }) =>
    storage.transaction(async (tx) => {
      // Locking the organisation keeps invoice numbers gapless and runs one at a time.
      await tx.organisations.getForUpdate(organisation.id)
      const existing = await findAppliedRun(tx, organisation.id, 'invoice', body.idempotencyKey, body.request)
      if (existing) return toView(existing)
      const plan = await planInvoices(tx, organisation.id, body.request)
      if (plan.idempotencyKey !== body.idempotencyKey) {
        throw new VereinskitError(
          'RUN_PLAN_CHANGED',
          'Open items or invoice numbers changed since the preview; preview the invoice run again.',
        )
      }
      const run = await tx.runs.create(organisation.id, {
        kind: 'invoice',
        idempotencyKey: plan.idempotencyKey,
        asOf: plan.invoiceDate,
        parameters: body.request,
        summary: { invoiceCount: plan.invoices.length, total: plan.total },
      })
      await tx.finance.takeInvoiceNumbers(organisation.id, plan.invoices.length)
      await tx.runs.insertInvoices(
        organisation.id,
        run.id,
        plan.invoices.map((i) => ({
          number: i.number,
          membershipId: i.membershipId,
          invoiceDate: plan.invoiceDate,
          dueOn: i.dueOn,
          total: i.total,
          letter: { membershipNumber: i.membershipNumber, recipient: i.recipient, items: i.items },
        })),
      )
      await tx.ledger.addUses(
        plan.invoices.flatMap((i) => i.items.map((item) => ({ postingId: item.debitId, runId: run.id, kind: 'invoice' as const }))),
      )
      return toView(run)
    }),

  async list(_, { storage, organisation }) {
    return { items: (await storage.runs.list(organisation.id, 'invoice')).map(toView) }
  },

  async get({ params }, context) {
    const run = await mustGetRun(context.storage, context.organisation.id, 'invoice', params.runId)
    const invoices = await context.storage.runs.invoicesOfRun(context.organisation.id, run.id)
    return {
      ...toView(run),
      invoices: invoices.map((i) => ({
        id: i.id,
        membershipId: i.membershipId,
        membershipNumber: i.letter.membershipNumber,
        number: i.number,
        recipient: i.letter.recipient,
        items: [...i.letter.items],
        total: i.total,
        dueOn: i.dueOn,
        cancelled: i.cancelled,
      })),
    }
  },

  reverse: ({ params }, context) =>
    context.storage.transaction(async (tx) => {
      const { organisation } = context
      const run = await mustGetRun(tx, organisation.id, 'invoice', params.runId, true)
      if (run.reversedAt) throw new VereinskitError('RUN_ALREADY_REVERSED', `Invoice run ${run.id} was reversed on ${run.reversedAt}.`)
      await tx.runs.cancelInvoicesOfRun(organisation.id, run.id, context.clock.now())
      await tx.ledger.removeUsesOfRun(run.id)
      return toView(await tx.runs.markReversed(organisation.id, run.id, context.clock.now()))
    }),
}
