// Links of persons to customers of an external CRM: local copies (v1) and references (v2), and the connection.
import { sql } from 'drizzle-orm'
import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, organisationRef, persons } from '../../storage/shared-schema'

/** The organisation's CRM connection (Systemanbindung): address and sealed credentials, never returned. */
export const crmConnections = pgTable('crm_connections', {
  organisationId: organisationRef().primaryKey(),
  baseUrl: text('base_url').notNull(),
  credentials: text('credentials').notNull(),
  createdAt: createdAt(),
})

/**
 * A person's link to an external customer. `copy`: the person holds a local copy of the customer's data (the old
 * export). `reference`: the person holds nothing personal; the data is loaded live. `local`: a former copy whose
 * external customer was deleted; kept with its data and listed for GDPR review until someone decides.
 */
export const customerReferences = pgTable(
  'customer_references',
  {
    id: id(),
    organisationId: organisationRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    externalId: text('external_id').notNull(),
    kind: text('kind').notNull(),
    /** Why a `local` person is on the review list, and when someone settled it. */
    reviewReason: text('review_reason'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('customer_references_person_uq').on(t.organisationId, t.personId),
    uniqueIndex('customer_references_reference_uq')
      .on(t.organisationId, t.externalId)
      .where(sql`kind = 'reference'`),
  ],
)
