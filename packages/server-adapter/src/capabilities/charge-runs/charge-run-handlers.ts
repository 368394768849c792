import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import { postingsCsv } from '../../exports/statement'
import { applyRun } from '../../runs/apply-run'
import { reverseRun } from '../../runs/reverse-run'
import { mustGetRun } from '../../runs/run-lookup'
import { typedRun } from '../../runs/run-kind'
import { postingView } from '../ledger/posting-view'
import { chargeRunKind, chargeRunView, planCharges } from './charge-run-kind'

/** Charge runs (Sollstellungsläufe). */
export const chargeRunHandlers: RouteHandlers<typeof contract.chargeRuns> = {
  async preview({ body }, { storage }) {
    const plan = await planCharges(storage, body.asOf)
    return { ...plan, skipped: [...plan.skipped], charges: [...plan.charges] }
  },

  apply: async ({ body }, context) =>
    chargeRunView(await applyRun(context.storage, chargeRunKind, { asOf: body.asOf }, body.idempotencyKey, context)),

  async list(_, { storage }) {
    return { items: (await storage.runs.list(chargeRunKind.kind)).map((run) => chargeRunView(typedRun(run))) }
  },

  async get({ params }, { storage }) {
    const run = await mustGetRun(storage, chargeRunKind, params.runId)
    return { ...chargeRunView(run), postings: (await storage.ledger.postingDetails({ runId: run.id })).map(postingView) }
  },

  undo: async ({ params }, context) => chargeRunView(await reverseRun(context.storage, chargeRunKind, params.runId, context)),

  async exportPostings({ params }, { storage }) {
    const run = await mustGetRun(storage, chargeRunKind, params.runId)
    return postingsCsv((await storage.ledger.postingDetails({ runId: run.id })).map(postingView))
  },

  // Any run kind's progress (the key names its kind), scoped by organisation: another organisation learns nothing.
  progress: ({ params }, { storage }) => storage.runProgress.find(params.idempotencyKey),
}
