import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import { resultListEntries, resultLists } from './people-schema'
import { connectedTo } from './person-connections'
import type { ResultListRecord, ResultListStore } from './result-list-store'

type ListRow = { id: string; name: string; owner: string; shared: boolean; created_at: Date | string; entries: string }

const listRecord = (r: ListRow): ResultListRecord => ({
  id: r.id,
  name: r.name,
  owner: r.owner,
  shared: r.shared,
  createdAt: new Date(r.created_at),
  entries: Number(r.entries),
})

/** Result lists in PostgreSQL. */
export function createResultListStore(db: Database, organisationId: string): ResultListStore {
  const lists = (where: ReturnType<typeof sql>) =>
    rowsOf<ListRow>(
      db,
      sql`select l.id, l.name, l.owner, l.shared, l.created_at,
                 (select count(*) from result_list_entries e where e.list_id = l.id)::text as entries
            from result_lists l where l.organisation_id = ${organisationId} and ${where}
           order by l.created_at, l.id`,
    )
  return {
    async visibleTo(owner) {
      return (await lists(sql`(l.shared or l.owner = ${owner})`)).map(listRecord)
    },
    async get(listId, owner) {
      if (!isUuid(listId)) return undefined
      const [row] = await lists(sql`l.id = ${listId} and (l.shared or l.owner = ${owner})`)
      return row && listRecord(row)
    },
    async create(list) {
      const [row] = await db
        .insert(resultLists)
        .values({ organisationId, ...list })
        .returning()
      return { ...row!, entries: 0 }
    },
    async remove(listId) {
      await db.delete(resultLists).where(and(eq(resultLists.organisationId, organisationId), eq(resultLists.id, listId)))
    },
    async addEntries(listId, entries) {
      if (entries.length === 0) return 0
      const added = await db
        .insert(resultListEntries)
        .values(entries.map((e) => ({ organisationId, listId, personId: e.personId, membershipId: e.membershipId })))
        .onConflictDoNothing()
        .returning({ id: resultListEntries.id })
      return added.length
    },
    async entries(listId, asOf) {
      const rows = await rowsOf<Record<string, unknown>>(
        db,
        sql`select e.id as entry_id, p.id as person_id, p.last_name, p.first_name, p.company, p.street, p.postcode, p.city,
                   p.date_of_birth::text as date_of_birth, m.id as membership_id, m.number::text as number,
                   case when m.id is null then null when m.person_id = p.id then 'H' when a.role = 'partner' then 'P' else 'L' end as role,
                   coalesce(least(a.left_on, m.ends_on) < ${asOf}::date, false) as inactive, coalesce(m.archived_on is not null, false) as archived
              from result_list_entries e
              join persons p on p.id = e.person_id
              left join memberships m on m.organisation_id = e.organisation_id and m.id = e.membership_id
              left join lateral (select mp.role, mp.left_on from membership_persons mp
                                  where mp.organisation_id = e.organisation_id and mp.membership_id = m.id and mp.person_id = p.id
                                  order by mp.joined_on desc limit 1) a on m.person_id <> p.id
             where e.organisation_id = ${organisationId} and e.list_id = ${listId} and ${connectedTo(organisationId, sql`p.id`)}
             order by vk_fold(p.last_name) collate "C", vk_fold(p.first_name) collate "C", p.id, m.number nulls first, e.id`,
      )
      return rows.map((r) => ({
        entryId: r.entry_id as string,
        personId: r.person_id as string,
        membershipId: (r.membership_id as string | null) ?? null,
        number: r.number === null ? null : Number(r.number),
        role: r.role as 'H' | 'P' | 'L' | null,
        inactive: r.inactive as boolean,
        archived: r.archived as boolean,
        lastName: r.last_name as string,
        firstName: r.first_name as string,
        company: r.company as string | null,
        street: r.street as string,
        postcode: r.postcode as string,
        city: r.city as string,
        dateOfBirth: r.date_of_birth as string | null,
      }))
    },
    async removeEntry(listId, entryId) {
      if (!isUuid(entryId)) return false
      const deleted = await db
        .delete(resultListEntries)
        .where(
          and(
            eq(resultListEntries.organisationId, organisationId),
            eq(resultListEntries.listId, listId),
            eq(resultListEntries.id, entryId),
          ),
        )
        .returning({ id: resultListEntries.id })
      return deleted.length > 0
    },
    async places(entries) {
      if (entries.length === 0) return new Map()
      const values = sql.join(
        entries.map((e) => sql`(${e.personId}::uuid, ${e.membershipId}::uuid)`),
        sql`, `,
      )
      const rows = await rowsOf<{ person_id: string; membership_id: string; archived: boolean }>(
        db,
        sql`select v.person_id, v.membership_id, m.archived_on is not null as archived
              from (values ${values}) as v(person_id, membership_id)
              join memberships m on m.organisation_id = ${organisationId} and m.id = v.membership_id
             where m.person_id = v.person_id
                or exists (select 1 from membership_persons mp where mp.organisation_id = m.organisation_id
                             and mp.membership_id = m.id and mp.person_id = v.person_id)`,
      )
      return new Map(rows.map((r) => [`${r.person_id}|${r.membership_id}`, { archived: r.archived }]))
    },
  }
}
