import { ValidationError, VereinskitError } from '@vereinskit/core'
import { checkMembershipPeriod } from '@vereinskit/core/members'
import { displayName } from '@vereinskit/core/people'
import type { contract } from '@vereinskit/core/contract'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'

async function mustGet(storage: OrganisationStorage, periodId: string) {
  const period = await storage.membershipPeriods.get(periodId)
  if (!period) throw notFound('MEMBERSHIP_PERIOD_NOT_FOUND', 'Membership period', periodId)
  return period
}

const lockPeriods = (tx: OrganisationStorage) => tx.organisation.getForUpdate()

/**
 * Membership periods (sync-tenancy AB-08–AB-15): they must exist before anyone is registered against them; one
 * registration per person and period; a period with registrations keeps its dates (renaming is fine).
 * @see docs/decisions/0021-memberships-and-periods.md
 */
export const membershipPeriodHandlers: RouteHandlers<typeof contract.membershipPeriods> = {
  async list(_input, { storage }) {
    return { items: await storage.membershipPeriods.list() }
  },
  create: ({ body }, { storage }) =>
    storage.transaction(async (tx) => {
      await lockPeriods(tx)
      const issues = checkMembershipPeriod(body, await tx.membershipPeriods.list())
      if (issues.length > 0) throw new ValidationError(issues)
      return tx.membershipPeriods.create(body)
    }),
  update: ({ params, body }, { storage }) =>
    storage.transaction(async (tx) => {
      await lockPeriods(tx)
      const current = await mustGet(tx, params.periodId)
      const next = { name: body.name ?? current.name, startsOn: body.startsOn ?? current.startsOn, endsOn: body.endsOn ?? current.endsOn }
      if (current.registrations > 0 && (next.startsOn !== current.startsOn || next.endsOn !== current.endsOn)) {
        throw new VereinskitError(
          'MEMBERSHIP_PERIOD_IN_USE',
          `${current.registrations} members are registered for "${current.name}"; its dates stay.`,
        )
      }
      const issues = checkMembershipPeriod(
        next,
        (await tx.membershipPeriods.list()).filter((p) => p.id !== current.id),
      )
      if (issues.length > 0) throw new ValidationError(issues)
      await tx.membershipPeriods.update(current.id, next)
      return mustGet(tx, current.id)
    }),
  remove: ({ params }, { storage }) =>
    storage.transaction(async (tx) => {
      await lockPeriods(tx)
      const current = await mustGet(tx, params.periodId)
      if (current.registrations > 0) {
        throw new VereinskitError('MEMBERSHIP_PERIOD_IN_USE', `${current.registrations} members are registered for "${current.name}".`)
      }
      await tx.membershipPeriods.remove(current.id)
      return { deleted: true as const }
    }),
  register: ({ params, body }, context: HandlerContext) =>
    context.storage.transaction(async (tx) => {
      const period = await mustGet(tx, params.periodId)
      const person = await tx.people.get(body.personId)
      if (!person) throw notFound('PERSON_NOT_FOUND', 'Person', body.personId)
      const registeredOn = body.registeredOn ?? context.today
      const created = await tx.membershipPeriods.register(period.id, body.personId, registeredOn)
      if (!created) throw new VereinskitError('ALREADY_REGISTERED_FOR_PERIOD', `The person is registered for "${period.name}" already.`)
      return { id: created.id, periodId: period.id, personId: body.personId, name: displayName(person), registeredOn }
    }),
  async registrations({ params, query }, { storage }) {
    const period = await mustGet(storage, params.periodId)
    return storage.membershipPeriods.registrations(period.id, query)
  },
  async unregister({ params }, { storage }) {
    const period = await mustGet(storage, params.periodId)
    if (!(await storage.membershipPeriods.unregister(period.id, params.registrationId))) {
      throw notFound('MEMBERSHIP_PERIOD_NOT_FOUND', 'Registration', params.registrationId)
    }
    return { deleted: true as const }
  },
}
