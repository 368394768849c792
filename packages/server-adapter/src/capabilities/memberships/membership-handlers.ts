import { ValidationError, VereinskitError } from '@vereinskit/core'
import { checkMembershipEnd, membershipStateOn, terminationEnd } from '@vereinskit/core/members'
import type { contract } from '@vereinskit/core/contract'
import type { PersonChanges } from '@vereinskit/core/people'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { refuseLockedMembershipChanges } from './locked-membership-fields'
import { changePerson } from '../people/change-person'
import { membershipView } from './membership-view'
import type { MembershipRecord } from './membership-store'

/** The membership, refused when it is not this organisation's. */
export async function mustGetMembership(storage: OrganisationStorage, id: string): Promise<MembershipRecord> {
  const membership = await storage.memberships.get(id)
  if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', id)
  return membership
}

/** Locks and loads a membership that may still be changed: archived memberships are read-only. */
export async function changeableMembership(tx: OrganisationStorage, id: string): Promise<MembershipRecord> {
  if (!(await tx.memberships.lock(id))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', id)
  const membership = await mustGetMembership(tx, id)
  if (membership.archivedOn !== null) {
    throw new VereinskitError('MEMBERSHIP_ARCHIVED', `Membership ${membership.number} is archived; take the archiving back first.`)
  }
  return membership
}

/** A membership a partner took over stays ended (its end and reason belong to the takeover). */
function refuseTakenOver(membership: MembershipRecord): void {
  if (membership.takenOverByMembershipId !== null) {
    throw new VereinskitError('MEMBERSHIP_TAKEN_OVER', `Membership ${membership.number} was taken over by a partner; it stays ended.`)
  }
}

export const view = async (storage: OrganisationStorage, id: string, today: string) =>
  membershipView(await mustGetMembership(storage, id), today)

const stamp = (context: HandlerContext) => ({ actor: context.actor, at: context.clock.now() })

type MembershipHandlers = Pick<RouteHandlers<typeof contract.memberships>, 'list' | 'get' | 'update' | 'terminate' | 'withdrawTermination'>

/** Memberships as their organisation's staff see and change them. */
export const membershipHandlers: MembershipHandlers = {
  async list({ query }, { storage, today }) {
    const page = await storage.memberships.list({ ...query, asOf: today })
    return {
      items: page.items.map(({ archivedOn, ...row }) => ({
        ...row,
        markers: [...row.markers],
        state: membershipStateOn({ ...row, archivedOn }, today),
      })),
      nextCursor: page.nextCursor,
    }
  },

  get: ({ params }, { storage, today }) => view(storage, params.membershipId, today),

  update: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const current = await changeableMembership(tx, params.membershipId)
      const { preferredChannel, addressInvalid, billingAddress, ...changes } = body
      await refuseLockedMembershipChanges(tx, current, changes)
      if (changes.endsOn !== undefined) {
        refuseTakenOver(current)
        const issues = checkMembershipEnd(current.joinedOn, changes.endsOn)
        if (issues.length > 0) throw new ValidationError(issues)
      }
      if (changes.recruitedByPersonId && !(await tx.people.get(changes.recruitedByPersonId))) {
        throw notFound('PERSON_NOT_FOUND', 'Person', changes.recruitedByPersonId)
      }
      // The billing address, its validity and the letter channel are the person's (shared address book).
      const personChanges: PersonChanges = {
        ...(preferredChannel !== undefined && { preferredChannel }),
        ...(billingAddress !== undefined && { billingAddress }),
      }
      if (addressInvalid !== undefined) {
        const usesBilling = (billingAddress !== undefined ? billingAddress : current.billingAddress) !== null
        personChanges[usesBilling ? 'billingAddressInvalid' : 'postalAddressInvalid'] = addressInvalid
      }
      if (Object.keys(personChanges).length > 0) await changePerson(tx, current.person.id, personChanges, stamp(context))
      // A membership that no longer ends has no termination either.
      await tx.memberships.update(current.id, { ...changes, ...(changes.endsOn === null && { terminationReceivedOn: null }) })
      return view(tx, current.id, context.today)
    }),

  terminate: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const current = await changeableMembership(tx, params.membershipId)
      refuseTakenOver(current)
      const { noticePeriod } = await tx.finance.getSettings()
      const endsOn = terminationEnd(current, body, noticePeriod, context.today)
      await refuseLockedMembershipChanges(tx, current, { endsOn, paymentMethod: body.paymentMethod })
      await tx.memberships.update(current.id, {
        endsOn,
        terminationReceivedOn: body.receivedOn,
        ...(body.reason !== undefined && { leavingReason: body.reason }),
        ...(body.paymentMethod !== undefined && { paymentMethod: body.paymentMethod }),
      })
      return view(tx, current.id, context.today)
    }),

  withdrawTermination: ({ params }, context) =>
    context.storage.transaction(async (tx) => {
      const current = await changeableMembership(tx, params.membershipId)
      refuseTakenOver(current)
      if (current.endsOn === null && current.terminationReceivedOn === null) {
        throw new VereinskitError('MEMBERSHIP_NOT_TERMINATED', `Membership ${current.number} has no termination.`)
      }
      await refuseLockedMembershipChanges(tx, current, { endsOn: null })
      await tx.memberships.update(current.id, { endsOn: null, terminationReceivedOn: null, leavingReason: null })
      return view(tx, current.id, context.today)
    }),
}
