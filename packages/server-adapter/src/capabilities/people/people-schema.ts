// The address book's own tables: contacts, the audit log and saved result lists.
import { sql } from 'drizzle-orm'
import { bigserial, boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, organisationRef, persons } from '../../storage/shared-schema'
import { memberships } from '../memberships/membership-schema'

/** A person an organisation keeps without a membership (Person erfassen; Kontaktart): one kind of connection. */
export const personContacts = pgTable(
  'person_contacts',
  {
    organisationId: organisationRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.personId] }), index('person_contacts_person_idx').on(t.personId)],
)

/**
 * The audit log (Protokoll, handbook §11.3): one row per changed field, written in the change's transaction.
 * `organisation_id` is the organisation whose staff changed it (null for the person's own change).
 */
export const personAudit = pgTable(
  'person_audit',
  {
    id: id(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    organisationId: uuid('organisation_id'),
    actor: text('actor').notNull(),
    /** When, as the injected clock saw it. */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    field: text('field').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    /** Write order: the lines of one change keep their field order. */
    sequence: bigserial('sequence', { mode: 'number' }).notNull(),
  },
  (t) => [index('person_audit_person_idx').on(t.personId, t.changedAt)],
)

/** Ergebnislisten (handbook §4.3–4.4): personal lists belong to the key that made them; shared ones to all staff. */
export const resultLists = pgTable(
  'result_lists',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    owner: text('owner').notNull(),
    shared: boolean('shared').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('result_lists_organisation_id_uq').on(t.organisationId, t.id)],
)

/** The entries of a result list: a person, in a membership place or without one. */
export const resultListEntries = pgTable(
  'result_list_entries',
  {
    id: id(),
    organisationId: organisationRef(),
    listId: uuid('list_id')
      .notNull()
      .references(() => resultLists.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('result_list_entries_uq').on(
      t.listId,
      t.personId,
      sql`coalesce(${t.membershipId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
    ),
  ],
)
