import { ValidationError, VereinskitError } from '@vereinskit/core'
import { checkAttachment, takeoverDate } from '@vereinskit/core/members'
import type { contract } from '@vereinskit/core/contract'
import type { CalendarDate } from '@vereinskit/core'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { changeableMembership, view } from './membership-handlers'
import { refuseLockedMembershipChanges } from './locked-membership-fields'
import { nextFreeMembershipNumber } from './next-free-membership-number'
import type { MembershipRecord } from './membership-store'

/** Attaches a person connected to the organisation as P or L after the handbook's checks (§11.6 rules 19–24). */
export async function attachPerson(
  tx: OrganisationStorage,
  membership: MembershipRecord,
  input: { personId: string; role: 'partner' | 'beneficiary'; joinedOn: CalendarDate },
  options: { justRecorded?: boolean } = {},
): Promise<{ id: string }> {
  // A person recorded in the same capture is connected by this very attachment.
  if (!options.justRecorded && !(await tx.people.get(input.personId))) throw notFound('PERSON_NOT_FOUND', 'Person', input.personId)
  const issues = checkAttachment(
    { id: membership.id, mainPersonId: membership.person.id, joinedOn: membership.joinedOn, endsOn: membership.endsOn },
    input.personId,
    await tx.memberships.placesOf(input.personId),
    input.joinedOn,
  )
  if (issues.length > 0) throw new ValidationError(issues)
  return tx.memberships.attach(membership.id, input)
}

type Handlers = Pick<RouteHandlers<typeof contract.memberships>, 'attach' | 'detach' | 'takeover'>

/** Partners (P) and beneficiaries (L) of a membership, and the takeover "P übernimmt H". */
export const membershipPersonHandlers: Handlers = {
  attach: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const membership = await changeableMembership(tx, params.membershipId)
      await attachPerson(tx, membership, { ...body, joinedOn: body.joinedOn ?? context.today })
      return view(tx, membership.id, context.today)
    }),

  detach: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const membership = await changeableMembership(tx, params.membershipId)
      const attachment = membership.attached.find((a) => a.id === params.attachmentId)
      if (!attachment) throw notFound('ATTACHMENT_NOT_FOUND', 'Attachment', params.attachmentId)
      if (body.leftOn < attachment.joinedOn) {
        throw new ValidationError([{ path: 'leftOn', code: 'before-joining', message: `The person joined on ${attachment.joinedOn}.` }])
      }
      await tx.memberships.endAttachment(membership.id, attachment.id, body.leftOn)
      return view(tx, membership.id, context.today)
    }),

  /**
   * P übernimmt H (handbook §11.6 rules 54–64): the old membership ends on the leaving day with the reason; the
   * partner's attachment ends with it; the partner becomes main member of a new membership (next free number)
   * from the next day, with payment method carried over and no fee classes (they are assigned again).
   */
  takeover: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const old = await changeableMembership(tx, params.membershipId)
      const partner = old.attached.find((a) => a.id === body.attachmentId && a.role === 'partner')
      if (!partner || (partner.leftOn !== null && partner.leftOn < body.leavingOn)) {
        throw notFound('ATTACHMENT_NOT_FOUND', 'Partner member', body.attachmentId)
      }
      if (body.leavingOn < old.joinedOn || body.leavingOn < partner.joinedOn) {
        throw new ValidationError([
          {
            path: 'leavingOn',
            code: 'before-joining',
            message: `The membership began on ${old.joinedOn}, the partner joined on ${partner.joinedOn}.`,
          },
        ])
      }
      if (old.endsOn !== null && old.endsOn < body.leavingOn) {
        throw new VereinskitError('VALIDATION_FAILED', `The membership ended on ${old.endsOn} already.`, {
          issues: [{ path: 'leavingOn', code: 'after-end', message: `The membership ended on ${old.endsOn}.` }],
        })
      }
      await refuseLockedMembershipChanges(tx, old, { endsOn: body.leavingOn })
      const number = await nextFreeMembershipNumber(tx)
      await tx.memberships.update(old.id, { endsOn: body.leavingOn, leavingReason: body.leavingReason })
      await tx.memberships.endAttachment(old.id, partner.id, body.leavingOn)
      const created = await tx.memberships.create({
        personId: partner.personId,
        number,
        feeClassGroupId: null,
        joinedOn: takeoverDate(body.leavingOn),
        paymentMethod: old.paymentMethod === 'direct-debit' ? 'invoice' : old.paymentMethod,
        takenOverFromMembershipId: old.id,
      })
      return view(tx, created.id, context.today)
    }),
}
