import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import { applyRun } from '../../runs/apply-run'
import { reverseRun } from '../../runs/reverse-run'
import { mustGetRun } from '../../runs/run-lookup'
import { typedRun } from '../../runs/run-kind'
import { invoiceRunKind, invoiceRunView, planInvoices } from './invoice-run-kind'

/** Invoice runs (Rechnungsläufe). */
export const invoiceRunHandlers: RouteHandlers<typeof contract.invoiceRuns> = {
  async preview({ body }, { storage }) {
    const plan = await planInvoices(storage, body)
    return { ...plan, invoices: plan.invoices.map((i) => ({ ...i, items: [...i.items] })), skipped: [...plan.skipped] }
  },

  apply: async ({ body }, context) =>
    invoiceRunView(await applyRun(context.storage, invoiceRunKind, body.request, body.idempotencyKey, context)),

  async list(_, { storage }) {
    return { items: (await storage.runs.list(invoiceRunKind.kind)).map((run) => invoiceRunView(typedRun(run))) }
  },

  async get({ params }, { storage }) {
    const run = await mustGetRun(storage, invoiceRunKind, params.runId)
    const invoices = await storage.invoices.ofRun(run.id)
    return {
      ...invoiceRunView(run),
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

  reverse: async ({ params }, context) => invoiceRunView(await reverseRun(context.storage, invoiceRunKind, params.runId, context)),
}
