// Correspondence: document templates, text blocks, documents (letters) and their content, e-mail deliveries.
import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { bytea, id, createdAt, organisationRef } from '../../storage/shared-schema'
import { ownMembership } from '../memberships/membership-schema'
import { runs } from '../../runs/run-schema'
import type { MailMessage } from './mail-delivery-store'

/** Document templates (Vorlagen); at most one per kind replaces the built-in default. */
export const letterTemplates = pgTable(
  'letter_templates',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    valid: boolean('valid').notNull(),
    isDefault: boolean('is_default').notNull(),
    subject: text('subject').notNull(),
    blocks: jsonb('blocks').notNull(),
    emailText: text('email_text').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('letter_templates_default_uq')
      .on(t.organisationId, t.kind)
      .where(sql`${t.isDefault}`),
  ],
)

/** Text blocks (Textbausteine), unique by name per organisation. */
export const textBlocks = pgTable(
  'text_blocks',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    text: text('text').notNull(),
    assignments: text('assignments').array().notNull(),
  },
  (t) => [uniqueIndex('text_blocks_name_uq').on(t.organisationId, t.name)],
)

/**
 * Documents of a membership (Dokumente). A letter's content is fixed when it is written: the template and the data
 * are kept with it, and its PDF is rendered from them once (`content_key` set) — by the mailer,
 * the print queue or the first download, whichever comes first.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    createdOn: date('created_on', { mode: 'string' }).notNull(),
    channel: text('channel').notNull(),
    runId: uuid('run_id').references(() => runs.id),
    /** The template as it was when the letter was written (`letter_template_snapshots`, shared by identical ones). */
    templateKey: text('template_key').notNull(),
    data: jsonb('data').notNull(),
    contentKey: text('content_key'),
    size: integer('size'),
    printedAt: timestamp('printed_at', { withTimezone: true }),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    ownMembership('documents_membership_fk', t),
    uniqueIndex('documents_organisation_id_uq').on(t.organisationId, t.id),
    index('documents_membership_idx').on(t.membershipId),
    index('documents_run_idx').on(t.runId),
  ],
)

/** Templates as letters were written with them, stored once per distinct content (key: its SHA-256). */
export const letterTemplateSnapshots = pgTable(
  'letter_template_snapshots',
  {
    organisationId: organisationRef(),
    key: text('key').notNull(),
    template: jsonb('template').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.key] })],
)

/** Document content kept in the database (the default content store). */
export const documentContents = pgTable('document_contents', {
  key: text('key').primaryKey(),
  organisationId: organisationRef(),
  bytes: bytea('bytes').notNull(),
})

/** E-mails that carry a document; one per document, sent by the mail job with retries. */
export const mailDeliveries = pgTable(
  'mail_deliveries',
  {
    id: id(),
    organisationId: organisationRef(),
    /** The letter this e-mail carries as a PDF; null for a system e-mail, whose content is `message`. */
    documentId: uuid('document_id').unique(),
    /** A system e-mail fixed when queued: sender, subject, text and text attachments (an .ics). */
    message: jsonb('message').$type<MailMessage>(),
    /** Makes queueing idempotent: one e-mail per key and organisation (`appointment-reminder:<id>`). */
    dedupeKey: text('dedupe_key'),
    recipient: text('recipient').notNull(),
    /** queued → sending → sent; failed (will retry) → abandoned; `uncertain` when a send was interrupted. */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    messageId: text('message_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'mail_deliveries_document_fk',
      columns: [t.organisationId, t.documentId],
      foreignColumns: [documents.organisationId, documents.id],
    }),
    index('mail_deliveries_due_idx').on(t.organisationId, t.status, t.nextAttemptAt),
    uniqueIndex('mail_deliveries_dedupe_uq').on(t.organisationId, t.dedupeKey),
    check('mail_deliveries_content_ck', sql`(${t.documentId} is null) <> (${t.message} is null)`),
  ],
)
