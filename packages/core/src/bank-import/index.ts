/**
 * @module @vereinskit/core/bank-import: reading bank files safely — camt.054 notifications and camt.053
 * statements (.001.02 and .001.08), exact amounts, classification of each entry, membership numbers in remittance
 * texts (GSRegExp) and the return-reason table.
 */
export { parseCamt, parseCamt053, parseCamt054 } from './parse-camt'
export type { BankTransactionCode, CamtEntry, CamtFile, CamtStatement, CamtTransaction } from './camt-entry'
export { assertSafeXml, readSafeXml, defaultXmlLimits } from './safe-xml'
export type { XmlHandler, XmlLimits } from './safe-xml'
export { decimalToCents } from './decimal-cents'
export { classifyTransaction } from './classify-entry'
export type { BankTransactionKind } from './classify-entry'
export { matchMembershipNumber } from './credit-matching'
export type { CreditMatch, CreditPatterns } from './credit-matching'
export { ReturnReason, ReturnReasonCode, standardReturnReasons, paymentMethodAfterReturn } from './return-reasons'
export { bankImportErrors } from './bank-import-errors'
