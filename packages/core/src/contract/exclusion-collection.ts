import * as z from 'zod'
import { ExclusionRunRequest } from '../dunning/plan-exclusion-run'
import { CollectionCriteria } from '../dunning/plan-collection-run'
import { CalendarDateSchema, CentsSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

const organisationPath = '/organisations/:organisationId'
const IdempotencyKey = z.string().min(1).max(100)

/** The preview of an exclusion run. */
export const ExclusionRunPreview = z.object({
  runDate: CalendarDateSchema,
  endsOn: CalendarDateSchema,
  reason: z.string(),
  marker: z.string().nullable(),
  proposals: z.array(
    z.object({
      membershipId: IdSchema,
      membershipNumber: z.number().int(),
      name: z.string(),
      level: z.number().int(),
      openDebt: CentsSchema,
    }),
  ),
  selected: z.array(IdSchema),
  idempotencyKey: z.string(),
})

/** A collection run (Inkasso) with its postings. */
export const CollectionRunView = z.object({
  id: IdSchema,
  createdAt: TimestampSchema,
  exportedAt: TimestampSchema.nullable(),
  items: z.array(
    z.object({
      membershipId: IdSchema,
      membershipNumber: z.number().int(),
      name: z.string(),
      debitId: IdSchema,
      date: CalendarDateSchema,
      text: z.string(),
      open: CentsSchema,
    }),
  ),
  total: CentsSchema,
})

/** Exclusion runs (Ausschlussläufe) and collection runs (Export Inkasso), mounted with the dunning routes. */
export const exclusionCollectionRoutes = {
  previewExclusion: defineRoute({
    method: 'POST',
    path: `${organisationPath}/exclusion-runs/preview`,
    access: 'staff',
    summary: 'List the memberships the exclusion settings propose.',
    body: ExclusionRunRequest,
    response: ExclusionRunPreview,
    errors: ['EXCLUSION_SETTINGS_MISSING', 'EXCLUSION_DATE_PAST', 'RUN_PLAN_CHANGED', 'DUNNING_LEVELS_INVALID'],
  }),
  applyExclusion: defineRoute({
    method: 'POST',
    path: `${organisationPath}/exclusion-runs`,
    access: 'staff',
    summary: 'Exclude the selected memberships: end date, reason, marker and (with a valid template) a letter.',
    body: z.strictObject({
      request: ExclusionRunRequest.extend({ selected: z.array(IdSchema).max(100_000) }),
      idempotencyKey: IdempotencyKey,
    }),
    response: z.object({
      id: IdSchema,
      runDate: CalendarDateSchema,
      endsOn: CalendarDateSchema,
      excluded: z.number().int(),
      letters: z.number().int(),
      createdAt: TimestampSchema,
    }),
    status: 201,
    errors: [
      'EXCLUSION_SETTINGS_MISSING',
      'EXCLUSION_DATE_PAST',
      'RUN_PLAN_CHANGED',
      'IDEMPOTENCY_KEY_REUSED',
      'DUNNING_LEVELS_INVALID',
      'TEMPLATE_NOT_FOUND',
    ],
  }),
  previewCollection: defineRoute({
    method: 'POST',
    path: `${organisationPath}/collection-runs/preview`,
    access: 'staff',
    summary: 'List the postings a collection run would hand over.',
    body: CollectionCriteria,
    response: CollectionRunView.omit({ id: true, createdAt: true, exportedAt: true }).extend({ idempotencyKey: z.string() }),
    errors: ['INVALID_RANGE'],
  }),
  createCollection: defineRoute({
    method: 'POST',
    path: `${organisationPath}/collection-runs`,
    access: 'staff',
    summary: 'Create a collection run (Inkasso) from the criteria; single postings can be removed before the export.',
    body: z.strictObject({ criteria: CollectionCriteria, idempotencyKey: IdempotencyKey }),
    response: CollectionRunView,
    status: 201,
    errors: ['INVALID_RANGE', 'RUN_PLAN_CHANGED', 'IDEMPOTENCY_KEY_REUSED'],
  }),
  getCollection: defineRoute({
    method: 'GET',
    path: `${organisationPath}/collection-runs/:runId`,
    access: 'staff',
    summary: 'A collection run with its postings.',
    response: CollectionRunView,
    errors: ['RUN_NOT_FOUND'],
  }),
  removeCollectionItem: defineRoute({
    method: 'DELETE',
    path: `${organisationPath}/collection-runs/:runId/items/:postingId`,
    access: 'staff',
    summary: 'Remove one posting from an unexported collection run.',
    response: CollectionRunView,
    errors: ['RUN_NOT_FOUND', 'NOT_FOUND', 'COLLECTION_RUN_EXPORTED'],
  }),
  exportCollection: defineRoute({
    method: 'POST',
    path: `${organisationPath}/collection-runs/:runId/export.csv`,
    access: 'staff',
    summary: 'Export the run as CSV; optionally set the court-procedure marker and a membership marker on its memberships.',
    body: z.strictObject({ setCourtProcedure: z.boolean().default(false), marker: z.string().trim().min(1).max(60).optional() }),
    response: z.string(),
    produces: 'csv',
    errors: ['RUN_NOT_FOUND', 'COLLECTION_RUN_EMPTY'],
  }),
  deleteCollection: defineRoute({
    method: 'DELETE',
    path: `${organisationPath}/collection-runs/:runId`,
    access: 'staff',
    summary: 'Delete an unexported collection run.',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['RUN_NOT_FOUND', 'COLLECTION_RUN_EXPORTED'],
  }),
} as const
