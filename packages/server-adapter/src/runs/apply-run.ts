import { VereinskitError } from '@vereinskit/core'
import type { OrganisationStorage } from '../storage/organisation-storage'
import { findAppliedRun } from './find-applied-run'
import type { RunProgress } from './run-progress'
import { typedRun, type RunContext, type RunKind, type TypedRun } from './run-kind'

/**
 * Applies a previewed run of any kind, once. Under the organisation's row lock (one run at a time per
 * organisation) it finds a run already applied with the key (scoped by organisation and kind; other parameters are
 * refused), plans again from what the transaction sees, refuses a plan whose key changed since the preview
 * (`RUN_PLAN_CHANGED`), creates the run, books it, and records which postings it used. Everything is one
 * transaction: a run that fails leaves nothing. Progress is written outside it, for every server instance to read.
 * @see docs/decisions/0005-run-keys-and-reversal.md
 */
export async function applyRun<Kind extends string, Request, Plan, Summary>(
  storage: OrganisationStorage,
  kind: RunKind<Kind, Request, Plan, Summary>,
  request: Request,
  idempotencyKey: string,
  context: RunContext,
): Promise<TypedRun<Summary>> {
  const progress = progressWriter(storage, kind.kind, idempotencyKey, context)
  let repeated = false
  try {
    const run = await storage.transaction(async (tx) => {
      await tx.organisation.getForUpdate()
      const existing = await findAppliedRun(tx, kind.kind, idempotencyKey, kind.parameters(request))
      repeated = existing !== undefined
      if (existing) return existing
      progress.report({ phase: 'planning', done: 0, total: 0 })
      const plan = await kind.plan(tx, request, context)
      const common = kind.runPlan(plan)
      if (common.idempotencyKey !== idempotencyKey) throw new VereinskitError('RUN_PLAN_CHANGED', kind.changedMessage(request))
      const created = await tx.runs.create({
        kind: kind.kind,
        idempotencyKey,
        asOf: common.asOf,
        parameters: kind.parameters(request),
        summary: common.summary,
        createdBy: context.actor,
      })
      const booked = await kind.apply(tx, plan, created, (done, total) => progress.report({ phase: 'applying', done, total }), context)
      const used = booked?.usedPostingIds ?? []
      if (used.length > 0) {
        if (!kind.usage) throw new Error(`Run kind ${kind.kind} used postings but declares no usage kind.`)
        await tx.ledger.addUses(used.map((postingId) => ({ postingId, runId: created.id, kind: kind.usage! })))
      }
      return created
    })
    // A repeated apply leaves the progress of the run that booked as it was.
    if (!repeated) progress.report({ phase: 'done', done: progress.last().total, total: progress.last().total })
    await progress.flush()
    return typedRun<Summary>(run)
  } catch (error) {
    progress.report({ ...progress.last(), phase: 'failed' })
    await progress.flush()
    throw error
  }
}

/** Writes progress in order without holding up the run; a lost progress write never fails the run. */
function progressWriter(storage: OrganisationStorage, kind: string, key: string, context: RunContext) {
  let pending: Promise<void> = Promise.resolve()
  let last: RunProgress = { phase: 'unknown', done: 0, total: 0 }
  return {
    report(progress: RunProgress) {
      last = progress
      pending = pending.then(() => storage.runProgress.set(kind, key, progress, context.clock.now())).catch(() => undefined)
    },
    last: () => last,
    flush: () => pending,
  }
}
