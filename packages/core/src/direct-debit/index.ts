/**
 * @module @vereinskit/core/direct-debit: SEPA direct debits (Lastschriften) — mandates and their validity, the
 * mandate check, sequence types and amendments, collection dates in TARGET2 business days, direct-debit runs and
 * the pain.008.001.08 file.
 */
export {
  MandateKind,
  PreNotificationChannel,
  MandateInput,
  mandateStateOn,
  isMandateValidOn,
  mandateInUse,
  settledCollections,
} from './mandate'
export { mandateLapseMonths, mandateLapseWarningMonths } from './mandate'
export type { Mandate, MandateCollection, MandateState, MandateStatus, SequenceType } from './mandate'
export { sequenceTypeFor } from './sequence-type'
export type { SequenceTypeOptions } from './sequence-type'
export { amendmentFor, bankOfIban, isSameBank } from './amendment'
export type { MandateAmendment } from './amendment'
export { mandateOnAcceptance, hasUsableMandate } from './mandate-on-acceptance'
export type { ApplicationBankDetails, MandateOnAcceptance } from './mandate-on-acceptance'
export { checkMandates } from './mandate-check'
export type { MandateCheckCandidate, MandateCheckFinding, MandateCheckReason } from './mandate-check'
export { checkCollectionDate, maximumDaysAhead } from './collection-date'
export type { CollectionDateCheck, CollectionDateProblem, CollectionDateWarning } from './collection-date'
export { DirectDebitRunRequest, planDirectDebitRun, sequenceTotals, remittanceText, requiresDebtorAddress } from './plan-direct-debit-run'
export type {
  DirectDebitCandidate,
  DirectDebitRunContext,
  DirectDebitRunPlan,
  DirectDebitSkip,
  PayerMandate,
  PlannedDirectDebit,
  SequenceTotals,
} from './plan-direct-debit-run'
export { directDebitRunPlanOf } from './direct-debit-run-summary'
export type { DirectDebitRunSummary } from './direct-debit-run-summary'
export { writePain008, pain008Namespace, sepaText, sepaIdentifier } from './pain008'
export type { Pain008Batch, Pain008Creditor, Pain008Message, Pain008Transaction } from './pain008'
export { directDebitErrors } from './direct-debit-errors'
