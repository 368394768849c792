import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { invoiceRunHandlers } from './invoice-run-handlers'
import { createInvoiceStore } from './postgres-invoice-store'

/** Invoice runs (Rechnungsläufe) for members who pay by invoice. */
export const invoiceRunsCapability = defineCapability({
  name: 'invoice-runs',
  routes: contract.invoiceRuns,
  handlers: invoiceRunHandlers,
  stores: { invoices: createInvoiceStore },
})
