import { sql } from 'drizzle-orm'
import type { Database } from './database'
import { rowsOf } from './rows'
import { isUuid } from './uuid'
import type { PersonDirectory, PersonalRegistration } from './person-directory'

type Row = {
  organisation_id: string
  organisation_name: string
  kind: 'membership' | 'period'
  label: string
  from_date: string
  until_date: string | null
}

/** The person's side of the shared address book in PostgreSQL. */
export function createPersonDirectory(db: Database): PersonDirectory {
  return {
    async registrationsOf(personId) {
      if (!isUuid(personId)) return []
      const rows = await rowsOf<Row>(
        db,
        sql`select m.organisation_id, o.name as organisation_name, 'membership' as kind, m.number::text as label,
                   m.joined_on::text as from_date, m.ends_on::text as until_date
              from memberships m join organisations o on o.id = m.organisation_id
             where m.person_id = ${personId} and m.archived_on is null
            union all
            select r.organisation_id, o.name, 'period', p.name, p.starts_on::text, p.ends_on::text
              from period_registrations r join membership_periods p on p.id = r.period_id join organisations o on o.id = r.organisation_id
             where r.person_id = ${personId}
             order by 5, 2, 4`,
      )
      return rows.map((r): PersonalRegistration => ({
        organisationId: r.organisation_id,
        organisationName: r.organisation_name,
        kind: r.kind,
        label: r.label,
        from: r.from_date,
        until: r.until_date,
      }))
    },
  }
}
