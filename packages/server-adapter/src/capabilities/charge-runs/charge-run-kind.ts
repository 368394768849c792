import { VereinskitError, type CalendarDate } from '@vereinskit/core'
import { assertChargeRunUndoable, chargeRunPlanOf, planChargeRun, type ChargeRunPlan, type ChargeRunSummary } from '@vereinskit/core/fees'
import { inSequence } from '../../storage/in-sequence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { settleAccounts } from '../ledger/settle-accounts'
import { defineRunKind } from '../../runs/run-kind'

/** Plans from what `storage` (a transaction, when applying) sees now. */
export async function planCharges(storage: OrganisationStorage, asOf: CalendarDate): Promise<ChargeRunPlan> {
  const [memberships, assignments, feeClasses, plans, accounts, charged] = await inSequence(
    () => storage.memberships.listForRuns(),
    () => storage.assignments.listAll(),
    () => storage.finance.listFeeClasses(),
    () => storage.finance.listPlans(),
    () => storage.finance.listAccounts(),
    () => storage.ledger.chargedYears(),
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

/** The charge run (Sollstellungslauf) as a run kind: books the due charges, undone while nothing depends on them. */
export const chargeRunKind = defineRunKind({
  kind: 'charge',
  label: 'Charge run',
  parameters: (request: { asOf: CalendarDate }) => ({ asOf: request.asOf }),
  plan: (storage, request) => planCharges(storage, request.asOf),
  runPlan: (plan: ChargeRunPlan) => chargeRunPlanOf(plan),
  changedMessage: (request) => `The charges due on ${request.asOf} changed since the preview; preview again and apply the new key.`,

  async apply(tx, plan, run, report) {
    const total = plan.charges.length
    report(0, total)
    const posted = await tx.ledger.insertPostings(
      plan.charges.map((c) => ({
        membershipId: c.membershipId,
        accountId: c.accountId,
        date: c.date,
        amount: -c.amount,
        text: c.text,
        documentNumber: null,
        kind: 'charge' as const,
        runId: run.id,
        chargeKey: c.chargeKey,
        chargeAssignmentId: c.assignmentId,
        chargeYear: c.year,
        reversalOf: null,
        createdBy: `charge-run:${run.id}`,
      })),
      (done) => report(done, total),
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
      plan.charges.map((c) => c.membershipId),
    )
  },

  async reverse(tx, run) {
    assertChargeRunUndoable(run.id, { usedByRun: await tx.ledger.runInUse(run.id), ...(await tx.ledger.runDependants(run.id)) })
    await settleAccounts(tx, await tx.ledger.deleteRunPostings(run.id))
  },
})

/** The applied charge run as the contract shows it. */
export function chargeRunView(run: {
  id: string
  asOf: CalendarDate
  idempotencyKey: string
  summary: ChargeRunSummary
  createdAt: string
  reversedAt: string | null
}) {
  return {
    id: run.id,
    asOf: run.asOf,
    idempotencyKey: run.idempotencyKey,
    membershipsChecked: run.summary.membershipsChecked,
    chargesMade: run.summary.chargesMade,
    total: run.summary.total,
    createdAt: run.createdAt,
    reversedAt: run.reversedAt,
  }
}
