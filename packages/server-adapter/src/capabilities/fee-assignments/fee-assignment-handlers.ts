import { ValidationError, VereinskitError, type CalendarDate } from '@vereinskit/core'
import { assertAssignmentRemovable, assertFeeClassAssignable, checkAssignmentPeriod, planFeeClassChange } from '@vereinskit/core/fees'
import type { contract } from '@vereinskit/core/contract'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { runSuccessorSwitch } from './successor-switch'

async function assertCatalogue(
  { storage, organisation }: HandlerContext,
  feeClassId: string,
  paymentPlanId: string | null | undefined,
  validFrom?: CalendarDate,
) {
  const classes = await storage.finance.listFeeClasses()
  const feeClass = classes.find((c) => c.id === feeClassId)
  if (!feeClass) throw new VereinskitError('FEE_CLASS_NOT_FOUND', `Fee class ${feeClassId} does not exist.`)
  if (validFrom !== undefined) assertFeeClassAssignable(feeClass, validFrom)
  if (paymentPlanId) {
    const plans = await storage.finance.listPlans()
    if (!plans.some((p) => p.id === paymentPlanId))
      throw new VereinskitError('PAYMENT_PLAN_NOT_FOUND', `Payment plan ${paymentPlanId} does not exist.`)
  }
}

/** Fee-class assignments and the successor job. */
export const feeAssignmentHandlers: RouteHandlers<typeof contract.feeAssignments> = {
  async list({ params }, { storage, organisation }) {
    if (!(await storage.memberships.get(params.membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
    return { items: await storage.assignments.listForMembership(params.membershipId) }
  },
  async assign({ params, body }, context) {
    const { storage, organisation } = context
    const membership = await storage.memberships.get(params.membershipId)
    if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
    const issues = checkAssignmentPeriod(body, membership)
    if (issues.length > 0) throw new ValidationError(issues)
    await assertCatalogue(context, body.feeClassId, body.paymentPlanId, body.validFrom)
    return storage.assignments.create({ membershipId: params.membershipId, ...body })
  },
  change: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const { organisation } = context
      const current = await tx.assignments.getForUpdate(params.assignmentId)
      if (!current) throw notFound('ASSIGNMENT_NOT_FOUND', 'Fee assignment', params.assignmentId)
      await assertCatalogue({ ...context, storage: tx }, body.feeClassId, body.paymentPlanId, body.from)
      const { endCurrentOn, startNewOn } = planFeeClassChange(current, body.from)
      const ended = await tx.assignments.update(current.id, { validUntil: endCurrentOn })
      const started = await tx.assignments.create({
        membershipId: current.membershipId,
        feeClassId: body.feeClassId,
        validFrom: startNewOn,
        validUntil: current.validUntil,
        paymentPlanId: body.paymentPlanId,
        amount: body.amount,
      })
      return { ended, started }
    }),
  update: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const current = await tx.assignments.getForUpdate(params.assignmentId)
      if (!current) throw notFound('ASSIGNMENT_NOT_FOUND', 'Fee assignment', params.assignmentId)
      if (body.paymentPlanId) await assertCatalogue({ ...context, storage: tx }, current.feeClassId, body.paymentPlanId)
      if (body.validFrom !== undefined && body.validFrom !== current.validFrom) {
        // Correcting the first day is a correction of a wrong entry: only while nothing was charged from it.
        assertAssignmentRemovable(current.id, await tx.assignments.countCharges(current.id), 'move-start')
        await assertCatalogue({ ...context, storage: tx }, current.feeClassId, null, body.validFrom)
      }
      if (body.validUntil !== undefined || body.validFrom !== undefined) {
        const membership = await tx.memberships.get(current.membershipId)
        const issues = checkAssignmentPeriod(
          {
            validFrom: body.validFrom ?? current.validFrom,
            validUntil: body.validUntil === undefined ? current.validUntil : body.validUntil,
          },
          membership,
        )
        if (issues.length > 0) throw new ValidationError(issues)
      }
      const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
      return Object.keys(changes).length === 0 ? current : tx.assignments.update(current.id, changes)
    }),
  remove: ({ params }, { storage, organisation }) =>
    storage.transaction(async (tx) => {
      const current = await tx.assignments.getForUpdate(params.assignmentId)
      if (!current) throw notFound('ASSIGNMENT_NOT_FOUND', 'Fee assignment', params.assignmentId)
      assertAssignmentRemovable(current.id, await tx.assignments.countCharges(current.id))
      await tx.assignments.remove(current.id)
      return { removed: true as const }
    }),
  async switchSuccessors({ body }, { storage, organisation, today }) {
    return { switched: await runSuccessorSwitch(storage, body.asOf ?? today) }
  },
}
