// Fee-class assignments of memberships.
import { bigint, date, index, pgTable, uuid } from 'drizzle-orm/pg-core'
import { id, createdAt, organisationRef } from '../../storage/shared-schema'
import { paymentPlans, feeClasses } from '../finance-setup/finance-schema'
import { memberships } from '../memberships/membership-schema'

/** Fee classes assigned to memberships for a period. */
export const feeAssignments = pgTable(
  'fee_assignments',
  {
    id: id(),
    organisationId: organisationRef(),
    membershipId: uuid('membership_id')
      .notNull()
      .references(() => memberships.id),
    feeClassId: uuid('fee_class_id')
      .notNull()
      .references(() => feeClasses.id),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    paymentPlanId: uuid('payment_plan_id').references(() => paymentPlans.id),
    amount: bigint('amount', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [index('fee_assignments_membership_idx').on(t.membershipId)],
)
