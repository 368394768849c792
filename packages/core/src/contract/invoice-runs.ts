import * as z from 'zod'
import { PostalAddress } from '../applications/online-application'
import { InvoiceRunRequest } from '../invoicing/invoice-run'
import { CalendarDateSchema, CentsSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

/** An invoice with what its letter needs. */
export const InvoiceView = z.object({
  id: IdSchema.optional(),
  membershipId: IdSchema,
  membershipNumber: z.number().int(),
  number: z.number().int(),
  recipient: z.object({ name: z.string(), address: PostalAddress }),
  items: z.array(z.object({ debitId: IdSchema, date: CalendarDateSchema, text: z.string(), open: CentsSchema })),
  total: CentsSchema,
  dueOn: CalendarDateSchema,
  cancelled: z.boolean().optional(),
})

/** The preview of an invoice run. */
export const InvoiceRunPreview = z.object({
  invoiceDate: CalendarDateSchema,
  idempotencyKey: z.string(),
  invoices: z.array(InvoiceView),
  skipped: z.array(z.object({ membershipId: IdSchema, reason: z.enum(['invalid-address', 'processing-blocked']) })),
  total: CentsSchema,
})

/** An applied invoice run. */
export const InvoiceRunView = z.object({
  id: IdSchema,
  invoiceDate: CalendarDateSchema,
  idempotencyKey: z.string(),
  invoiceCount: z.number().int(),
  total: CentsSchema,
  createdAt: TimestampSchema,
  reversedAt: TimestampSchema.nullable(),
})

/** Invoice runs (Rechnungsläufe). */
export const invoiceRunRoutes = {
  preview: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/invoice-runs/preview',
    access: 'staff',
    summary: 'Plan an invoice run without issuing anything.',
    body: InvoiceRunRequest,
    response: InvoiceRunPreview,
    errors: ['INVALID_RANGE'],
  }),
  apply: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/invoice-runs',
    access: 'staff',
    summary: 'Issue the previewed invoices with gapless numbers; repeating the call returns the same run.',
    body: z.object({ request: InvoiceRunRequest, idempotencyKey: z.string().min(1).max(100) }),
    response: InvoiceRunView,
    status: 201,
    errors: ['RUN_PLAN_CHANGED', 'INVALID_RANGE'],
  }),
  list: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/invoice-runs',
    access: 'staff',
    summary: 'All invoice runs, newest first.',
    response: z.object({ items: z.array(InvoiceRunView) }),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/invoice-runs/:runId',
    access: 'staff',
    summary: 'An invoice run with its invoices and letter data.',
    response: InvoiceRunView.extend({ invoices: z.array(InvoiceView) }),
    errors: ['RUN_NOT_FOUND'],
  }),
  reverse: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/invoice-runs/:runId/reverse',
    access: 'staff',
    summary: 'Cancel all invoices of a run; their numbers stay used.',
    response: InvoiceRunView,
    errors: ['RUN_NOT_FOUND', 'RUN_ALREADY_REVERSED'],
  }),
} as const
