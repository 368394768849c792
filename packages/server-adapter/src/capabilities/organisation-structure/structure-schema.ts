// Administrators of an organisation and their admin group's rights per module.
import { sql } from 'drizzle-orm'
import { jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { createdAt, id, organisationRef } from '../../storage/shared-schema'

/**
 * An administrator recorded in one organisation (UMB-16–UMB-20), found across a structure by the same login e-mail.
 * `permissions` is one setting per module (ModulePermissions in core); rights are never inherited from a parent.
 */
export const administrators = pgTable(
  'administrators',
  {
    id: id(),
    organisationId: organisationRef(),
    loginEmail: text('login_email').notNull(),
    name: text('name').notNull(),
    permissions: jsonb('permissions').notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('administrators_login_uq').on(t.organisationId, sql`lower(${t.loginEmail})`)],
)
