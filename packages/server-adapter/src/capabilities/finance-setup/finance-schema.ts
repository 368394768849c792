// Finance set-up: accounts, payment plans, fee classes and fee-class groups.
import { sql } from 'drizzle-orm'
import { bigint, boolean, check, date, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, createdAt, organisationRef } from '../../storage/shared-schema'

/** Fee-class groups (BK-Gruppen) offered at capture and, if flagged, online. */
export const feeClassGroups = pgTable(
  'fee_class_groups',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    description: text('description'),
    offeredOnline: boolean('offered_online').notNull().default(false),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('fee_class_groups_name_uq').on(t.organisationId, t.name),
    uniqueIndex('fee_class_groups_default_uq')
      .on(t.organisationId)
      .where(sql`${t.isDefault}`),
  ],
)

/** Finance accounts: receivable (Forderungskonto) or cash/bank (Bestandskonto). */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    organisationId: organisationRef(),
    number: text('number').notNull(),
    name: text('name').notNull(),
    type: text('type').notNull(),
    receivableKind: text('receivable_kind'),
    priority: integer('priority').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_number_uq').on(t.organisationId, t.number),
    uniqueIndex('accounts_name_uq').on(t.organisationId, sql`lower(${t.name})`),
    check('accounts_type_ck', sql`${t.type} in ('receivable', 'cash')`),
  ],
)

/** Payment plans (Zahlungspläne); the year rules are validated by core's PaymentPlan schema. */
export const paymentPlans = pgTable(
  'payment_plans',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    rules: jsonb('rules').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('payment_plans_name_uq').on(t.organisationId, sql`lower(${t.name})`)],
)

/** Fee classes (Beitragsklassen). */
export const feeClasses = pgTable(
  'fee_classes',
  {
    id: id(),
    organisationId: organisationRef(),
    name: text('name').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    paymentPlanId: uuid('payment_plan_id')
      .notNull()
      .references(() => paymentPlans.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    successorId: uuid('successor_id'),
    showInMembership: boolean('show_in_membership').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('fee_classes_name_uq').on(t.organisationId, sql`lower(${t.name})`)],
)

/** The fee classes of a fee-class group, with the amounts new memberships get. */
export const feeClassGroupItems = pgTable(
  'fee_class_group_items',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => feeClassGroups.id, { onDelete: 'cascade' }),
    feeClassId: uuid('fee_class_id')
      .notNull()
      .references(() => feeClasses.id),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.feeClassId] })],
)
