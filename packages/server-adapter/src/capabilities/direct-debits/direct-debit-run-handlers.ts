import type { contract } from '@vereinskit/core/contract'
import { VereinskitError } from '@vereinskit/core'
import type { RouteHandlers } from '../../http/route-handler'
import { applyRun } from '../../runs/apply-run'
import { reverseRun } from '../../runs/reverse-run'
import { mustGetRun } from '../../runs/run-lookup'
import { typedRun } from '../../runs/run-kind'
import type { DirectDebitRunSummary } from '@vereinskit/core/direct-debit'
import { directDebitRunKind, planDirectDebits } from './direct-debit-run-kind'
import { cancelDirectDebitExport, exportDirectDebits } from './export-direct-debits'
import { sendPreNotifications } from './send-pre-notifications'
import { plannedDebitView, runDetail, runOverview } from './direct-debit-run-view'
import { directDebitRunCsv, directDebitRunXlsx } from './direct-debit-run-exports'

const runContext = (context: Parameters<RouteHandlers<typeof contract.directDebitRuns>['apply']>[1]) => ({
  clock: context.clock,
  today: context.today,
  actor: context.actor,
})

/** Direct-debit runs (Lastschriftläufe): preview, apply, edit, delete, export, cancel, pre-notifications, lists. */
export const directDebitRunHandlers: RouteHandlers<typeof contract.directDebitRuns> = {
  async preview({ body }, { storage, today }) {
    const plan = await planDirectDebits(storage, body, { today })
    return {
      collectionDate: plan.collectionDate,
      idempotencyKey: plan.idempotencyKey,
      debits: plan.debits.map(plannedDebitView),
      skipped: [...plan.skipped],
      totals: plan.totals,
      total: plan.total,
      dateCheck: {
        problems: plan.dateCheck.problems.map((p) => ({ ...p })),
        warnings: [...plan.dateCheck.warnings],
        latestSubmission: plan.dateCheck.latestSubmission,
      },
    }
  },

  async apply({ body }, context) {
    const { idempotencyKey, ...request } = body
    const run = await applyRun(context.storage, directDebitRunKind, request, idempotencyKey, runContext(context))
    return runOverview(
      run,
      await context.storage.directDebits.debits({ runId: run.id }),
      await context.storage.directDebits.exports(run.id),
    )
  },

  async list(_, { storage }) {
    const runs = (await storage.runs.list(directDebitRunKind.kind))
      .filter((r) => r.reversedAt === null)
      .map((r) => typedRun<DirectDebitRunSummary>(r))
    const views = []
    for (const run of runs)
      views.push(runOverview(run, await storage.directDebits.debits({ runId: run.id }), await storage.directDebits.exports(run.id)))
    return views
  },

  async get({ params, query }, { storage }) {
    const run = await liveRun(storage, params.runId)
    return runDetail(storage, run, query)
  },

  removeDebit: ({ params }, { storage }) =>
    storage.transaction(async (tx) => {
      await tx.organisation.getForUpdate()
      const run = await liveRun(tx, params.runId, true)
      const debits = await tx.directDebits.debits({ runId: run.id })
      const debit = debits.find((d) => d.id === params.debitId)
      if (!debit) throw new VereinskitError('DIRECT_DEBIT_NOT_FOUND', `Debit ${params.debitId} is not part of run ${run.id}.`)
      if (debit.status !== 'pending') {
        throw new VereinskitError(
          'DIRECT_DEBIT_RUN_EXPORTED',
          'The debit is exported; cancel the export before removing it (handbook §6.5).',
        )
      }
      const freed = await tx.directDebits.removeDebit(run.id, debit.id)
      await tx.ledger.removeUses(run.id, freed ?? [])
      return runOverview(run, await tx.directDebits.debits({ runId: run.id }), await tx.directDebits.exports(run.id))
    }),

  async remove({ params }, context) {
    await reverseRun(context.storage, directDebitRunKind, params.runId, runContext(context))
    return { deleted: true as const }
  },

  export: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const run = await liveRun(tx, params.runId, true)
      const exported = await exportDirectDebits(tx, run, body.sequenceType, runContext(context))
      return {
        id: exported.id,
        sequenceType: exported.sequenceType,
        messageId: exported.messageId,
        count: exported.count,
        total: exported.total,
        createdAt: exported.createdAt.toISOString(),
        cancelledAt: null,
      }
    }),

  async file({ params }, { storage }) {
    const run = await liveRun(storage, params.runId)
    const xml = await storage.directDebits.exportXml(run.id, params.exportId)
    if (xml === undefined) throw new VereinskitError('NOT_FOUND', `Export ${params.exportId} is not part of run ${run.id}.`)
    return xml
  },

  cancelExport: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const run = await liveRun(tx, params.runId, true)
      await cancelDirectDebitExport(tx, run, params.exportId, body.confirmNotSentToBank, runContext(context))
      return runOverview(run, await tx.directDebits.debits({ runId: run.id }), await tx.directDebits.exports(run.id))
    }),

  sendPreNotifications: ({ params }, context) =>
    context.storage.transaction(async (tx) => {
      const run = await liveRun(tx, params.runId, true)
      return sendPreNotifications(tx, run, runContext(context))
    }),

  async spreadsheet({ params }, { storage }) {
    return directDebitRunXlsx(await runDetail(storage, await liveRun(storage, params.runId)))
  },

  async csv({ params }, { storage }) {
    return directDebitRunCsv(await runDetail(storage, await liveRun(storage, params.runId)))
  },
}

/** A direct-debit run that was not deleted. */
async function liveRun(storage: Parameters<typeof mustGetRun>[0], runId: string, forUpdate = false) {
  const run = await mustGetRun(storage, directDebitRunKind, runId, forUpdate)
  if (run.reversedAt !== null) throw new VereinskitError('RUN_NOT_FOUND', `Direct-debit run ${runId} was deleted.`)
  return run
}
