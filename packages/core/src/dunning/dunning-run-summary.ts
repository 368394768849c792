import type { Cents } from '../money/cents'
import { VereinskitError } from '../errors/vereinskit-error'
import { runPlan, type RunPlan } from '../runs/run-plan'
import type { DunningRunPlan } from './plan-dunning-run'

/** What an applied dunning run (Mahnlauf) reports. */
export interface DunningRunSummary {
  readonly letterCount: number
  readonly feeTotal: Cents
  /** Letters per level issued, e.g. `{ "1": 12, "2": 3 }`. */
  readonly byLevel: Readonly<Record<string, number>>
}

/**
 * A dunning run in the common run shape: reversed as a whole by undoing it (letters and fees go, levels come back;
 * handbook §6.3 Storno). A plan that is invalid (docs/decisions/0000#d10) cannot be applied.
 */
export function dunningRunPlanOf(plan: DunningRunPlan): RunPlan<'dunning', DunningRunSummary> {
  if (!plan.valid) {
    throw new VereinskitError('DUNNING_RUN_INVALID', `The dunning run cannot be applied: ${plan.problems.map((p) => p.message).join(' ')}`)
  }
  const byLevel: Record<string, number> = {}
  for (const letter of plan.letters) byLevel[letter.toLevel] = (byLevel[letter.toLevel] ?? 0) + 1
  return runPlan({
    kind: 'dunning',
    idempotencyKey: plan.idempotencyKey,
    asOf: plan.asOf,
    summary: { letterCount: plan.letters.length, feeTotal: plan.feeTotal, byLevel },
    reversal: 'undo',
  })
}
