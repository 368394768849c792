import {
  ValidationError,
  checkApplication,
  decideApplication,
  generateMandateReference,
  isGroupOffered,
  nextMembershipNumber,
  onlineOffer,
} from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { inSequence } from '../storage/in-sequence'
import type { HandlerContext, RouteHandlers } from '../http/route-handler'
import { notFound } from '../http/not-found-error'

/** Groups a website may offer today: flagged for online use, and every class in them valid (L5204). */
async function groupsOfferedOnline({ storage, organisation, today }: HandlerContext) {
  const [groups, items, feeClasses] = await inSequence(
    () => storage.feeClassGroups.list(organisation.id),
    () => storage.finance.listGroupItems(organisation.id),
    () => storage.finance.listFeeClasses(organisation.id),
  )
  return groups.filter((g) => g.offeredOnline && isGroupOffered({ items: items.filter((i) => i.groupId === g.id) }, feeClasses, today))
}

/** Online membership applications: public form and submission, staff review. */
export const applicationHandlers: RouteHandlers<typeof contract.applications> = {
  async form(_input, context) {
    const { organisation } = context
    const groups = await groupsOfferedOnline(context)
    const settings = await context.storage.finance.getSettings(organisation.id)
    return {
      organisationId: organisation.id,
      organisationName: organisation.name,
      creditorId: organisation.creditorId,
      privacyNoticeUrl: organisation.privacyNoticeUrl,
      feeClassGroups: groups.map(({ id, name, description }) => ({ id, name, description })),
      defaultFeeClassGroupId: groups.find((g) => g.isDefault)?.id ?? null,
      ...onlineOffer({
        groupsOfferedOnline: groups.length,
        privacyNoticeUrl: organisation.privacyNoticeUrl,
        creditorId: organisation.creditorId,
        settings,
      }),
    }
  },

  async submit({ body }, context) {
    const { storage, organisation, today } = context
    const offered = await groupsOfferedOnline(context)
    const issues = checkApplication(body, {
      asOf: today,
      offeredFeeGroupIds: offered.map((g) => g.id),
      acceptsMandates: organisation.creditorId !== null,
    })
    if (issues.length > 0) throw new ValidationError(issues)
    const application = await storage.applications.insert(organisation.id, body, { submittedAt: context.clock.now(), submittedOn: today })
    return { id: application.id, status: 'pending', submittedAt: application.submittedAt }
  },

  list: ({ query }, { storage, organisation }) => storage.applications.list(organisation.id, query),

  async get({ params }, { storage, organisation }) {
    const application = await storage.applications.get(organisation.id, params.applicationId)
    if (!application) throw notFound('APPLICATION_NOT_FOUND', 'Application', params.applicationId)
    return application
  },

  accept: ({ params, body }, { storage, organisation: { id: organisationId }, today, clock }) =>
    storage.transaction(async (tx) => {
      const application = await tx.applications.getForUpdate(organisationId, params.applicationId)
      if (!application) throw notFound('APPLICATION_NOT_FOUND', 'Application', params.applicationId)
      decideApplication(application.id, application.status, 'accept')

      // Locking the organisation row serialises number assignment across concurrent acceptances.
      const organisation = (await tx.organisations.getForUpdate(organisationId))!
      const range = organisation.membershipNumberRange
      const number = nextMembershipNumber(range, await tx.memberships.lowestFreeNumber(organisationId, range.from))
      const { submission } = application
      const person = await tx.persons.create(submission)
      const joinedOn = body.joinedOn ?? today
      const membership = await tx.memberships.create(organisationId, {
        personId: person.id,
        number,
        feeClassGroupId: submission.feeClassGroupId,
        joinedOn,
        paymentMethod: submission.mandate && organisation.creditorId ? 'direct-debit' : 'invoice',
      })
      // The chosen group decides the fee classes (and their amounts) the new member starts with (register §11.7.21).
      const groupItems = (await tx.finance.listGroupItems(organisationId)).filter((i) => i.groupId === submission.feeClassGroupId)
      for (const item of groupItems) {
        await tx.assignments.create(organisationId, {
          membershipId: membership.id,
          feeClassId: item.feeClassId,
          validFrom: joinedOn,
          validUntil: null,
          paymentPlanId: null,
          amount: item.amount,
        })
      }
      const mandate =
        submission.mandate && organisation.creditorId
          ? await tx.memberships.createMandate(organisationId, {
              personId: person.id,
              membershipId: membership.id,
              reference: generateMandateReference(organisation.mandateReferencePrefix, number, 1),
              accountHolder: submission.mandate.accountHolder,
              iban: submission.mandate.iban,
              bic: submission.mandate.bic ?? null,
              creditorId: organisation.creditorId,
              // The applicant signed the mandate by submitting the form: that day, as the clock saw it then.
              signedOn: application.submittedOn,
            })
          : null
      const accepted = await tx.applications.markAccepted(
        organisationId,
        application.id,
        {
          personId: person.id,
          membershipId: membership.id,
        },
        clock.now(),
      )
      return { application: accepted, membership, mandate }
    }),

  reject: ({ params, body }, { storage, organisation, clock }) =>
    storage.transaction(async (tx) => {
      const application = await tx.applications.getForUpdate(organisation.id, params.applicationId)
      if (!application) throw notFound('APPLICATION_NOT_FOUND', 'Application', params.applicationId)
      decideApplication(application.id, application.status, 'reject')
      return tx.applications.markRejected(organisation.id, application.id, body.reason ?? null, clock.now())
    }),
}
