// Dunning: level configuration, each membership's dunning state, letters and events.
import {
  bigint,
  bigserial,
  boolean,
  date,
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
import { id, createdAt, organisationRef } from '../../storage/shared-schema'
import { ownMembership } from '../memberships/membership-schema'
import { runs } from '../../runs/run-schema'

/** Dunning levels (Mahnstufen) per organisation. */
export const dunningLevels = pgTable(
  'dunning_levels',
  {
    organisationId: organisationRef(),
    number: integer('number').notNull(),
    valid: boolean('valid').notNull(),
    first: boolean('first').notNull(),
    last: boolean('last').notNull(),
    days: integer('days').notNull(),
    minimum: bigint('minimum', { mode: 'number' }).notNull(),
    fee: bigint('fee', { mode: 'number' }).notNull(),
    feeAccountId: text('fee_account_id'),
    nextLevel: integer('next_level'),
    text: text('text').notNull(),
    postingText: text('posting_text').notNull(),
    templateId: text('template_id'),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.number] })],
)

/** The dunning state of a membership (Konto: Mahnstufe, Mahndatum, Mahnsperre, Mahnverfahren, Mahnbescheidsperre). */
export const dunningStates = pgTable(
  'dunning_states',
  {
    membershipId: uuid('membership_id').primaryKey(),
    organisationId: organisationRef(),
    level: integer('level'),
    lastLetterOn: date('last_letter_on', { mode: 'string' }),
    blocked: boolean('blocked').notNull().default(false),
    blockedUntil: date('blocked_until', { mode: 'string' }),
    courtProcedure: boolean('court_procedure').notNull().default(false),
    noCourtOrder: boolean('no_court_order').notNull().default(false),
  },
  (t) => [ownMembership('dunning_states_membership_fk', t), index('dunning_states_org_idx').on(t.organisationId, t.level)],
)

/** Every dunning letter a run wrote, with the state it replaced; cancelled letters stay as history. */
export const dunningLetters = pgTable(
  'dunning_letters',
  {
    id: id(),
    organisationId: organisationRef(),
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id),
    membershipId: uuid('membership_id').notNull(),
    sequence: bigserial('sequence', { mode: 'number' }).notNull(),
    number: bigint('number', { mode: 'number' }).notNull(),
    fromLevel: integer('from_level'),
    previousLetterOn: date('previous_letter_on', { mode: 'string' }),
    toLevel: integer('to_level').notNull(),
    letterOn: date('letter_on', { mode: 'string' }).notNull(),
    fee: bigint('fee', { mode: 'number' }).notNull(),
    feePostingId: uuid('fee_posting_id'),
    /** The debits the letter listed (its posting uses). */
    itemIds: uuid('item_ids').array().notNull(),
    channel: text('channel').notNull(),
    documentId: uuid('document_id'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: text('cancelled_by'),
  },
  (t) => [
    ownMembership('dunning_letters_membership_fk', t),
    uniqueIndex('dunning_letters_number_uq').on(t.organisationId, t.number),
    index('dunning_letters_membership_idx').on(t.membershipId, t.sequence),
    index('dunning_letters_run_idx').on(t.runId),
  ],
)

/** What else happened to a membership's dunning: blocks, markers, manual level corrections, expired blocks. */
export const dunningEvents = pgTable(
  'dunning_events',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    kind: text('kind').notNull(),
    on: date('on', { mode: 'string' }).notNull(),
    detail: jsonb('detail').notNull(),
    actor: text('actor').notNull(),
    createdAt: createdAt(),
  },
  (t) => [ownMembership('dunning_events_membership_fk', t), index('dunning_events_membership_idx').on(t.membershipId)],
)

/** Postings handed over by a collection run (Export Inkasso). */
export const collectionItems = pgTable(
  'collection_items',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => runs.id),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    postingId: uuid('posting_id').notNull(),
    membershipNumber: bigint('membership_number', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    address: jsonb('address').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    open: bigint('open', { mode: 'number' }).notNull(),
  },
  (t) => [ownMembership('collection_items_membership_fk', t), primaryKey({ columns: [t.runId, t.postingId] })],
)

/** When a collection run was exported; an exported run cannot change or be deleted. */
export const collectionExports = pgTable('collection_exports', {
  runId: uuid('run_id')
    .primaryKey()
    .references(() => runs.id),
  organisationId: organisationRef(),
  exportedAt: timestamp('exported_at', { withTimezone: true }).notNull(),
  setCourtProcedure: boolean('set_court_procedure').notNull(),
  marker: text('marker'),
})
