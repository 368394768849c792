import * as z from 'zod'
import { CalendarDateSchema, CentsSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'
import { PostingView } from './ledger'

/** One planned charge in a preview. */
export const PlannedChargeView = z.object({
  membershipId: IdSchema,
  membershipNumber: z.number().int(),
  assignmentId: IdSchema,
  feeClassId: IdSchema,
  accountId: IdSchema,
  date: CalendarDateSchema,
  amount: CentsSchema,
  text: z.string(),
  year: z.number().int(),
  chargeKey: z.string(),
})

/** The preview of a charge run: apply it with its idempotency key. */
export const ChargeRunPreview = z.object({
  asOf: CalendarDateSchema,
  idempotencyKey: z.string(),
  membershipsChecked: z.number().int(),
  skipped: z.array(z.object({ membershipId: IdSchema, reason: z.literal('processing-blocked') })),
  charges: z.array(PlannedChargeView),
  total: CentsSchema,
})

/** A charge run (Sollstellungslauf) as applied. */
export const ChargeRunView = z.object({
  id: IdSchema,
  asOf: CalendarDateSchema,
  idempotencyKey: z.string(),
  membershipsChecked: z.number().int(),
  chargesMade: z.number().int(),
  total: CentsSchema,
  createdAt: TimestampSchema,
  reversedAt: TimestampSchema.nullable(),
})

/** Applying a previewed run. */
export const ApplyRunRequest = z.object({ asOf: CalendarDateSchema, idempotencyKey: z.string().min(1).max(100) })

/** Charge runs: preview, apply, list, inspect, undo, export. */
export const chargeRunRoutes = {
  preview: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/charge-runs/preview',
    access: 'staff',
    summary: 'Plan the charges due up to a date, without posting anything.',
    body: z.object({ asOf: CalendarDateSchema }),
    response: ChargeRunPreview,
    errors: [],
  }),
  apply: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/charge-runs',
    access: 'staff',
    summary: 'Apply a previewed charge run in one transaction; repeating the call returns the same run.',
    body: ApplyRunRequest,
    response: ChargeRunView,
    status: 201,
    errors: ['RUN_PLAN_CHANGED'],
  }),
  list: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/charge-runs',
    access: 'staff',
    summary: 'All charge runs, newest first.',
    response: z.object({ items: z.array(ChargeRunView) }),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/charge-runs/:runId',
    access: 'staff',
    summary: 'A charge run with its postings.',
    response: ChargeRunView.extend({ postings: z.array(PostingView) }),
    errors: ['RUN_NOT_FOUND'],
  }),
  undo: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/charge-runs/:runId/undo',
    access: 'staff',
    summary:
      'Remove all postings of a charge run, unless an invoice, direct-debit or dunning run used one, or its charges were reversed, written off or allocated by hand.',
    response: ChargeRunView,
    errors: ['RUN_NOT_FOUND', 'RUN_ALREADY_REVERSED', 'CHARGE_RUN_IN_USE'],
  }),
  exportPostings: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/charge-runs/:runId/postings.csv',
    access: 'staff',
    summary: "The run's postings as CSV.",
    response: z.string(),
    produces: 'csv',
    errors: ['RUN_NOT_FOUND'],
  }),
  progress: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/run-progress/:idempotencyKey',
    access: 'staff',
    summary: 'How far a run being applied has got (for long runs).',
    response: z.object({
      phase: z.enum(['unknown', 'planning', 'applying', 'done', 'failed']),
      done: z.number().int(),
      total: z.number().int(),
    }),
    errors: [],
  }),
} as const
