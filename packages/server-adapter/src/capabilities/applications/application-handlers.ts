import { ValidationError } from '@vereinskit/core'
import { checkApplication, decideApplication, onlineOffer, paymentMethodOnAcceptance } from '@vereinskit/core/applications'
import { isGroupOffered } from '@vereinskit/core/fees'
import { nextMembershipNumber } from '@vereinskit/core/members'
import { generateMandateReference, nextMandateReference } from '@vereinskit/core/sepa'
import { mandateOnAcceptance } from '@vereinskit/core/direct-debit'
import type { contract } from '@vereinskit/core/contract'
import { inSequence } from '../../storage/in-sequence'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { applicationView } from './application-view'
import type { ApplicationRecord } from './application-store'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { personFromSubmission } from './person-from-submission'
import { findDuplicatePersons, refuseDuplicates } from '../people/find-duplicates'
import { probeOf } from '../people/find-duplicates'
import { assignGroupClasses } from '../fee-assignments/assign-group-classes'

/** Groups a website may offer today: flagged for online use, and every class in them valid. */
async function groupsOfferedOnline({ storage, organisation, today }: HandlerContext) {
  const [groups, items, feeClasses] = await inSequence(
    () => storage.feeClassGroups.list(),
    () => storage.finance.listGroupItems(),
    () => storage.finance.listFeeClasses(),
  )
  return groups.filter((g) => g.offeredOnline && isGroupOffered({ items: items.filter((i) => i.groupId === g.id) }, feeClasses, today))
}

/** The probe of an applicant for the duplicate check. */
function applicantProbe(submission: ApplicationRecord['submission']) {
  return probeOf(personFromSubmission(submission), submission.mandate ? [submission.mandate.iban] : [])
}

/** A pending application's view with the automatic duplicate check's marker (§8.4 "?"). */
async function withDuplicateMarker(storage: OrganisationStorage, application: ApplicationRecord) {
  const view = applicationView(application)
  if (application.status !== 'pending') return view
  return {
    ...view,
    possibleDuplicate: (await findDuplicatePersons(storage, applicantProbe(application.submission), 'automatic')).length > 0,
  }
}

/** Online membership applications: public form and submission, staff review. */
export const applicationHandlers: RouteHandlers<typeof contract.applications> = {
  async form(_input, context) {
    const { organisation } = context
    const groups = await groupsOfferedOnline(context)
    const settings = await context.storage.finance.getSettings()
    return {
      organisationId: organisation.id,
      organisationName: organisation.name,
      creditorId: organisation.creditorId,
      privacyNoticeUrl: organisation.privacyNoticeUrl,
      feeClassGroups: groups.map(({ id, name, description }) => ({ id, name, description })),
      defaultFeeClassGroupId: groups.find((g) => g.isDefault)?.id ?? null,
      today: context.today,
      timeZone: organisation.timeZone,
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
    const application = await storage.applications.insert(body, { submittedAt: context.clock.now(), submittedOn: today })
    return { id: application.id, status: 'pending', submittedAt: application.submittedAt.toISOString() }
  },

  async list({ query }, { storage }) {
    const page = await storage.applications.list(query)
    const items = []
    for (const application of page.items) items.push(await withDuplicateMarker(storage, application))
    return { items, nextCursor: page.nextCursor }
  },

  async get({ params }, { storage }) {
    const application = await storage.applications.get(params.applicationId)
    if (!application) throw notFound('APPLICATION_NOT_FOUND', 'Application', params.applicationId)
    return withDuplicateMarker(storage, application)
  },

  accept: ({ params, body }, { storage, today, clock, actor }) =>
    storage.transaction(async (tx) => {
      const application = await tx.applications.getForUpdate(params.applicationId)
      if (!application) throw notFound('APPLICATION_NOT_FOUND', 'Application', params.applicationId)
      decideApplication(application.id, application.status, 'accept')

      // Locking the organisation row serialises number assignment across concurrent acceptances.
      const organisation = await tx.organisation.getForUpdate()
      const range = organisation.membershipNumberRange
      const number = nextMembershipNumber(range, await tx.memberships.lowestFreeNumber(range.from))
      const { submission } = application
      // An existing person must be connected to this organisation; otherwise the duplicate check guards the intake.
      const existing = body.existingPersonId ? await tx.people.get(body.existingPersonId) : undefined
      if (body.existingPersonId && !existing) throw notFound('PERSON_NOT_FOUND', 'Person', body.existingPersonId)
      const newPerson = personFromSubmission(submission)
      if (!existing && !body.ignoreDuplicates) {
        refuseDuplicates(
          await findDuplicatePersons(tx, probeOf(newPerson, submission.mandate ? [submission.mandate.iban] : []), 'interactive'),
        )
      }
      const person = existing ?? (await tx.people.create(newPerson, { actor, at: clock.now() }, { asContact: false }))
      const joinedOn = body.joinedOn ?? today
      const membership = await tx.memberships.create({
        personId: person.id,
        number,
        feeClassGroupId: submission.feeClassGroupId,
        joinedOn,
        paymentMethod: paymentMethodOnAcceptance(submission, organisation),
      })
      // The chosen group decides the fee classes (and their amounts) the new member starts with (handbook §11.7.21).
      const groupItems = (await tx.finance.listGroupItems()).filter((i) => i.groupId === submission.feeClassGroupId)
      await assignGroupClasses(tx, membership.id, groupItems, joinedOn)
      // The five mandate rules for an existing person (handbook §8.4): a new mandate only when there is none, only
      // expired ones, or the application's bank details differ from the current one.
      const known = existing ? await tx.mandates.mandates([person.id]) : []
      const decision = existing
        ? mandateOnAcceptance(
            submission.mandate
              ? { iban: submission.mandate.iban, bic: submission.mandate.bic ?? null, accountHolder: submission.mandate.accountHolder }
              : null,
            known,
            await tx.mandates.collections(known.map((m) => m.id)),
            today,
          )
        : null
      const stem = generateMandateReference(organisation.mandateReferencePrefix, number, 0).slice(0, -1)
      const reference = async () =>
        nextMandateReference(organisation.mandateReferencePrefix, number, await tx.mandates.referencesStartingWith(stem))
      const mandate =
        submission.mandate && organisation.creditorId && (decision === null || decision.action === 'create')
          ? await tx.memberships.createMandate({
              personId: person.id,
              membershipId: membership.id,
              reference: await reference(),
              accountHolder: submission.mandate.accountHolder,
              iban: submission.mandate.iban,
              bic: submission.mandate.bic ?? null,
              creditorId: organisation.creditorId,
              // The applicant signed the mandate by submitting the form: that day, as the clock saw it then.
              signedOn: application.submittedOn,
              validFrom: application.submittedOn,
            })
          : null
      // O7: a member a child admits is created in the parent too (and becomes the parent's synced copy here).
      await tx.memberSyncs.promoteToParent(membership.id)
      const accepted = await tx.applications.markAccepted(
        application.id,
        {
          personId: person.id,
          membershipId: membership.id,
        },
        clock.now(),
      )
      return {
        application: applicationView(accepted),
        membership,
        mandate,
        mandateDecision: decision ? { action: decision.action, reason: decision.reason } : null,
      }
    }),

  async duplicates({ params }, { storage }) {
    const application = await storage.applications.get(params.applicationId)
    if (!application) throw notFound('APPLICATION_NOT_FOUND', 'Application', params.applicationId)
    const { submission } = application
    const found = await findDuplicatePersons(storage, applicantProbe(submission), 'interactive')
    return { candidates: found.map((c) => ({ ...c, dateOfBirth: c.dateOfBirth ?? null, fields: [...c.fields] })) }
  },

  reject: ({ params, body }, { storage, clock }) =>
    storage.transaction(async (tx) => {
      const application = await tx.applications.getForUpdate(params.applicationId)
      if (!application) throw notFound('APPLICATION_NOT_FOUND', 'Application', params.applicationId)
      decideApplication(application.id, application.status, 'reject')
      return applicationView(await tx.applications.markRejected(application.id, body.reason ?? null, clock.now()))
    }),
}
