import { VereinskitError, assertChargeRunUndoable, planChargeRun, type CalendarDate, type ChargeRunPlan } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { inSequence } from '../storage/in-sequence'
import type { RouteHandlers } from '../http/route-handler'
import { settleAccounts } from '../ledger/settle-accounts'
import { postingsCsv } from '../exports/statement'
import { mustGetRun } from './run-lookup'
import { findAppliedRun } from '../runs/find-applied-run'
import type { RunRecord, Storage } from '../storage/storage'

/** Plans from what `storage` (a transaction, when applying) sees now. */
export async function planCharges(storage: Storage, organisationId: string, asOf: CalendarDate): Promise<ChargeRunPlan> {
  const [memberships, assignments, feeClasses, plans, accounts, charged] = await inSequence(
    () => storage.memberships.listForRuns(organisationId),
    () => storage.assignments.listAll(organisationId),
    () => storage.finance.listFeeClasses(organisationId),
    () => storage.finance.listPlans(organisationId),
    () => storage.finance.listAccounts(organisationId),
    () => storage.ledger.chargedYears(organisationId),
  )
  const byMembership = new Map<string, typeof assignments>()
  for (const a of assignments) byMembership.set(a.membershipId, [...(byMembership.get(a.membershipId) ?? []), a])
  return planChargeRun({
    asOf,
    memberships: memberships.map((m) => ({ ...m, assignments: byMembership.get(m.id) ?? [] })),
    feeClasses,
    plans,
    accounts,
    charged,
  })
}

function toView(run: RunRecord) {
  return {
    id: run.id,
    asOf: run.asOf,
    idempotencyKey: run.idempotencyKey,
    membershipsChecked: run.summary.membershipsChecked ?? 0,
    chargesMade: run.summary.chargesMade ?? 0,
    total: run.summary.total ?? 0,
    createdAt: run.createdAt,
    reversedAt: run.reversedAt,
  }
}

/** Charge runs (Sollstellungsläufe). */
export const chargeRunHandlers: RouteHandlers<typeof contract.chargeRuns> = {
  async preview({ body }, { storage, organisation }) {
    const plan = await planCharges(storage, organisation.id, body.asOf)
    return { ...plan, skipped: [...plan.skipped], charges: [...plan.charges] }
  },

  async apply({ body }, { storage, organisation, progress }) {
    const key = body.idempotencyKey
    const progressKey = `${organisation.id}|${key}`
    try {
      const run = await storage.transaction(async (tx) => {
        // One charge run at a time per organisation: the row lock makes a concurrent apply wait, then find this run.
        await tx.organisations.getForUpdate(organisation.id)
        const existing = await findAppliedRun(tx, organisation.id, 'charge', key, { asOf: body.asOf })
        if (existing) return existing
        progress.set(progressKey, { phase: 'planning', done: 0, total: 0 })
        const plan = await planCharges(tx, organisation.id, body.asOf)
        if (plan.idempotencyKey !== key) {
          throw new VereinskitError(
            'RUN_PLAN_CHANGED',
            `The charges due on ${body.asOf} changed since the preview; preview again and apply the new key.`,
          )
        }
        const created = await tx.runs.create(organisation.id, {
          kind: 'charge',
          idempotencyKey: key,
          asOf: body.asOf,
          parameters: { asOf: body.asOf },
          summary: { membershipsChecked: plan.membershipsChecked, chargesMade: plan.charges.length, total: plan.total },
        })
        const total = plan.charges.length
        progress.set(progressKey, { phase: 'applying', done: 0, total })
        const posted = await tx.ledger.insertPostings(
          organisation.id,
          plan.charges.map((c) => ({
            membershipId: c.membershipId,
            accountId: c.accountId,
            date: c.date,
            amount: -c.amount,
            text: c.text,
            documentNumber: null,
            kind: 'charge' as const,
            runId: created.id,
            chargeKey: c.chargeKey,
            chargeAssignmentId: c.assignmentId,
            chargeYear: c.year,
            reversalOf: null,
            createdBy: `charge-run:${created.id}`,
          })),
          (done) => progress.set(progressKey, { phase: 'applying', done, total }),
        )
        // A run reports only what it posted: a charge whose key exists already rolls the whole run back.
        if (posted.length !== plan.charges.length) {
          throw new VereinskitError(
            'RUN_PLAN_CHANGED',
            `${plan.charges.length - posted.length} of the planned charges exist already; preview the run again.`,
          )
        }
        await settleAccounts(
          tx,
          organisation.id,
          plan.charges.map((c) => c.membershipId),
        )
        return created
      })
      progress.set(progressKey, { phase: 'done', done: run.summary.chargesMade ?? 0, total: run.summary.chargesMade ?? 0 })
      return toView(run)
    } catch (error) {
      progress.set(progressKey, { ...progress.get(progressKey), phase: 'failed' })
      throw error
    }
  },

  async list(_, { storage, organisation }) {
    return { items: (await storage.runs.list(organisation.id, 'charge')).map(toView) }
  },

  async get({ params }, context) {
    const run = await mustGetRun(context.storage, context.organisation.id, 'charge', params.runId)
    return { ...toView(run), postings: await context.storage.ledger.postingViews(context.organisation.id, { runId: run.id }) }
  },

  undo: ({ params }, context) =>
    context.storage.transaction(async (tx) => {
      const { organisation } = context
      const run = await mustGetRun(tx, organisation.id, 'charge', params.runId, true)
      if (run.reversedAt) throw new VereinskitError('RUN_ALREADY_REVERSED', `Charge run ${run.id} was undone on ${run.reversedAt}.`)
      assertChargeRunUndoable(run.id, {
        usedByRun: await tx.ledger.runInUse(organisation.id, run.id),
        ...(await tx.ledger.runDependants(organisation.id, run.id)),
      })
      const affected = await tx.ledger.deleteRunPostings(organisation.id, run.id)
      await settleAccounts(tx, organisation.id, affected)
      return toView(await tx.runs.markReversed(organisation.id, run.id, context.clock.now()))
    }),

  async exportPostings({ params }, context) {
    const run = await mustGetRun(context.storage, context.organisation.id, 'charge', params.runId)
    return postingsCsv(await context.storage.ledger.postingViews(context.organisation.id, { runId: run.id }))
  },

  // Scoped by organisation: another organisation asking with the same key learns nothing.
  progress: async ({ params }, { progress, organisation }) => progress.get(`${organisation.id}|${params.idempotencyKey}`),
}
