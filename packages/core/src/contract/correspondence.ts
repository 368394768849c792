import * as z from 'zod'
import { LetterKind, LetterTemplate, TextBlock } from '../correspondence/letter-template'
import { CalendarDateSchema, IdSchema, TimestampSchema } from './scalars'
import { defineRoute } from './define-route'

const organisationPath = '/organisations/:organisationId'

/** A club's template, or a built-in default (without id). */
export const LetterTemplateView = LetterTemplate.extend({ id: IdSchema.nullable() })

/** A document of a membership (metadata; the content is downloaded separately). */
export const DocumentView = z.object({
  id: IdSchema,
  membershipId: IdSchema,
  kind: LetterKind,
  title: z.string(),
  createdOn: CalendarDateSchema,
  channel: z.enum(['letter', 'email']),
  runId: IdSchema.nullable(),
  rendered: z.boolean(),
  printedAt: TimestampSchema.nullable(),
  deletedAt: TimestampSchema.nullable(),
})

/** Where an e-mail carrying a document stands. */
export const MailDeliveryView = z.object({
  id: IdSchema,
  /** The letter it carries; null for a system e-mail (appointment confirmation, reminder). */
  documentId: IdSchema.nullable(),
  /** The subject of a system e-mail. */
  subject: z.string().nullable(),
  recipient: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'abandoned', 'cancelled', 'uncertain']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: TimestampSchema,
  sentAt: TimestampSchema.nullable(),
})

/** Correspondence (Schriftverkehr): templates, text blocks, documents, the print queue and e-mail delivery. */
export const correspondenceRoutes = {
  templates: defineRoute({
    method: 'GET',
    path: `${organisationPath}/letter-templates`,
    access: 'staff',
    summary: "The club's templates and the built-in default of every letter kind.",
    response: z.object({ items: z.array(LetterTemplateView), builtIn: z.array(LetterTemplateView) }),
    errors: [],
  }),
  createTemplate: defineRoute({
    method: 'POST',
    path: `${organisationPath}/letter-templates`,
    access: 'staff',
    summary: 'Save a template; `isDefault` makes it replace the built-in one of its kind.',
    body: LetterTemplate,
    response: LetterTemplateView,
    status: 201,
    errors: ['TEMPLATE_PLACEHOLDER_UNKNOWN', 'TEMPLATE_KIND_TAKEN'],
  }),
  updateTemplate: defineRoute({
    method: 'PUT',
    path: `${organisationPath}/letter-templates/:templateId`,
    access: 'staff',
    summary: 'Replace a template.',
    body: LetterTemplate,
    response: LetterTemplateView,
    errors: ['TEMPLATE_NOT_FOUND', 'TEMPLATE_PLACEHOLDER_UNKNOWN', 'TEMPLATE_KIND_TAKEN'],
  }),
  textBlocks: defineRoute({
    method: 'GET',
    path: `${organisationPath}/text-blocks`,
    access: 'staff',
    summary: 'The text blocks (Textbausteine).',
    response: z.object({ items: z.array(TextBlock) }),
    errors: [],
  }),
  putTextBlock: defineRoute({
    method: 'PUT',
    path: `${organisationPath}/text-blocks`,
    access: 'staff',
    summary: 'Create or replace a text block by name.',
    body: TextBlock,
    response: TextBlock,
    errors: ['TEMPLATE_PLACEHOLDER_UNKNOWN'],
  }),
  documents: defineRoute({
    method: 'GET',
    path: `${organisationPath}/memberships/:membershipId/documents`,
    access: 'staff',
    summary: "A membership's documents, cancelled ones marked deleted.",
    response: z.object({ items: z.array(DocumentView) }),
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  documentPdf: defineRoute({
    method: 'GET',
    path: `${organisationPath}/documents/:documentId/content.pdf`,
    access: 'staff',
    summary: 'A document as PDF.',
    response: z.instanceof(Uint8Array),
    produces: 'pdf',
    errors: ['DOCUMENT_NOT_FOUND'],
  }),
  printQueue: defineRoute({
    method: 'GET',
    path: `${organisationPath}/print-queue`,
    access: 'staff',
    summary: 'Letters waiting to be printed (Druckaufträge), of one run if given.',
    query: z.strictObject({ runId: IdSchema.optional() }),
    response: z.object({ items: z.array(DocumentView) }),
    errors: [],
  }),
  printQueuePdf: defineRoute({
    method: 'GET',
    path: `${organisationPath}/print-queue/letters.pdf`,
    access: 'staff',
    summary: 'The waiting letters as one PDF (Sammeldruck), at most `limit`, oldest first.',
    query: z.strictObject({ runId: IdSchema.optional(), limit: z.coerce.number().int().min(1).max(5000).default(500) }),
    response: z.instanceof(Uint8Array),
    produces: 'pdf',
    errors: ['DOCUMENT_NOT_FOUND'],
  }),
  markPrinted: defineRoute({
    method: 'POST',
    path: `${organisationPath}/print-queue/printed`,
    access: 'staff',
    summary: 'Mark letters as printed; they leave the queue.',
    body: z.strictObject({ documentIds: z.array(IdSchema).min(1).max(5000) }),
    response: z.object({ marked: z.number().int() }),
    errors: [],
  }),
  deliveries: defineRoute({
    method: 'GET',
    path: `${organisationPath}/mail-deliveries`,
    access: 'staff',
    summary: 'E-mail deliveries and their status, of one run if given.',
    query: z.strictObject({
      status: MailDeliveryView.shape.status.optional(),
      runId: IdSchema.optional(),
    }),
    response: z.object({ items: z.array(MailDeliveryView) }),
    errors: [],
  }),
  retryDelivery: defineRoute({
    method: 'POST',
    path: `${organisationPath}/mail-deliveries/:deliveryId/retry`,
    access: 'staff',
    summary: 'Send a failed, abandoned or uncertain e-mail again.',
    response: MailDeliveryView,
    errors: ['NOT_FOUND'],
  }),
} as const
