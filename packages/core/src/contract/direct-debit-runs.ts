import * as z from 'zod'
import { DirectDebitRunRequest } from '../direct-debit/plan-direct-debit-run'
import { CalendarDateSchema, CentsSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

const organisationPath = '/organisations/:organisationId'
const runPath = `${organisationPath}/direct-debit-runs/:runId`
const SequenceTypeSchema = z.enum(['FRST', 'RCUR', 'FNAL', 'OOFF'])
const Totals = z.record(SequenceTypeSchema, z.object({ count: z.number().int(), amount: CentsSchema }))

const DateCheck = z.object({
  problems: z.array(
    z.object({
      code: z.enum(['not-business-day', 'too-late', 'too-far-ahead']),
      sequenceType: SequenceTypeSchema.optional(),
      latestSubmission: CalendarDateSchema.optional(),
      nextBusinessDay: CalendarDateSchema.optional(),
      latestCollectionDate: CalendarDateSchema.optional(),
    }),
  ),
  warnings: z.array(z.object({ code: z.literal('pre-notification-too-short'), days: z.number().int(), required: z.number().int() })),
  latestSubmission: z.record(SequenceTypeSchema, CalendarDateSchema),
})

const Amendment = z
  .object({ originalReference: z.string().nullable(), originalIban: z.string().nullable(), newBank: z.boolean() })
  .nullable()

/** One debit as staff see it in a preview or a run. */
export const DirectDebitView = z.object({
  id: IdSchema.nullable(),
  mandateId: IdSchema,
  reference: z.string(),
  sequenceType: SequenceTypeSchema,
  amendment: Amendment,
  payerPersonId: IdSchema,
  accountHolder: z.string(),
  iban: z.string(),
  amount: CentsSchema,
  membershipNumbers: z.array(z.number().int()),
  remittance: z.string(),
  status: z.enum(['planned', 'pending', 'exported', 'returned']),
  endToEndId: z.string().nullable(),
  lapseWarning: z.boolean(),
  preNotification: z.enum(['none', 'queued', 'sent', 'printed', 'failed']),
})
export type DirectDebitView = z.infer<typeof DirectDebitView>

/** The preview of a direct-debit run: what would be collected, who is left out and why, and the date check. */
export const DirectDebitRunPreview = z.object({
  collectionDate: CalendarDateSchema,
  idempotencyKey: z.string(),
  debits: z.array(DirectDebitView),
  skipped: z.array(
    z.object({
      membershipId: IdSchema,
      membershipNumber: z.number().int(),
      reason: z.enum(['processing-block', 'no-mandate', 'no-valid-mandate', 'not-above-minimum', 'address-required']),
    }),
  ),
  totals: Totals,
  total: CentsSchema,
  dateCheck: DateCheck,
})

/** A pain.008 file written for one sequence type of a run. */
export const DirectDebitExportView = z.object({
  id: IdSchema,
  sequenceType: SequenceTypeSchema,
  messageId: z.string(),
  count: z.number().int(),
  total: CentsSchema,
  createdAt: TimestampSchema,
  cancelledAt: TimestampSchema.nullable(),
})

/** A direct-debit run (Lastschriftlauf) with its status per sequence type. */
export const DirectDebitRunView = z.object({
  id: IdSchema,
  idempotencyKey: z.string(),
  collectionDate: CalendarDateSchema,
  createdAt: TimestampSchema,
  /** `open`: nothing exported; `partly-exported`, `exported`: some or all sequence types have a file. */
  status: z.enum(['open', 'partly-exported', 'exported']),
  bySequenceType: z.record(
    SequenceTypeSchema,
    z.object({ count: z.number().int(), amount: CentsSchema, status: z.enum(['open', 'exported']) }),
  ),
  total: CentsSchema,
  exports: z.array(DirectDebitExportView),
})

/** A run with its debits. */
export const DirectDebitRunDetail = DirectDebitRunView.extend({ debits: z.array(DirectDebitView) })
export type DirectDebitRunDetail = z.infer<typeof DirectDebitRunDetail>

/** Direct-debit runs: preview, apply, edit, delete, export per sequence type, cancel an export, pre-notifications. */
export const directDebitRunRoutes = {
  preview: defineRoute({
    method: 'POST',
    path: `${organisationPath}/direct-debit-runs/preview`,
    access: 'staff',
    summary: 'Preview a direct-debit run for a collection date: debits, left-out payers with the reason, the date check.',
    body: DirectDebitRunRequest,
    response: DirectDebitRunPreview,
    errors: ['CREDITOR_DATA_MISSING'],
  }),
  apply: defineRoute({
    method: 'POST',
    path: `${organisationPath}/direct-debit-runs`,
    access: 'staff',
    status: 201,
    summary: 'Create the run as previewed; nothing is posted until a file is exported.',
    body: DirectDebitRunRequest.extend({ idempotencyKey: z.string().min(1).max(100) }),
    response: DirectDebitRunView,
    errors: ['CREDITOR_DATA_MISSING', 'DIRECT_DEBIT_DATE_INVALID', 'RUN_PLAN_CHANGED', 'IDEMPOTENCY_KEY_REUSED'],
  }),
  list: defineRoute({
    method: 'GET',
    path: `${organisationPath}/direct-debit-runs`,
    access: 'staff',
    summary: 'All direct-debit runs, newest first, with counts, totals and status per sequence type.',
    response: z.array(DirectDebitRunView),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: runPath,
    access: 'staff',
    summary: 'One run with its debits; search by membership number, name or mandate reference.',
    query: z.strictObject({ sequenceType: SequenceTypeSchema.optional(), search: z.string().trim().max(70).optional() }),
    response: DirectDebitRunDetail,
    errors: ['RUN_NOT_FOUND'],
  }),
  removeDebit: defineRoute({
    method: 'DELETE',
    path: `${runPath}/debits/:debitId`,
    access: 'staff',
    summary: 'Take one debit out of a run that is not exported (its items can be collected again later).',
    response: DirectDebitRunView,
    errors: ['RUN_NOT_FOUND', 'DIRECT_DEBIT_NOT_FOUND', 'DIRECT_DEBIT_RUN_EXPORTED'],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: runPath,
    access: 'staff',
    summary: 'Delete a run of which nothing is exported.',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['RUN_NOT_FOUND', 'DIRECT_DEBIT_RUN_EXPORTED', 'RUN_ALREADY_REVERSED'],
  }),
  export: defineRoute({
    method: 'POST',
    path: `${runPath}/exports`,
    access: 'staff',
    status: 201,
    summary: 'Write the pain.008.001.08 file for one sequence type and book the direct-debit credits, in one transaction.',
    body: z.strictObject({ sequenceType: SequenceTypeSchema }),
    response: DirectDebitExportView,
    errors: [
      'RUN_NOT_FOUND',
      'DIRECT_DEBIT_EXPORT_EMPTY',
      'CREDITOR_DATA_MISSING',
      'SEPA_TEXT_INVALID',
      'DIRECT_DEBIT_DATE_INVALID',
      'DIRECT_DEBIT_ITEMS_SETTLED',
      'DIRECT_DEBIT_MANDATE_CHANGED',
    ],
  }),
  file: defineRoute({
    method: 'GET',
    path: `${runPath}/exports/:exportId/pain.008.xml`,
    access: 'staff',
    summary: 'The pain.008 file of an export, for the bank.',
    produces: 'xml',
    response: z.string(),
    errors: ['RUN_NOT_FOUND', 'NOT_FOUND'],
  }),
  cancelExport: defineRoute({
    method: 'POST',
    path: `${runPath}/exports/:exportId/cancellation`,
    access: 'staff',
    summary:
      'Cancel an export: its credits are removed and the run is editable again. Never cancel a file already sent to the bank — the confirmation says so.',
    body: z.strictObject({ confirmNotSentToBank: z.boolean() }),
    response: DirectDebitRunView,
    errors: ['RUN_NOT_FOUND', 'NOT_FOUND', 'DIRECT_DEBIT_CANCEL_UNCONFIRMED', 'DIRECT_DEBIT_RUN_NOT_EXPORTED', 'DIRECT_DEBIT_RETURNED'],
  }),
  sendPreNotifications: defineRoute({
    method: 'POST',
    path: `${runPath}/pre-notifications`,
    access: 'staff',
    summary:
      'Send the pre-notifications (Vorabinformationen): once per debit, by letter or e-mail; failed e-mails are sent again, no one else twice.',
    response: z.object({ created: z.number().int(), retried: z.number().int(), alreadySent: z.number().int() }),
    errors: ['RUN_NOT_FOUND', 'CREDITOR_DATA_MISSING'],
  }),
  spreadsheet: defineRoute({
    method: 'GET',
    path: `${runPath}/debits.xlsx`,
    access: 'staff',
    summary: 'The run as a spreadsheet: number, name, amount, type, status, mandate reference, pre-notification.',
    produces: 'xlsx',
    response: z.instanceof(Uint8Array),
    errors: ['RUN_NOT_FOUND'],
  }),
  csv: defineRoute({
    method: 'GET',
    path: `${runPath}/debits.csv`,
    access: 'staff',
    summary: 'The run as CSV for German spreadsheets.',
    produces: 'csv',
    response: z.string(),
    errors: ['RUN_NOT_FOUND'],
  }),
}
