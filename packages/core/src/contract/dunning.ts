import * as z from 'zod'
import { PostalAddress } from '../applications/online-application'
import { DunningLevel } from '../dunning/dunning-level'
import { DunningRunRequest } from '../dunning/plan-dunning-run'
import { ExclusionRunRequest } from '../dunning/plan-exclusion-run'
import { CollectionCriteria } from '../dunning/plan-collection-run'
import { CalendarDateSchema, CentsSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

const organisationPath = '/organisations/:organisationId'
const memberPath = `${organisationPath}/memberships/:membershipId/dunning`
const IdempotencyKey = z.string().min(1).max(100)

/** A planned or written dunning letter. */
export const DunningLetterView = z.object({
  membershipId: IdSchema,
  membershipNumber: z.number().int(),
  letterNumber: z.number().int(),
  fromLevel: z.number().int().nullable(),
  toLevel: z.number().int(),
  levelText: z.string(),
  fee: CentsSchema,
  openTotal: CentsSchema,
  total: CentsSchema,
  channel: z.enum(['letter', 'email']),
  items: z.array(z.object({ debitId: IdSchema, date: CalendarDateSchema, text: z.string(), open: CentsSchema })),
  recipient: z.object({ name: z.string(), address: PostalAddress }),
  produceDocument: z.boolean(),
})

/** The preview of a dunning run: letters, who is left out and why, who is at the last level, and whether it can run. */
export const DunningRunPreview = z.object({
  asOf: CalendarDateSchema,
  idempotencyKey: z.string(),
  valid: z.boolean(),
  problems: z.array(
    z.object({ level: z.number().int(), reason: z.enum(['no-account', 'account-not-found', 'not-dunning-costs']), message: z.string() }),
  ),
  letters: z.array(DunningLetterView),
  excluded: z.array(
    z.object({
      membershipId: IdSchema,
      membershipNumber: z.number().int(),
      reason: z.enum(['processing-block', 'dunning-block', 'court-procedure', 'invalid-address', 'unknown-level']),
    }),
  ),
  forCollection: z.array(z.object({ membershipId: IdSchema, membershipNumber: z.number().int(), openTotal: CentsSchema })),
  feeTotal: CentsSchema,
})

/** An applied dunning run. */
export const DunningRunView = z.object({
  id: IdSchema,
  asOf: CalendarDateSchema,
  idempotencyKey: z.string(),
  letterCount: z.number().int(),
  feeTotal: CentsSchema,
  byLevel: z.record(z.string(), z.number().int()),
  createdAt: TimestampSchema,
  reversedAt: TimestampSchema.nullable(),
})

/** One entry of a membership's dunning history. */
export const DunningHistoryEntry = z.object({
  letterId: IdSchema,
  runId: IdSchema,
  number: z.number().int(),
  fromLevel: z.number().int().nullable(),
  toLevel: z.number().int(),
  date: CalendarDateSchema,
  fee: CentsSchema,
  channel: z.enum(['letter', 'email']),
  documentId: IdSchema.nullable(),
  cancelledAt: TimestampSchema.nullable(),
})

/** The dunning state of a membership (Konto register) with its history. */
export const DunningStateView = z.object({
  membershipId: IdSchema,
  level: z.number().int().nullable(),
  lastLetterOn: CalendarDateSchema.nullable(),
  block: z.object({ until: CalendarDateSchema.nullable() }).nullable(),
  blockedToday: z.boolean(),
  courtProcedure: z.boolean(),
  noCourtOrder: z.boolean(),
  letters: z.array(DunningHistoryEntry),
  events: z.array(
    z.object({
      kind: z.string(),
      on: CalendarDateSchema,
      detail: z.record(z.string(), z.unknown()),
      actor: z.string(),
      at: TimestampSchema,
    }),
  ),
})

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

const runPath = `${organisationPath}/dunning-runs`

/** Dunning (Mahnwesen): levels, runs, each membership's state, exclusion and collection runs. */
export const dunningRoutes = {
  levels: defineRoute({
    method: 'GET',
    path: `${organisationPath}/dunning-levels`,
    access: 'staff',
    summary: 'The dunning levels in chain order.',
    response: z.object({ items: z.array(DunningLevel) }),
    errors: [],
  }),
  replaceLevels: defineRoute({
    method: 'PUT',
    path: `${organisationPath}/dunning-levels`,
    access: 'staff',
    summary: 'Replace the dunning levels; refused unless they form one chain from one first to one last level.',
    body: z.strictObject({ levels: z.array(DunningLevel).min(1).max(99) }),
    response: z.object({ items: z.array(DunningLevel) }),
    errors: ['DUNNING_LEVELS_INVALID', 'DUNNING_LEVEL_IN_USE', 'TEMPLATE_NOT_FOUND'],
  }),
  preview: defineRoute({
    method: 'POST',
    path: `${runPath}/preview`,
    access: 'staff',
    summary: 'Plan a dunning run over all levels without writing anything.',
    body: DunningRunRequest,
    response: DunningRunPreview,
    errors: ['INVALID_RANGE', 'DUNNING_LEVELS_INVALID'],
  }),
  apply: defineRoute({
    method: 'POST',
    path: runPath,
    access: 'staff',
    summary: 'Apply the previewed dunning run: fees, numbered letters, levels; repeating the call returns the same run.',
    body: z.strictObject({ request: DunningRunRequest, idempotencyKey: IdempotencyKey }),
    response: DunningRunView,
    status: 201,
    errors: [
      'RUN_PLAN_CHANGED',
      'IDEMPOTENCY_KEY_REUSED',
      'INVALID_RANGE',
      'DUNNING_RUN_INVALID',
      'DUNNING_LEVELS_INVALID',
      'TEMPLATE_NOT_FOUND',
    ],
  }),
  list: defineRoute({
    method: 'GET',
    path: runPath,
    access: 'staff',
    summary: 'All dunning runs, newest first.',
    response: z.object({ items: z.array(DunningRunView) }),
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: `${runPath}/:runId`,
    access: 'staff',
    summary: 'A dunning run with its letters.',
    response: DunningRunView.extend({ letters: z.array(DunningHistoryEntry.extend({ membershipId: IdSchema })) }),
    errors: ['RUN_NOT_FOUND'],
  }),
  reverse: defineRoute({
    method: 'POST',
    path: `${runPath}/:runId/reverse`,
    access: 'staff',
    summary: 'Reverse a whole dunning run: levels and dates come back, letters and fees go; newest run first.',
    response: DunningRunView,
    errors: ['RUN_NOT_FOUND', 'RUN_ALREADY_REVERSED', 'DUNNING_REVERSAL_ORDER'],
  }),
  state: defineRoute({
    method: 'GET',
    path: memberPath,
    access: 'staff',
    summary: "A membership's dunning state and history.",
    response: DunningStateView,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  setBlock: defineRoute({
    method: 'PUT',
    path: `${memberPath}/block`,
    access: 'staff',
    summary: 'Set a dunning block (Mahnsperre), open-ended or through a date.',
    body: z.strictObject({ until: CalendarDateSchema.nullable() }),
    response: DunningStateView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'DUNNING_BLOCK_INVALID'],
  }),
  removeBlock: defineRoute({
    method: 'DELETE',
    path: `${memberPath}/block`,
    access: 'staff',
    summary: 'Remove the dunning block.',
    response: DunningStateView,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  setMarkers: defineRoute({
    method: 'PATCH',
    path: `${memberPath}/markers`,
    access: 'staff',
    summary: 'Set or clear the court-procedure marker (Mahnverfahren) and the no-court-order marker (Mahnbescheidsperre).',
    body: z.strictObject({
      courtProcedure: z.boolean().optional(),
      noCourtOrder: z.boolean().optional(),
      /** Why, for the history ("Mahnbescheid beantragt am …"). */
      note: z.string().trim().min(1).max(500).optional(),
    }),
    response: DunningStateView,
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  cancelLast: defineRoute({
    method: 'POST',
    path: `${memberPath}/cancel-last`,
    access: 'staff',
    summary: "Cancel the membership's last dunning letter: previous level and date come back, letter and fee go.",
    response: DunningStateView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'DUNNING_NOTHING_TO_CANCEL'],
  }),
  correct: defineRoute({
    method: 'POST',
    path: `${memberPath}/correction`,
    access: 'staff',
    summary: 'Correct level and last-letter date by hand (no letter, no fee).',
    body: z.strictObject({ level: z.number().int().min(1).max(99).nullable(), lastLetterOn: CalendarDateSchema.nullable() }),
    response: DunningStateView,
    errors: ['MEMBERSHIP_NOT_FOUND', 'DUNNING_LEVEL_NOT_FOUND'],
  }),
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
