import { VereinskitError } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { lockedFieldsFor } from '@vereinskit/core/sync'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { requireChild } from '../organisation-structure/structure-handlers'
import { importSyncs } from './import-syncs'

type Routes = typeof contract.memberSyncs

export const memberSyncHandlers: RouteHandlers<Routes> = {
  async sync({ params, body }, context) {
    const child = await requireChild(context, body.childId)
    return context.storage.transaction(async (tx) => {
      if (!(await tx.memberships.lock(params.membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
      const childMembershipId = await tx.memberSyncs.copyInto(params.membershipId, child.id)
      return { childId: child.id, childName: child.name, childMembershipId }
    })
  },
  async list({ params }, { storage }) {
    if (!(await storage.memberships.get(params.membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
    return { items: await storage.memberSyncs.copiesOf(params.membershipId) }
  },
  async remove({ params }, { storage }) {
    if (!(await storage.memberships.get(params.membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
    const childMembershipId = await storage.transaction((tx) => tx.memberSyncs.release(params.membershipId, params.childId))
    if (!childMembershipId) throw new VereinskitError('MEMBER_SYNC_NOT_FOUND', `The member is not synced to ${params.childId}.`)
    return { childMembershipId }
  },
  async syncedMember({ params }, { storage, today }) {
    const source = await storage.memberSyncs.sourceOf(params.membershipId)
    if (!source) throw new VereinskitError('MEMBER_SYNC_NOT_FOUND', `Membership ${params.membershipId} is no synced copy here.`)
    const data = await storage.memberSyncs.parentData(source, today)
    const { options } = source
    return {
      membershipId: params.membershipId,
      parent: { id: source.parentId, name: source.parentName, membershipId: source.parentMembershipId },
      options,
      lockedFields: {
        person: [...lockedFieldsFor('person', options)],
        membership: [...lockedFieldsFor('membership', options)],
        mandate: [...lockedFieldsFor('mandate', options)],
      },
      notes: options.notes ? data.notes : null,
      invoices: options.invoices ? data.invoices : null,
      events: options.events ? data.events.map((e) => ({ ...e, at: e.at.toISOString() })) : null,
      groups: options.groupMemberships ? data.groups : null,
    }
  },
  importSyncs: (input, context) => importSyncs(context, input.body),
}
