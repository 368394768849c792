import type { Cents } from '../money/cents'
import { runPlan, type RunPlan } from '../runs/run-plan'
import type { ChargeRunPlan } from './charge-run'

/** What an applied charge run (Sollstellungslauf) reports. */
export interface ChargeRunSummary {
  readonly membershipsChecked: number
  readonly chargesMade: number
  readonly total: Cents
}

/** A charge run in the common run shape: undone by deleting its charges while nothing depends on them. */
export function chargeRunPlanOf(plan: ChargeRunPlan): RunPlan<'charge', ChargeRunSummary> {
  return runPlan({
    kind: 'charge',
    idempotencyKey: plan.idempotencyKey,
    asOf: plan.asOf,
    summary: { membershipsChecked: plan.membershipsChecked, chargesMade: plan.charges.length, total: plan.total },
    reversal: 'undo',
  })
}
