import { ValidationError } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import type { HandlerContext, RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import { runSearch } from './people-handlers'
import { resultListCsv, resultListXlsx } from './result-list-exports'
import type { ResultListRecord } from './result-list-store'

async function mustGet(context: HandlerContext, listId: string): Promise<ResultListRecord> {
  const list = await context.storage.resultLists.get(listId, context.actor)
  if (!list) throw notFound('RESULT_LIST_NOT_FOUND', 'Result list', listId)
  return list
}

const summary = (list: ResultListRecord, actor: string) => ({
  id: list.id,
  name: list.name,
  shared: list.shared,
  mine: list.owner === actor,
  entries: list.entries,
  createdAt: list.createdAt.toISOString(),
})

/** Result lists: personal or shared; archived memberships never go on one (handbook §4.1 rule 19). */
export const resultListHandlers: RouteHandlers<typeof contract.resultLists> = {
  async list(_input, { storage, actor }) {
    return { items: (await storage.resultLists.visibleTo(actor)).map((l) => summary(l, actor)) }
  },
  async create({ body }, { storage, actor }) {
    return summary(await storage.resultLists.create({ ...body, owner: actor }), actor)
  },
  async get({ params }, context) {
    const list = await mustGet(context, params.listId)
    const items = await context.storage.resultLists.entries(list.id, context.today)
    return { ...summary(list, context.actor), items }
  },
  async remove({ params }, context) {
    await context.storage.resultLists.remove((await mustGet(context, params.listId)).id)
    return { deleted: true as const }
  },
  add: ({ params, body }, context) =>
    context.storage.transaction(async (tx) => {
      const scoped = { ...context, storage: tx }
      const list = await mustGet(scoped, params.listId)
      let candidates: { personId: string; membershipId: string | null; archived: boolean }[]
      if (body.search) {
        // The whole result goes on the list, not one page of it: up to 5,000 rows, else refine the search.
        const { items, truncated } = await runSearch({ ...body.search, includeArchived: true, limit: 5000 }, scoped)
        if (truncated) {
          throw new ValidationError([
            { path: 'search', code: 'too-many-results', message: 'More than 5,000 rows match; narrow the search.' },
          ])
        }
        candidates = items
      } else {
        const entries = body.entries ?? []
        const places = await tx.resultLists.places(
          entries.flatMap((e) => (e.membershipId ? [{ personId: e.personId, membershipId: e.membershipId }] : [])),
        )
        candidates = []
        for (const e of entries) {
          if (e.membershipId) {
            const place = places.get(`${e.personId}|${e.membershipId}`)
            if (!place) throw notFound('PERSON_NOT_FOUND', 'Person in membership', `${e.personId}/${e.membershipId}`)
            candidates.push({ ...e, archived: place.archived })
          } else {
            if (!(await tx.people.get(e.personId))) throw notFound('PERSON_NOT_FOUND', 'Person', e.personId)
            // A former member whose every membership is archived is not put on a list as a bare person either.
            const held = await tx.people.places(e.personId)
            candidates.push({ ...e, archived: held.length > 0 && held.every((p) => p.archivedOn !== null) })
          }
        }
      }
      const listed = candidates.filter((c) => !c.archived)
      const unique = [...new Map(listed.map((c) => [`${c.personId}|${c.membershipId}`, c])).values()]
      const added = await tx.resultLists.addEntries(
        list.id,
        unique.map((c) => ({ personId: c.personId, membershipId: c.membershipId })),
      )
      return { added, alreadyListed: listed.length - added, skippedArchived: candidates.length - listed.length }
    }),
  async removeEntry({ params }, context) {
    const list = await mustGet(context, params.listId)
    if (!(await context.storage.resultLists.removeEntry(list.id, params.entryId))) {
      throw notFound('RESULT_LIST_NOT_FOUND', 'Result list entry', params.entryId)
    }
    return { deleted: true as const }
  },
  async exportCsv({ params }, context) {
    const list = await mustGet(context, params.listId)
    return resultListCsv(await context.storage.resultLists.entries(list.id, context.today))
  },
  async exportXlsx({ params }, context) {
    const list = await mustGet(context, params.listId)
    return resultListXlsx(list.name, await context.storage.resultLists.entries(list.id, context.today))
  },
}
