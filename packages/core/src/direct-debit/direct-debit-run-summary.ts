import type { Cents } from '../money/cents'
import { VereinskitError } from '../errors/vereinskit-error'
import { runPlan, type RunPlan } from '../runs/run-plan'
import type { DirectDebitRunPlan, SequenceTotals } from './plan-direct-debit-run'

/** What an applied direct-debit run (Lastschriftlauf) reports. */
export interface DirectDebitRunSummary {
  readonly collectionDate: string
  readonly debitCount: number
  readonly total: Cents
  readonly bySequenceType: SequenceTotals
}

/**
 * A direct-debit run in the common run shape. Applying it stores the debits and posts nothing; it is undone
 * (deleted) as a whole while no part is exported (handbook §6.5 "Lauf löschen"). A date the bank would refuse
 * cannot be applied (docs/decisions/0000#d15).
 */
export function directDebitRunPlanOf(plan: DirectDebitRunPlan): RunPlan<'direct-debit', DirectDebitRunSummary> {
  if (plan.dateCheck.problems.length > 0) {
    const text = plan.dateCheck.problems
      .map((p) =>
        p.code === 'not-business-day'
          ? `${plan.collectionDate} is not a TARGET2 business day (next: ${p.nextBusinessDay}).`
          : p.code === 'too-late'
            ? `${p.sequenceType} collections for ${plan.collectionDate} had to reach the bank by ${p.latestSubmission}.`
            : `Banks accept collections at most until ${p.latestCollectionDate}.`,
      )
      .join(' ')
    throw new VereinskitError('DIRECT_DEBIT_DATE_INVALID', text)
  }
  return runPlan({
    kind: 'direct-debit',
    idempotencyKey: plan.idempotencyKey,
    asOf: plan.collectionDate,
    summary: { collectionDate: plan.collectionDate, debitCount: plan.debits.length, total: plan.total, bySequenceType: plan.totals },
    reversal: 'undo',
  })
}
