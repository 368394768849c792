import { ValidationError } from '@vereinskit/core'
import { checkSearchInput, compileSearch, completePerson, type DuplicateProbe } from '@vereinskit/core/people'
import type { contract, DuplicateProbeInput } from '@vereinskit/core/contract'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { changePerson } from './change-person'
import { readSearchCursor, searchCursorAfter } from './search-cursor'
import { findDuplicatePersons, probeOf, refuseDuplicates } from './find-duplicates'
import { auditEntryView, personView } from './person-view'
import type { SearchHitRecord } from './people-store'
import type { PersonSearchRequest } from '@vereinskit/core/contract'

function probeFromInput(input: DuplicateProbeInput): DuplicateProbe {
  return {
    lastName: input.lastName,
    firstName: input.firstName,
    company: input.company ?? null,
    dateOfBirth: input.dateOfBirth ?? null,
    email: input.email ?? null,
    street: input.postalAddress?.street ?? null,
    postcode: input.postalAddress?.postcode ?? null,
    ibans: input.iban ? [input.iban.replace(/\s+/g, '').toUpperCase()] : [],
  }
}

/** Runs a search request: the club's wildcard setting, today unless `asOf`, `truncated` from one row more. */
export async function runSearch(
  request: PersonSearchRequest,
  { storage, today }: HandlerContext,
): Promise<{ items: SearchHitRecord[]; truncated: boolean; nextCursor: string | null }> {
  const settings = await storage.finance.getSettings()
  const options = { wildcards: settings.searchWildcards }
  const issues = checkSearchInput(request.criteria, options)
  if (issues.length > 0) throw new ValidationError(issues)
  const rows = await storage.people.search(compileSearch(request.criteria, options), {
    asOf: request.asOf ?? today,
    limit: request.limit,
    includeArchived: request.includeArchived,
    filters: request.filters,
    after: request.cursor === undefined ? undefined : readSearchCursor(request.cursor),
  })
  const items = rows.slice(0, request.limit)
  const truncated = rows.length > request.limit
  return { items, truncated, nextCursor: truncated ? searchCursorAfter(items.at(-1)!) : null }
}

async function view(context: HandlerContext, personId: string) {
  const person = await context.storage.people.get(personId)
  if (!person) throw notFound('PERSON_NOT_FOUND', 'Person', personId)
  // A child sees the parent's memo of a synced member only when its link syncs the notes (O1).
  const link = await context.storage.memberSyncs.personLink(personId)
  const shown = link && !link.notes ? { ...person, notes: null } : person
  return personView(shown, await context.storage.people.places(personId), context.today)
}

/** The shared address book as staff of one organisation use it. */
export const peopleHandlers: RouteHandlers<typeof contract.persons> = {
  search: ({ body }, context) => runSearch(body, context),

  create: ({ body }, context) =>
    context.storage.transaction(async (tx) => {
      const person = completePerson(body.person)
      if (!body.ignoreDuplicates) refuseDuplicates(await findDuplicatePersons(tx, probeOf(person), 'interactive'))
      const created = await tx.people.create(person, { actor: context.actor, at: context.clock.now() }, { asContact: true })
      return personView(created, [], context.today)
    }),

  get: ({ params }, context) => view(context, params.personId),

  async update({ params, body }, context) {
    await changePerson(context.storage, params.personId, body, { actor: context.actor, at: context.clock.now() })
    return view(context, params.personId)
  },

  async audit({ params }, { storage, organisation }) {
    if (!(await storage.people.get(params.personId))) throw notFound('PERSON_NOT_FOUND', 'Person', params.personId)
    return { items: (await storage.people.auditLog(params.personId)).map((l) => auditEntryView(l, organisation.id)) }
  },

  async duplicates({ body }, { storage }) {
    const found = await findDuplicatePersons(storage, probeFromInput(body.person), body.mode)
    return { candidates: found.map((c) => ({ ...c, dateOfBirth: c.dateOfBirth ?? null, fields: [...c.fields] })) }
  },
}
