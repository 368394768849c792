/**
 * @module Test builders for code that uses vereinskit: valid sample data that tests override field by field.
 */
export { anApplicationSubmission, validIbans, anAccount, aPaymentPlan, aFeeClass, aFeeAssignment } from './builders'
export { fiveLevels, dunningAccount, anOpenDebit, aDunningCandidate } from './dunning-builders'
export { aMandate, aDirectDebitCandidate, aDirectDebitContext, aCollection } from './direct-debit-builders'
