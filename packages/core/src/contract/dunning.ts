import * as z from 'zod'
import { PostalAddress } from '../applications/online-application'
import { DunningLevel } from '../dunning/dunning-level'
import { DunningRunRequest } from '../dunning/plan-dunning-run'
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

const runPath = `${organisationPath}/dunning-runs`

/** Dunning (Mahnwesen): levels, runs and each membership's state; exclusion and collection runs are in `exclusion-collection.ts`. */
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
} as const
