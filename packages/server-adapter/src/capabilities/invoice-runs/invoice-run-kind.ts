import type { CalendarDate } from '@vereinskit/core'
import {
  invoiceRunPlanOf,
  planInvoiceRun,
  type InvoiceCandidate,
  type InvoiceRunPlan,
  type InvoiceRunRequest,
  type InvoiceRunSummary,
} from '@vereinskit/core/invoicing'
import { openItemsAt, unallocatedCreditByMembership } from '@vereinskit/core/ledger'
import { membershipStatusOn } from '@vereinskit/core/members'
import { inSequence } from '../../storage/in-sequence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { defineRunKind } from '../../runs/run-kind'

/** Plans from what `storage` (a transaction, when applying) sees now. */
export async function planInvoices(storage: OrganisationStorage, request: InvoiceRunRequest) {
  const [memberships, { postings, allocations }, invoiced, settings, last] = await inSequence(
    () => storage.memberships.listForRuns(),
    () => storage.ledger.ledger('all'),
    () => storage.ledger.usedPostingIds('invoice'),
    () => storage.finance.getSettings(),
    () => storage.finance.lastInvoiceNumber(),
  )
  // Which debits are due reads the invoice date; what is still open reads every payment booked until now, so a
  // backdated run never invoices debt paid after its invoice date (docs/decisions/0010).
  const openItems = openItemsAt(postings, allocations, { cutoff: '9999-12-31' })
  const unallocated = unallocatedCreditByMembership(postings, allocations)
  const itemsByMembership = new Map<string, typeof openItems>()
  for (const item of openItems) itemsByMembership.set(item.membershipId, [...(itemsByMembership.get(item.membershipId) ?? []), item])
  const candidates: InvoiceCandidate[] = memberships.map((m) => ({
    membershipId: m.id,
    membershipNumber: m.number,
    paymentMethod: m.paymentMethod,
    active: membershipStatusOn(m, request.invoiceDate) === 'active',
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

/** The invoice run (Rechnungslauf) as a run kind: numbers and stores invoices, reversed by cancelling them. */
export const invoiceRunKind = defineRunKind({
  kind: 'invoice',
  label: 'Invoice run',
  usage: 'invoice',
  parameters: (request: InvoiceRunRequest) => request,
  plan: (storage, request) => planInvoices(storage, request),
  runPlan: (plan: InvoiceRunPlan) => invoiceRunPlanOf(plan),
  changedMessage: () => 'Open items or invoice numbers changed since the preview; preview the invoice run again.',

  async apply(tx, plan, run, report) {
    // The organisation row is locked by the run, which keeps invoice numbers gapless.
    await tx.finance.takeInvoiceNumbers(plan.invoices.length)
    await tx.invoices.insertForRun(
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
    report(plan.invoices.length, plan.invoices.length)
    return { usedPostingIds: plan.invoices.flatMap((i) => i.items.map((item) => item.debitId)) }
  },

  async reverse(tx, run, context) {
    await tx.invoices.cancelOfRun(run.id, context.clock.now())
  },
})

/** The applied invoice run as the contract shows it. */
export function invoiceRunView(run: {
  id: string
  asOf: CalendarDate
  idempotencyKey: string
  summary: InvoiceRunSummary
  createdAt: string
  reversedAt: string | null
}) {
  return {
    id: run.id,
    invoiceDate: run.asOf,
    idempotencyKey: run.idempotencyKey,
    invoiceCount: run.summary.invoiceCount,
    total: run.summary.total,
    createdAt: run.createdAt,
    reversedAt: run.reversedAt,
  }
}
