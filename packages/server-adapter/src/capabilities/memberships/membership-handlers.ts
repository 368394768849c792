import { ValidationError } from '@vereinskit/core'
import { checkMembershipEnd } from '@vereinskit/core/members'
import type { contract } from '@vereinskit/core/contract'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { membershipView } from './membership-view'

/** Memberships as their organisation's staff see them. */
export const membershipHandlers: RouteHandlers<typeof contract.memberships> = {
  async get({ params }, { storage }) {
    const membership = await storage.memberships.get(params.membershipId)
    if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
    return membershipView(membership)
  },
  async update({ params, body }, { storage }) {
    if (body.endsOn !== undefined) {
      const current = await storage.memberships.get(params.membershipId)
      if (!current) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
      const issues = checkMembershipEnd(current.joinedOn, body.endsOn)
      if (issues.length > 0) throw new ValidationError(issues)
    }
    const found = await storage.memberships.update(params.membershipId, body)
    if (!found) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
    return membershipView((await storage.memberships.get(params.membershipId))!)
  },
}
