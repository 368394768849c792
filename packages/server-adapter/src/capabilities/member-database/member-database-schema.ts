// Links to an external member database (a national member database), per-member sync state, the outbox and conflicts.
import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, organisationRef } from '../../storage/shared-schema'

/** The organisation's link: where the database is, its region, the credentials (encrypted) and the pull state. */
export const memberDatabaseLinks = pgTable('member_database_links', {
  organisationId: organisationRef().primaryKey(),
  baseUrl: text('base_url').notNull(),
  region: text('region').notNull(),
  /** AES-256-GCM with the server's secret key; never returned by any route. */
  credentials: text('credentials').notNull(),
  pullIntervalMinutes: integer('pull_interval_minutes').notNull().default(10),
  /** How a field changed on both sides between two pulls is decided (docs/decisions/0023#conflicts). */
  conflictPolicy: text('conflict_policy').notNull().default('newest-wins'),
  pullCursor: text('pull_cursor'),
  lastPullAt: timestamp('last_pull_at', { withTimezone: true }),
  /** An instance pulling sets this, so two instances never pull one organisation at once. */
  pullClaimedUntil: timestamp('pull_claimed_until', { withTimezone: true }),
  createdAt: createdAt(),
})

/** One membership's state on the link: its remote id, mode, last failure and the base snapshot (remote terms). */
export const memberDatabaseMembers = pgTable(
  'member_database_members',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    remoteId: text('remote_id'),
    /** `synced` or `local-only` (nur in unserem System, MIDA-06). */
    mode: text('mode').notNull().default('synced'),
    /** The state both sides last agreed on, in the remote schema; null before the first transfer. */
    base: jsonb('base'),
    failureReason: text('failure_reason'),
    transferredAt: timestamp('transferred_at', { withTimezone: true }),
    /** Deleted on the remote side after a local deletion (or the remote record disappeared). */
    removedAt: timestamp('removed_at', { withTimezone: true }),
    /**
     * The write being sent and not yet confirmed: its kind, fields, idempotency key and the outbox rows it settles.
     * Stored before the call, so a retry (after a lost answer, a crash) resends exactly it under the same key.
     */
    inFlight: jsonb('in_flight'),
    /** Grows with every new write: part of its key, so A→B→A is three writes, never a repeat. */
    pushSequence: integer('push_sequence').notNull().default(0),
  },
  (t) => [
    uniqueIndex('member_database_members_membership_uq').on(t.organisationId, t.membershipId),
    uniqueIndex('member_database_members_remote_uq').on(t.organisationId, t.remoteId),
  ],
)

/**
 * The transactional outbox: a row per committed change of a linked member, written by triggers in the same
 * transaction as the change (so no route can forget it), taken by the dispatcher and marked done once the remote
 * side confirmed. A failed attempt is due again after its backoff.
 */
export const memberDatabaseOutbox = pgTable(
  'member_database_outbox',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    /** Null: due at once; else the earliest time of the next attempt (set from the Clock after a failure). */
    availableAt: timestamp('available_at', { withTimezone: true }),
    lastError: text('last_error'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    index('member_database_outbox_due_idx')
      .on(t.organisationId, t.membershipId)
      .where(sql`done_at is null`),
  ],
)

/** A field both sides changed, waiting for staff to decide (policy `manual`). */
export const memberDatabaseConflicts = pgTable(
  'member_database_conflicts',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id').notNull(),
    field: text('field').notNull(),
    remoteField: text('remote_field').notNull(),
    baseValue: jsonb('base_value'),
    localValue: jsonb('local_value'),
    remoteValue: jsonb('remote_value'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decision: text('decision'),
  },
  (t) => [
    index('member_database_conflicts_open_idx')
      .on(t.organisationId, t.membershipId)
      .where(sql`decided_at is null`),
  ],
)
