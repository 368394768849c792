import * as z from 'zod'
import { IdSchema, TimestampSchema } from './scalars'
import { PersonSearchHitView, PersonSearchRequest } from './people'
import { defineRoute } from './define-route'

/**
 * Result lists (Ergebnislisten, handbook §4.3–4.4): a personal list belongs to the key that made it ("Meine
 * Ergebnislisten"); a shared one is seen by all staff ("Allgemeine Ergebnislisten"). Archived memberships are
 * never put on a list.
 */
export const ResultListInput = z.strictObject({ name: z.string().trim().min(1).max(100), shared: z.boolean().default(false) })

export const ResultListSummary = z.object({
  id: IdSchema,
  name: z.string(),
  shared: z.boolean(),
  /** Whether the calling key made it. */
  mine: z.boolean(),
  entries: z.number().int(),
  createdAt: TimestampSchema,
})

export const ResultListEntryView = PersonSearchHitView.extend({ entryId: IdSchema })
export const ResultListView = ResultListSummary.extend({ items: z.array(ResultListEntryView) })

/** Entries to add: single rows (a person, optionally in a membership place), or the whole result of a search. */
export const ResultListAddition = z
  .strictObject({
    entries: z
      .array(z.strictObject({ personId: z.uuid(), membershipId: z.uuid().nullable().default(null) }))
      .max(500)
      .optional(),
    search: PersonSearchRequest.optional(),
  })
  .refine((a) => (a.entries === undefined) !== (a.search === undefined), {
    message: 'Send either entries or a search.',
    path: ['entries'],
  })

export const ResultListAdditionResult = z.object({
  added: z.number().int(),
  /** Already on the list. */
  alreadyListed: z.number().int(),
  /** Archived memberships, never listed. */
  skippedArchived: z.number().int(),
})

const path = '/organisations/:organisationId/result-lists'

export const resultListRoutes = {
  list: defineRoute({
    method: 'GET',
    path,
    access: 'staff',
    summary: "The caller's own lists and the shared ones.",
    response: z.object({ items: z.array(ResultListSummary) }),
    errors: [],
  }),
  create: defineRoute({
    method: 'POST',
    path,
    access: 'staff',
    status: 201,
    summary: 'Create a personal or shared result list.',
    body: ResultListInput,
    response: ResultListSummary,
    errors: [],
  }),
  get: defineRoute({
    method: 'GET',
    path: `${path}/:listId`,
    access: 'staff',
    summary: 'A result list with its entries, in search order.',
    response: ResultListView,
    errors: ['RESULT_LIST_NOT_FOUND'],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: `${path}/:listId`,
    access: 'staff',
    summary: 'Delete a result list (the persons stay).',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['RESULT_LIST_NOT_FOUND'],
  }),
  add: defineRoute({
    method: 'POST',
    path: `${path}/:listId/entries`,
    access: 'staff',
    summary: 'Append single entries or a whole search result; archived memberships are left out.',
    body: ResultListAddition,
    response: ResultListAdditionResult,
    errors: ['RESULT_LIST_NOT_FOUND', 'PERSON_NOT_FOUND'],
  }),
  removeEntry: defineRoute({
    method: 'DELETE',
    path: `${path}/:listId/entries/:entryId`,
    access: 'staff',
    summary: 'Take one entry off the list.',
    response: z.object({ deleted: z.literal(true) }),
    errors: ['RESULT_LIST_NOT_FOUND'],
  }),
  exportCsv: defineRoute({
    method: 'GET',
    path: `${path}/:listId/export.csv`,
    access: 'staff',
    summary: 'The list as CSV for German spreadsheets (;, UTF-8 with BOM, formula-safe).',
    produces: 'csv',
    response: z.string(),
    errors: ['RESULT_LIST_NOT_FOUND'],
  }),
  exportXlsx: defineRoute({
    method: 'GET',
    path: `${path}/:listId/export.xlsx`,
    access: 'staff',
    summary: 'The list as an Excel workbook, dates as real dates.',
    produces: 'xlsx',
    response: z.instanceof(Uint8Array),
    errors: ['RESULT_LIST_NOT_FOUND'],
  }),
} as const
