/**
 * @module @vereinskit/core/sepa: SEPA identifiers and texts: IBAN, BIC, creditor identifier (Gläubiger-ID), mandate reference (Mandatsreferenz).
 */
export { checkIban, isValidIban, normalizeIban, formatIban, ibanLengthFor } from './iban'
export type { IbanCheck, IbanProblem } from './iban'
export { isValidBic, normalizeBic } from './bic'
export { isValidCreditorId, creditorIdCheckDigits, normalizeCreditorId } from './creditor-id'
export {
  checkMandateReference,
  isValidMandateReference,
  mandateReferenceKey,
  generateMandateReference,
  nextMandateReference,
} from './mandate-reference'
export type { MandateReferenceProblem } from './mandate-reference'
export { isSepaText, transliterateToSepa } from './sepa-text'
