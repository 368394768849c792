/**
 * @module @vereinskit/core/dunning: dunning (Mahnwesen) — levels and their chain, dunning runs, their reversal and
 * "cancel last dunning", blocks, exclusion runs (Ausschlusslauf) and collection runs (Export Inkasso).
 */
export { DunningLevel, DunningLevelNumber, dunningLevel } from './dunning-level'
export type { DunningLevelInput } from './dunning-level'
export { dunningLevelChain, feeAccountProblems } from './dunning-level-chain'
export type { DunningLevelChain, FeeAccountProblem } from './dunning-level-chain'
export { noDunning, isDunningBlocked, isDunningBlockExpired } from './dunning-state'
export type { DunningState } from './dunning-state'
export { DunningRunRequest, planDunningRun } from './plan-dunning-run'
export type { DunningCandidate, DunningExclusion, DunningRunPlan, PlannedDunningLetter } from './plan-dunning-run'
export { dunningRunPlanOf } from './dunning-run-summary'
export type { DunningRunSummary } from './dunning-run-summary'
export { assertRunReversible, lastLetterToCancel, feeReversalOf, levelsToRestore } from './dunning-reversal'
export type { DunningLetterEntry, FeeReversal } from './dunning-reversal'
export { ExclusionRunRequest, exclusionEndDate, planExclusionRun, exclusionRunPlanOf } from './plan-exclusion-run'
export type { ExclusionCandidate, ExclusionRunPlan, ExclusionRunSummary } from './plan-exclusion-run'
export { CollectionCriteria, planCollectionRun, collectionExportRows, collectionRunPlanOf } from './plan-collection-run'
export type { CollectionCandidate, CollectionItem, CollectionRunPlan, CollectionRunSummary } from './plan-collection-run'
export { dunningErrors } from './dunning-errors'
