// Online membership applications.
import { sql } from 'drizzle-orm'
import { check, date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, organisationRef, persons } from '../../storage/shared-schema'
import { feeClassGroups } from '../finance-setup/finance-schema'
import { memberships } from '../memberships/membership-schema'

/** Online membership applications (Online-Mitgliedsanträge) and their review state. */
export const applications = pgTable(
  'applications',
  {
    id: id(),
    organisationId: organisationRef(),
    status: text('status').notNull().default('pending'),
    submission: jsonb('submission').notNull(),
    feeClassGroupId: uuid('fee_class_group_id')
      .notNull()
      .references(() => feeClassGroups.id),
    /** When the application arrived, from the injected clock. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** The day it arrived in the organisation's time zone: the mandate's signature date (a domain date). */
    submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    personId: uuid('person_id').references(() => persons.id),
    membershipId: uuid('membership_id').references(() => memberships.id),
  },
  (t) => [
    index('applications_org_submitted_idx').on(t.organisationId, t.submittedAt),
    check('applications_status_ck', sql`${t.status} in ('pending', 'accepted', 'rejected')`),
  ],
)
