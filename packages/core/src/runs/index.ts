/**
 * @module @vereinskit/core/runs: The run lifecycle every kind of run shares: plans, idempotency keys, reversal.
 */
export { canonicalJson, idempotencyKeyOf } from './idempotency-key'
export { runPlan } from './run-plan'
export type { RunPlan, RunReversal } from './run-plan'
