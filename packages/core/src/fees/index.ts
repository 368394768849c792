/**
 * @module @vereinskit/core/fees: Fees (Beiträge): accounts, payment plans, fee classes and groups, assignments, successor switches and charge runs (Sollstellungsläufe).
 */
export { Account, priorityRank } from './account'
export { FeeClass, isFeeClassValidOn, checkFeeClass } from './fee-class'
export { FeeClassGroup, isGroupOffered } from './fee-class-group'
export { PaymentPlan, NewPaymentPlan, YearRule, Instalment, DueDay, yearRuleFor, isOneOffPlan, paymentPlanTemplates } from './payment-plan'
export { instalmentsForYear, monthlyParts } from './instalments'
export type { DueInstalment, InstalmentInput } from './instalments'
export { FeeAssignment, planFeeClassChange, assertAssignmentRemovable, checkAssignmentPeriod, assertFeeClassAssignable } from './assignment'
export { planSuccessorSwitches } from './successor-switch'
export type { SuccessorSwitch } from './successor-switch'
export { planChargeRun } from './charge-run'
export type { ChargeRunInput, ChargeRunPlan, PlannedCharge, ChargeableMembership, ChargedYear } from './charge-run'
export { assertChargeRunUndoable } from './charge-run-undo'
export type { ChargeRunDependants } from './charge-run-undo'
export { chargeRunPlanOf } from './charge-run-summary'
export type { ChargeRunSummary } from './charge-run-summary'
