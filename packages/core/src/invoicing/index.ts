/**
 * @module @vereinskit/core/invoicing: Invoice runs (Rechnungsläufe).
 */
export { InvoiceRunRequest, planInvoiceRun } from './invoice-run'
export type { InvoiceCandidate, InvoiceRunPlan, PlannedInvoice } from './invoice-run'
export { invoiceRunPlanOf } from './invoice-run'
export type { InvoiceRunSummary } from './invoice-run'
