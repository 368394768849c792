import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { displayName } from '@vereinskit/core/people'
import type { Database } from '../../storage/database'
import { persons } from '../../storage/shared-schema'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import { personAudit, personContacts } from './people-schema'
import { connectedTo } from './person-connections'
import { personFromRow, rowFromPerson } from './person-record'
import { personSearchQuery } from './person-search-sql'
import type { PeopleStore, PersonPlace, SearchHitRecord } from './people-store'

/** The address book as one organisation sees it, in PostgreSQL. */
export function createPeopleStore(db: Database, organisationId: string): PeopleStore {
  const visible = (personId: string) => and(eq(persons.id, personId), connectedTo(organisationId, sql`${persons.id}`))

  return {
    async get(personId) {
      if (!isUuid(personId)) return undefined
      const [row] = await db.select().from(persons).where(visible(personId))
      return row && personFromRow(row)
    },
    async getForUpdate(personId) {
      if (!isUuid(personId)) return undefined
      const [row] = await db.select().from(persons).where(visible(personId)).for('update')
      return row && personFromRow(row)
    },
    async create(person, stamp, { asContact }) {
      const [row] = await db.insert(persons).values(rowFromPerson(person)).returning()
      if (asContact) await db.insert(personContacts).values({ organisationId, personId: row!.id })
      await db.insert(personAudit).values({
        personId: row!.id,
        organisationId,
        actor: stamp.actor,
        changedAt: stamp.at,
        field: 'created',
        before: null,
        after: person,
      })
      return personFromRow(row!)
    },
    async update(personId, after, lines, stamp) {
      if (lines.length === 0) return
      await db.update(persons).set(rowFromPerson(after)).where(eq(persons.id, personId))
      await db.insert(personAudit).values(
        lines.map((l) => ({
          personId,
          organisationId,
          actor: stamp.actor,
          changedAt: stamp.at,
          field: l.field,
          before: l.before ?? null,
          after: l.after ?? null,
        })),
      )
    },
    async erase(personId, blank, stamp, reason) {
      await db.update(persons).set(rowFromPerson(blank)).where(eq(persons.id, personId))
      await db.update(personAudit).set({ before: null, after: null }).where(eq(personAudit.personId, personId))
      await db
        .insert(personAudit)
        .values({ personId, organisationId, actor: stamp.actor, changedAt: stamp.at, field: 'erased', before: null, after: reason })
    },
    async auditLog(personId) {
      if (!isUuid(personId)) return []
      const rows = await db
        .select()
        .from(personAudit)
        .where(eq(personAudit.personId, personId))
        .orderBy(desc(personAudit.changedAt), asc(personAudit.sequence))
      return rows.map(({ sequence: _sequence, ...r }) => ({ ...r, before: r.before ?? null, after: r.after ?? null }))
    },
    async places(personId) {
      if (!isUuid(personId)) return []
      const rows = await rowsOf<{
        membership_id: string
        number: string
        role: 'H' | 'P' | 'L'
        attachment_id: string | null
        joined_on: string
        ends_on: string | null
        archived_on: string | null
      }>(
        db,
        sql`select m.id as membership_id, m.number::text, 'H' as role, null::uuid as attachment_id, m.joined_on::text, m.ends_on::text, m.archived_on::text
              from memberships m where m.organisation_id = ${organisationId} and m.person_id = ${personId}
            union all
            select m.id, m.number::text, case when mp.role = 'partner' then 'P' else 'L' end, mp.id, mp.joined_on::text,
                   least(mp.left_on, m.ends_on)::text, m.archived_on::text
              from membership_persons mp join memberships m on m.organisation_id = mp.organisation_id and m.id = mp.membership_id
             where mp.organisation_id = ${organisationId} and mp.person_id = ${personId}
            order by 2, 3`,
      )
      return rows.map((r): PersonPlace => ({
        membershipId: r.membership_id,
        number: Number(r.number),
        role: r.role,
        attachmentId: r.attachment_id,
        joinedOn: r.joined_on,
        endsOn: r.ends_on,
        archivedOn: r.archived_on,
      }))
    },
    async search(search, run) {
      const rows = await rowsOf<{
        person_id: string
        last_name: string
        first_name: string
        company: string | null
        street: string
        postcode: string
        city: string
        date_of_birth: string | null
        membership_id: string | null
        number: string | null
        role: 'H' | 'P' | 'L' | null
        inactive: boolean
        archived: boolean
      }>(db, personSearchQuery(organisationId, search, run), { jit: false })
      return rows.map((r): SearchHitRecord => ({
        personId: r.person_id,
        membershipId: r.membership_id,
        number: r.number === null ? null : Number(r.number),
        role: r.role,
        inactive: r.inactive,
        archived: r.archived,
        lastName: r.last_name,
        firstName: r.first_name,
        company: r.company,
        street: r.street,
        postcode: r.postcode,
        city: r.city,
        dateOfBirth: r.date_of_birth,
      }))
    },
    async duplicateSubjects(keys) {
      const any = [
        // Every candidate that can reach a threshold agrees in one of these (a last name alone scores 20).
        sql`(vk_fold_ss(p.last_name) = ${keys.lastName} and vk_fold_ss(p.first_name) = ${keys.firstName})`,
        ...(keys.company ? [sql`vk_fold_ss(p.company) = ${keys.company}`] : []),
        ...(keys.email ? [sql`lower(p.email) = ${keys.email}`] : []),
        ...(keys.dateOfBirth ? [sql`p.date_of_birth = ${keys.dateOfBirth}::date`] : []),
        ...(keys.street ? [sql`vk_fold_ss(p.street) = ${keys.street}`] : []),
        ...(keys.ibans.length > 0
          ? [
              sql`exists (select 1 from mandates md where md.organisation_id = ${organisationId} and md.person_id = p.id and md.iban in (${sql.join(
                keys.ibans.map((i) => sql`${i}`),
                sql`, `,
              )}))`,
            ]
          : []),
      ]
      const rows = await rowsOf<{ id: string; ibans: string[] | null } & Record<string, unknown>>(
        db,
        sql`select p.*, p.date_of_birth::text as dob,
                   (select array_agg(md.iban) from mandates md where md.organisation_id = ${organisationId} and md.person_id = p.id) as ibans
              from persons p
             where (${sql.join(any, sql` or `)}) and ${connectedTo(organisationId, sql`p.id`)}
             order by p.id limit 1000`,
        { jit: false },
      )
      return rows.map((r) => {
        const person = {
          title: r.title as string | null,
          firstName: r.first_name as string,
          lastName: r.last_name as string,
          company: r.company as string | null,
        }
        return {
          id: r.id,
          ...person,
          name: displayName(person),
          city: r.city as string,
          dateOfBirth: (r.dob as string | null) ?? null,
          email: r.email as string | null,
          street: r.street as string,
          postcode: r.postcode as string,
          ibans: r.ibans ?? [],
        }
      })
    },
  }
}
