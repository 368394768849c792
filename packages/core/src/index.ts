/**
 * @module @vereinskit/core: the pure domain rules of vereinskit — money in cents, calendar dates, SEPA
 * identifiers, online applications, fees and payment plans, the member ledger, invoice runs, errors. No I/O;
 * "today" is always an argument.
 *
 * @example
 * splitCents(parseCents('100,00'), [1, 1, 1]) // [3334, 3333, 3333]
 * addMonths('2024-01-31', 1)                   // '2024-02-29'
 * checkIban('DE89 3704 0044 0532 0130 00')     // { valid: true, iban: 'DE89370400440532013000' }
 */
export { parseCents, formatCentsDecimal, sumCents, toCents, isCents, InvalidAmountError } from './money/cents'
export type { Cents } from './money/cents'
export { splitCents, splitCentsEvenly } from './money/allocate'

export {
  isCalendarDate,
  parseCalendarDate,
  isLeapYear,
  daysInMonth,
  dateParts,
  makeDate,
  toEpochDay,
  fromEpochDay,
  compareDates,
  daysBetween,
  addDays,
  addMonths,
  isoWeekday,
  endOfMonth,
  InvalidCalendarDateError,
} from './calendar/calendar-date'
export type { CalendarDate } from './calendar/calendar-date'
export { calendarDateAt } from './calendar/time-zone'
export { easterSunday, target2Holidays, isBusinessDay, addBusinessDays } from './calendar/target2'

export { checkIban, isValidIban, normalizeIban, formatIban, ibanLengthFor } from './sepa/iban'
export type { IbanCheck, IbanProblem } from './sepa/iban'
export { isValidBic, normalizeBic } from './sepa/bic'
export { isValidCreditorId, creditorIdCheckDigits, normalizeCreditorId } from './sepa/creditor-id'
export { checkMandateReference, isValidMandateReference, mandateReferenceKey, generateMandateReference } from './sepa/mandate-reference'
export type { MandateReferenceProblem } from './sepa/mandate-reference'
export { isSepaText, transliterateToSepa } from './sepa/sepa-text'

export { errorCodes, isErrorCode } from './errors/codes'
export type { ErrorCode } from './errors/codes'
export { VereinskitError, ValidationError } from './errors/vereinskit-error'
export type { FieldIssue } from './errors/vereinskit-error'
export { isVereinskitError } from './errors/is-vereinskit-error'
export { fieldIssuesFromZod } from './errors/from-zod'

export { ApplicationSubmission, MandateSubmission, PostalAddress, Salutation, checkApplication } from './applications/online-application'
export type { ApplicationSubmissionInput, ApplicationContext } from './applications/online-application'
export { decideApplication, ApplicationAlreadyDecidedError, paymentMethodOnAcceptance } from './applications/review'
export type { ApplicationStatus, ApplicationDecision } from './applications/review'
export {
  MembershipNumberRange,
  nextMembershipNumber,
  lowestFreeNumber,
  MembershipNumberRangeExhaustedError,
} from './members/membership-number'

export { Account, priorityRank } from './fees/account'
export { FeeClass, isFeeClassValidOn, checkFeeClass } from './fees/fee-class'
export { FeeClassGroup, isGroupOffered } from './fees/fee-class-group'
export {
  PaymentPlan,
  NewPaymentPlan,
  YearRule,
  Instalment,
  DueDay,
  yearRuleFor,
  isOneOffPlan,
  paymentPlanTemplates,
} from './fees/payment-plan'
export { instalmentsForYear, monthlyParts } from './fees/instalments'
export type { DueInstalment, InstalmentInput } from './fees/instalments'
export {
  FeeAssignment,
  planFeeClassChange,
  assertAssignmentRemovable,
  checkAssignmentPeriod,
  assertFeeClassAssignable,
} from './fees/assignment'
export { checkMembershipEnd } from './members/membership-end'
export { planSuccessorSwitches } from './fees/successor-switch'
export type { SuccessorSwitch } from './fees/successor-switch'
export { planChargeRun } from './fees/charge-run'
export type { ChargeRunInput, ChargeRunPlan, PlannedCharge, ChargeableMembership, ChargedYear } from './fees/charge-run'

export { PostingKind, PostingEdit, isDebit, balanceOf, assertOnlyEditableFields } from './ledger/posting'
export type { LedgerPosting, Allocation } from './ledger/posting'
export { allocateCredits } from './ledger/allocate-credits'
export type { OpenDebit, UnallocatedCredit } from './ledger/allocate-credits'
export { ledgerState } from './ledger/ledger-state'
export { planReversal, planReversalAllocations } from './ledger/reversal'
export type { PlannedReversal } from './ledger/reversal'
export { assertDebitDeletable, assertCreditDeletable } from './ledger/delete-posting'
export type { DebitUsage } from './ledger/delete-posting'
export { openItemsAt, openDebtOf } from './ledger/open-items'
export type { OpenItem, OpenItemsQuery } from './ledger/open-items'
export { PaymentMethod, BalanceListFilter, filterBalanceList } from './ledger/balance-list'
export type { BalanceRow } from './ledger/balance-list'
export { WriteOffCriteria, planWriteOff } from './ledger/write-off'
export type { WriteOffPlan, PlannedWriteOff, WriteOffMembership } from './ledger/write-off'
export { QuickBooking, resolveQuickBooking } from './ledger/quick-booking'
export { assertDebitWithCashAccounts } from './ledger/debit-with-cash-credit'
export { assertAllocationFits } from './ledger/allocation-correction'

export { InvoiceRunRequest, planInvoiceRun } from './invoicing/invoice-run'
export type { InvoiceCandidate, InvoiceRunPlan, PlannedInvoice } from './invoicing/invoice-run'
export { ClubSettings, defaultClubSettings } from './settings/club-settings'
export { canonicalJson, idempotencyKeyOf } from './runs/idempotency-key'
export { AmountSchema, maxAmountCents, maxBalanceCents } from './money/amount-schema'
export { onlineOffer, checkPrivacyNotice } from './applications/online-offer'
export type { OnlineOfferInput } from './applications/online-offer'
export { assertChargeRunUndoable } from './fees/charge-run-undo'
export type { ChargeRunDependants } from './fees/charge-run-undo'
export { runPlan } from './runs/run-plan'
export type { RunPlan, RunReversal } from './runs/run-plan'
export { chargeRunPlanOf } from './fees/charge-run-summary'
export type { ChargeRunSummary } from './fees/charge-run-summary'
export { invoiceRunPlanOf } from './invoicing/invoice-run'
export type { InvoiceRunSummary } from './invoicing/invoice-run'
export { writeOffRunPlanOf } from './ledger/write-off'
export type { WriteOffSummary } from './ledger/write-off'
export { membershipStatusOn } from './members/membership-status'
export type { MembershipStatus } from './members/membership-status'
