// Membership periods (medlemsperioder) and the registrations against them.
import { sql } from 'drizzle-orm'
import { date, foreignKey, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, organisationRef, persons } from '../../storage/shared-schema'

/** A period of an organisation: name, first and last day. */
export const membershipPeriods = pgTable(
  'membership_periods',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('membership_periods_name_uq').on(t.organisationId, sql`lower(${t.name})`),
    uniqueIndex('membership_periods_organisation_id_uq').on(t.organisationId, t.id),
  ],
)

/** One row: this person was a member in this period (one per person and period). */
export const periodRegistrations = pgTable(
  'period_registrations',
  {
    id: id(),
    organisationId: organisationRef(),
    periodId: uuid('period_id').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('period_registrations_uq').on(t.periodId, t.personId),
    index('period_registrations_person_idx').on(t.personId),
    foreignKey({
      name: 'period_registrations_period_fk',
      columns: [t.organisationId, t.periodId],
      foreignColumns: [membershipPeriods.organisationId, membershipPeriods.id],
    }),
  ],
)
