import { ValidationError, VereinskitError } from '@vereinskit/core'
import { isGroupOffered } from '@vereinskit/core/fees'
import { checkNewMainMember } from '@vereinskit/core/members'
import { completePerson, type PersonInput } from '@vereinskit/core/people'
import type { contract } from '@vereinskit/core/contract'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { findDuplicatePersons, refuseDuplicates } from '../people/find-duplicates'
import { probeOf } from '../people/find-duplicates'
import { planCharges } from '../charge-runs/charge-run-kind'
import { postingRow } from '../ledger/posting-row'
import { settleAccounts } from '../ledger/settle-accounts'
import { attachPerson } from './membership-person-handlers'
import { view } from './membership-handlers'
import { nextFreeMembershipNumber } from './next-free-membership-number'
import { assignGroupClasses } from '../fee-assignments/assign-group-classes'

/**
 * The person of a capture: an existing connected one, or a new record after the duplicate check. Persons recorded
 * earlier in the same capture (the main member, a partner) are the user's own input, never duplicates of it.
 */
async function personFor(
  tx: OrganisationStorage,
  context: HandlerContext,
  input: { person?: PersonInput | undefined; existingPersonId?: string | undefined },
  duplicates: { check: boolean; recordedHere: Set<string> },
): Promise<string> {
  if (input.existingPersonId) {
    if (!(await tx.people.get(input.existingPersonId))) throw notFound('PERSON_NOT_FOUND', 'Person', input.existingPersonId)
    return input.existingPersonId
  }
  const person = completePerson(input.person!)
  if (duplicates.check) {
    const found = await findDuplicatePersons(tx, probeOf(person), 'interactive')
    refuseDuplicates(found.filter((c) => !duplicates.recordedHere.has(c.personId)))
  }
  const created = await tx.people.create(person, { actor: context.actor, at: context.clock.now() }, { asContact: false })
  duplicates.recordedHere.add(created.id)
  return created.id
}

/** Books the group's charges due on the joining day and their cash payment (Sofortzahlung, handbook §8.1 rule 9). */
async function bookImmediatePayment(tx: OrganisationStorage, context: HandlerContext, membershipId: string, joinedOn: string) {
  const settings = await tx.finance.getSettings()
  const cash = settings.cashAccountId ? (await tx.finance.listAccounts()).find((a) => a.id === settings.cashAccountId) : undefined
  if (!cash || cash.type !== 'cash') {
    throw new VereinskitError(
      'CASH_ACCOUNT_NOT_SET',
      'Set the cash account (cashAccountId, gKontoBar, an account of type cash) in the club settings.',
    )
  }
  const charges = (await planCharges(tx, joinedOn)).charges.filter((c) => c.membershipId === membershipId)
  const total = charges.reduce((sum, c) => sum + c.amount, 0)
  if (total === 0) return 0
  await tx.ledger.insertPostings([
    ...charges.map((c) =>
      postingRow({
        membershipId,
        accountId: c.accountId,
        date: c.date,
        amount: -c.amount,
        text: c.text,
        kind: 'charge',
        chargeKey: c.chargeKey,
        chargeAssignmentId: c.assignmentId,
        chargeYear: c.year,
        createdBy: context.actor,
      }),
    ),
    postingRow({
      membershipId,
      accountId: cash.id,
      date: joinedOn,
      amount: total,
      text: 'Sofortzahlung',
      kind: 'payment',
      createdBy: context.actor,
    }),
  ])
  await settleAccounts(tx, [membershipId])
  return total
}

/** Member capture (Mitglied erfassen, handbook §8.1) in one transaction: everything or nothing. */
export const captureHandlers: Pick<RouteHandlers<typeof contract.memberships>, 'capture'> = {
  capture: ({ body }, context) =>
    context.storage.transaction(async (tx) => {
      const joinedOn = body.joinedOn ?? context.today
      for (const id of [body.recruitedByPersonId, body.alternatePayerPersonId]) {
        if (id && !(await tx.people.get(id))) throw notFound('PERSON_NOT_FOUND', 'Person', id)
      }
      let groupItems: { feeClassId: string; amount: number | null }[] = []
      if (body.feeClassGroupId) {
        const group = (await tx.feeClassGroups.list()).find((g) => g.id === body.feeClassGroupId)
        if (!group) throw notFound('FEE_CLASS_GROUP_NOT_FOUND', 'Fee-class group', body.feeClassGroupId)
        const items = (await tx.finance.listGroupItems()).filter((i) => i.groupId === group.id)
        // From MIA 5.4.0 a group with an invalid class is not offered at capture (handbook §8.1 rule 13).
        if (!isGroupOffered({ items }, await tx.finance.listFeeClasses(), joinedOn)) {
          throw new VereinskitError(
            'FEE_CLASS_GROUP_NOT_OFFERED',
            `Fee-class group "${group.name}" has a class that is not valid on ${joinedOn}.`,
          )
        }
        groupItems = items
      }
      const duplicates = { check: !body.ignoreDuplicates, recordedHere: new Set<string>() }
      const personId = await personFor(tx, context, body, duplicates)
      const mainIssues = checkNewMainMember(
        personId,
        await tx.memberships.placesOf(personId),
        joinedOn,
        body.alternatePayerPersonId ?? null,
      )
      if (mainIssues.length > 0) throw new ValidationError(mainIssues)
      const number = await nextFreeMembershipNumber(tx)
      const created = await tx.memberships.create({
        personId,
        number,
        feeClassGroupId: body.feeClassGroupId ?? null,
        joinedOn,
        paymentMethod: body.paymentMethod,
        joiningReason: body.joiningReason ?? null,
        membershipType: body.membershipType ?? null,
        recruitedByPersonId: body.recruitedByPersonId ?? null,
        alternatePayerPersonId: body.alternatePayerPersonId ?? null,
        previousAssociation: body.previousAssociation ?? null,
      })
      // "Nur in unserem System" (MIDA-06): withdrawn in the same transaction, so nothing is ever sent.
      if (body.memberDatabase === 'local-only') await tx.memberDatabase.setMode(created.id, 'local-only')
      await assignGroupClasses(tx, created.id, groupItems, joinedOn)
      const attached = []
      for (const a of body.attached) {
        const attachedPersonId = await personFor(tx, context, a, duplicates)
        const membership = (await tx.memberships.get(created.id))!
        const { id } = await attachPerson(
          tx,
          membership,
          { personId: attachedPersonId, role: a.role, joinedOn: a.joinedOn ?? joinedOn },
          { justRecorded: !a.existingPersonId },
        )
        attached.push({ attachmentId: id, personId: attachedPersonId, role: a.role })
      }
      const immediatePayment = body.immediatePayment ? await bookImmediatePayment(tx, context, created.id, joinedOn) : null
      // O7: a member a child records is created in the parent too (and becomes the parent's synced copy here).
      await tx.memberSyncs.promoteToParent(created.id)
      return { membership: await view(tx, created.id, context.today), attached, immediatePayment }
    }),
}
