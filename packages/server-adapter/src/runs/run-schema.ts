// Runs of every kind and the progress of runs being applied.
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { id, createdAt, organisationRef } from '../storage/shared-schema'

/** Every run (charge, invoice, write-off), keyed by its plan's idempotency key. */
export const runs = pgTable(
  'runs',
  {
    id: id(),
    organisationId: organisationRef(),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    /** The request the run was applied with; a key reused with other parameters is refused. */
    parameters: jsonb('parameters').notNull().default({}),
    summary: jsonb('summary').notNull(),
    createdAt: createdAt(),
    /** Who applied the run (`api-key:<id>`, a job), for the audit trail. */
    createdBy: text('created_by').notNull().default('unknown'),
    reversedAt: timestamp('reversed_at', { withTimezone: true }),
    /** Who took it back. */
    reversedBy: text('reversed_by'),
  },
  (t) => [
    uniqueIndex('runs_idempotency_uq').on(t.organisationId, t.kind, t.idempotencyKey),
    index('runs_org_kind_idx').on(t.organisationId, t.kind),
  ],
)

/**
 * How far a run being applied has got, per organisation, kind and idempotency key. Written outside the run's
 * transaction, so every server instance on the database can read it while the run is still going.
 */
export const runProgress = pgTable(
  'run_progress',
  {
    organisationId: organisationRef(),
    kind: text('kind').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    phase: text('phase').notNull(),
    done: integer('done').notNull(),
    total: integer('total').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.kind, t.idempotencyKey] })],
)
