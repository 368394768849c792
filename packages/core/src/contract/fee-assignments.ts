import * as z from 'zod'
import { FeeAssignment } from '../fees/assignment'
import { CalendarDateSchema, IdSchema, AmountSchema } from './scalars'
import { defineRoute } from './define-route'

/** Assigning a fee class to a membership from a date. */
export const NewFeeAssignment = z.object({
  feeClassId: IdSchema,
  validFrom: CalendarDateSchema,
  validUntil: CalendarDateSchema.nullable().default(null),
  paymentPlanId: IdSchema.nullable().default(null),
  amount: AmountSchema.min(0).nullable().default(null),
})

/** Changing class from a date: the current assignment ends the day before. */
export const FeeClassChangeRequest = z.object({
  feeClassId: IdSchema,
  from: CalendarDateSchema,
  paymentPlanId: IdSchema.nullable().default(null),
  amount: AmountSchema.min(0).nullable().default(null),
})

/**
 * Ending an assignment, giving it an individual plan, or correcting its first day (only while nothing was
 * charged from it, handbook §11.7 Beitragsklassen).
 */
export const FeeAssignmentUpdate = z.object({
  validFrom: CalendarDateSchema.optional(),
  validUntil: CalendarDateSchema.nullable().optional(),
  paymentPlanId: IdSchema.nullable().optional(),
})

/** Fee-class assignments of memberships, and the successor job. */
export const feeAssignmentRoutes = {
  list: defineRoute({
    method: 'GET',
    path: '/organisations/:organisationId/memberships/:membershipId/fee-assignments',
    access: 'staff',
    summary: "A membership's fee-class assignments, oldest first.",
    response: z.object({ items: z.array(FeeAssignment) }),
    errors: ['MEMBERSHIP_NOT_FOUND'],
  }),
  assign: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/memberships/:membershipId/fee-assignments',
    access: 'staff',
    summary: 'Assign a fee class from a date.',
    body: NewFeeAssignment,
    response: FeeAssignment,
    status: 201,
    errors: ['MEMBERSHIP_NOT_FOUND', 'FEE_CLASS_NOT_FOUND', 'FEE_CLASS_NOT_ASSIGNABLE', 'PAYMENT_PLAN_NOT_FOUND'],
  }),
  change: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/fee-assignments/:assignmentId/change',
    access: 'staff',
    summary: 'Change to another fee class from a date: the current one ends the day before.',
    body: FeeClassChangeRequest,
    response: z.object({ ended: FeeAssignment, started: FeeAssignment }),
    errors: [
      'ASSIGNMENT_NOT_FOUND',
      'FEE_CLASS_NOT_FOUND',
      'FEE_CLASS_NOT_ASSIGNABLE',
      'ASSIGNMENT_CHANGE_BEFORE_START',
      'ASSIGNMENT_ALREADY_ENDED',
    ],
  }),
  update: defineRoute({
    method: 'PATCH',
    path: '/organisations/:organisationId/fee-assignments/:assignmentId',
    access: 'staff',
    summary: 'End an assignment, set its individual payment plan, or correct its first day while nothing was charged from it.',
    body: FeeAssignmentUpdate,
    response: FeeAssignment,
    errors: ['ASSIGNMENT_NOT_FOUND', 'PAYMENT_PLAN_NOT_FOUND', 'ASSIGNMENT_CHARGED', 'FEE_CLASS_NOT_ASSIGNABLE'],
  }),
  remove: defineRoute({
    method: 'DELETE',
    path: '/organisations/:organisationId/fee-assignments/:assignmentId',
    access: 'staff',
    summary: 'Remove a wrongly entered assignment; refused once anything was charged from it.',
    response: z.object({ removed: z.literal(true) }),
    errors: ['ASSIGNMENT_NOT_FOUND', 'ASSIGNMENT_CHARGED'],
  }),
  switchSuccessors: defineRoute({
    method: 'POST',
    path: '/organisations/:organisationId/jobs/fee-class-successors',
    access: 'staff',
    summary: 'Run the successor switch now (it also runs daily): idempotent.',
    body: z.object({ asOf: CalendarDateSchema.optional() }),
    response: z.object({ switched: z.number().int() }),
    errors: [],
  }),
} as const
