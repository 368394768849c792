import { VereinskitError } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { checkUnlocked, type ReferenceConversionSummary } from '@vereinskit/core/sync'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { refusingDuplicates } from '../../storage/rows'
import { applyRun } from '../../runs/apply-run'
import { openCredentials, sealCredentials } from '../member-database/credential-box'
import { restCustomerDirectory, type CustomerDirectory, type ExternalCustomer } from './customer-directory'
import { blankPerson, conversionRunKind } from './conversion-run-kind'

type Routes = typeof contract.customerReferences

async function directoryOf(context: HandlerContext, connection?: { baseUrl: string; token: string }): Promise<CustomerDirectory> {
  const crm = context.integrations.crm
  let resolved = connection
  if (!resolved) {
    const stored = await context.storage.customerReferences.getConnection()
    if (!stored) throw new VereinskitError('CONNECTOR_NOT_CONFIGURED', 'Set up the CRM connection first.')
    resolved = { baseUrl: stored.baseUrl, token: openCredentials<{ token: string }>(crm?.secretKey, stored.credentials).token }
  }
  return unavailableAs502((crm?.connect ?? restCustomerDirectory)(resolved))
}

/** A CRM that does not answer (or answers nonsense) is CONNECTOR_UNAVAILABLE (502), not an internal error. */
function unavailableAs502(directory: CustomerDirectory): CustomerDirectory {
  const guard =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(...args)
      } catch (error) {
        if (error instanceof VereinskitError) throw error
        throw new VereinskitError(
          'CONNECTOR_UNAVAILABLE',
          `The CRM did not answer: ${error instanceof Error ? error.message : String(error)}`,
        )
      }
    }
  return {
    checkCredentials: guard(() => directory.checkCredentials()),
    get: guard((id: string) => directory.get(id)),
    search: guard((text: string) => directory.search(text)),
    ...(directory.extras && { extras: guard((id: string) => directory.extras!(id)) }),
  }
}

const customerView = (c: ExternalCustomer) => ({
  externalId: c.externalId,
  firstName: c.firstName,
  lastName: c.lastName,
  email: c.email,
  phone: c.phone ?? null,
  city: c.city ?? null,
})

async function loadReference(context: HandlerContext, directory: CustomerDirectory, personId: string, externalId: string) {
  const found = await directory.get(externalId)
  const extras = found && directory.extras ? await directory.extras(externalId) : null
  return {
    personId,
    externalId,
    status: found ? ('available' as const) : ('unavailable' as const),
    customer: found ? customerView(found) : null,
    extras,
  }
}

const previewView = (plan: { idempotencyKey: string; asOf: string; summary: ReferenceConversionSummary }) => ({
  idempotencyKey: plan.idempotencyKey,
  asOf: plan.asOf,
  ...plan.summary,
  lines: plan.summary.lines.map((l) => ({ ...l, differs: 'differs' in l ? [...l.differs] : undefined })),
})

export const customerReferenceHandlers: RouteHandlers<Routes> = {
  async connect({ body }, context) {
    const sealed = sealCredentials(context.integrations.crm?.secretKey, { token: body.token })
    // The token first (REF-08, REF-10): a connection that cannot be used is not stored.
    const valid = await (await directoryOf(context, body)).checkCredentials()
    if (!valid) throw new VereinskitError('CONNECTOR_CREDENTIALS_INVALID', 'The CRM refused the token.')
    await context.storage.customerReferences.saveConnection(body.baseUrl, sealed)
    return { baseUrl: body.baseUrl, credentialsStored: true as const }
  },
  async connection(_, { storage }) {
    const stored = await storage.customerReferences.getConnection()
    if (!stored) throw new VereinskitError('CONNECTOR_NOT_CONFIGURED', 'No CRM connection is set up.')
    return { baseUrl: stored.baseUrl, credentialsStored: true as const }
  },
  async search({ query }, context) {
    const directory = await directoryOf(context)
    const found = await directory.search(query.q)
    const items = []
    for (const c of found)
      items.push({ ...customerView(c), personId: (await context.storage.customerReferences.referenceTo(c.externalId))?.personId ?? null })
    return { items }
  },
  async reference({ body }, context) {
    const directory = await directoryOf(context)
    if (!(await directory.get(body.externalId))) throw new VereinskitError('REFERENCE_NOT_FOUND', 'The CRM has no such customer.')
    const personId = await context.storage.transaction(async (tx) => {
      const existing = await tx.customerReferences.referenceTo(body.externalId)
      if (existing) return existing.personId
      const created = await tx.people.create(blankPerson, { actor: context.actor, at: context.clock.now() }, { asContact: false })
      await tx.customerReferences.addLink(created.id, body.externalId, 'reference')
      return created.id
    })
    return loadReference(context, directory, personId, body.externalId)
  },
  async load({ params }, context) {
    const linked = await context.storage.customerReferences.linkOf(params.personId)
    if (!linked || linked.kind !== 'reference') throw notFound('PERSON_NOT_FOUND', 'Reference', params.personId)
    return loadReference(context, await directoryOf(context), linked.personId, linked.externalId)
  },
  async recordCopy({ body }, { storage }) {
    if (!(await storage.people.get(body.personId))) throw notFound('PERSON_NOT_FOUND', 'Person', body.personId)
    // A converted copy loses its data: a member synced from a parent is the parent's to convert (UMB-12).
    const link = await storage.memberSyncs.personLink(body.personId)
    if (link) checkUnlocked('person', ['lastName'], link)
    // Converting erases the copy's data, which would erase it for every organisation that shares the person.
    if (await storage.customerReferences.knownElsewhere(body.personId)) {
      throw new VereinskitError('PERSON_SHARED', 'Other organisations know this person too; record a person of your own as the CRM copy.')
    }
    await refusingDuplicates('The person is linked to a CRM customer already.', () =>
      storage.customerReferences.addLink(body.personId, body.externalId, 'copy'),
    )
    return { personId: body.personId, externalId: body.externalId }
  },
  async previewConversion(_, context) {
    const kind = conversionRunKind(await directoryOf(context))
    return previewView(await kind.plan(context.storage, {}, context))
  },
  async convert({ body }, context) {
    const kind = conversionRunKind(await directoryOf(context))
    const run = await applyRun(context.storage, kind, {}, body.idempotencyKey, context)
    return {
      ...previewView({ idempotencyKey: run.idempotencyKey, asOf: run.asOf, summary: run.summary }),
      runId: run.id,
      appliedAt: new Date(run.createdAt).toISOString(),
    }
  },
  async reviewList(_, { storage }) {
    const items = []
    for (const linked of await storage.customerReferences.links('local')) {
      if (linked.reviewedAt) continue
      const person = await storage.people.get(linked.personId)
      items.push({
        personId: linked.personId,
        externalId: linked.externalId,
        name: person ? `${person.firstName} ${person.lastName}`.trim() : '',
        reason: linked.reviewReason ?? '',
      })
    }
    return { items }
  },
  async settleReview({ params, body }, context) {
    return context.storage.transaction(async (tx) => {
      if (!(await tx.customerReferences.markReviewed(params.personId, context.clock.now()))) {
        throw notFound('PERSON_NOT_FOUND', 'Review entry', params.personId)
      }
      if (body.decision === 'anonymise') {
        const anonymous = {
          ...blankPerson,
          lastName: 'Anonymisiert',
          postalAddress: { street: '—', postcode: '—', city: '—', country: 'DE' },
        }
        await tx.people.erase(
          params.personId,
          anonymous,
          { actor: context.actor, at: context.clock.now() },
          'anonymised after the GDPR review',
        )
      }
      return { personId: params.personId, decision: body.decision }
    })
  },
}
