import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { refusingDuplicates, rowsOf } from '../../storage/rows'
import { decodeCursor, encodeCursor } from '../../storage/keyset-cursor'
import { membershipPeriods, periodRegistrations } from './membership-period-schema'
import type { MembershipPeriodStore } from './membership-period-store'

type PeriodRow = { id: string; name: string; starts_on: string; ends_on: string; registrations: string }

/** Membership periods in PostgreSQL. */
export function createMembershipPeriodStore(db: Database, organisationId: string): MembershipPeriodStore {
  const periods = async (where: ReturnType<typeof sql>) =>
    (
      await rowsOf<PeriodRow>(
        db,
        sql`select mp.id, mp.name, mp.starts_on::text, mp.ends_on::text,
                   (select count(*) from period_registrations r where r.period_id = mp.id)::text as registrations
              from membership_periods mp where mp.organisation_id = ${organisationId} and ${where}
             order by mp.starts_on, mp.id`,
      )
    ).map((r) => ({ id: r.id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, registrations: Number(r.registrations) }))
  const own = (id: string) => and(eq(membershipPeriods.organisationId, organisationId), eq(membershipPeriods.id, id))
  return {
    list: () => periods(sql`true`),
    async get(periodId) {
      if (!isUuid(periodId)) return undefined
      return (await periods(sql`mp.id = ${periodId}`))[0]
    },
    async create(period) {
      const [row] = await refusingDuplicates(`A period named "${period.name}" exists.`, () =>
        db
          .insert(membershipPeriods)
          .values({ organisationId, ...period })
          .returning(),
      )
      return { id: row!.id, name: row!.name, startsOn: row!.startsOn, endsOn: row!.endsOn, registrations: 0 }
    },
    async update(periodId, period) {
      await refusingDuplicates(`A period named "${period.name}" exists.`, () =>
        db.update(membershipPeriods).set(period).where(own(periodId)),
      )
    },
    async remove(periodId) {
      await db.delete(membershipPeriods).where(own(periodId))
    },
    async register(periodId, personId, registeredOn) {
      const [row] = await db
        .insert(periodRegistrations)
        .values({ organisationId, periodId, personId, registeredOn })
        .onConflictDoNothing()
        .returning({ id: periodRegistrations.id })
      return row
    },
    async registrations(periodId, { limit, cursor }) {
      const after = cursor ? decodeCursor(cursor) : undefined
      const key = sql.raw(`(vk_fold(p.last_name) || chr(1) || vk_fold(p.first_name)) collate "C"`)
      const rows = await rowsOf<{
        id: string
        person_id: string
        first_name: string
        last_name: string
        company: string | null
        registered_on: string
        k: string
      }>(
        db,
        sql`select r.id, r.person_id, p.first_name, p.last_name, p.company, r.registered_on::text, ${key} as k
              from period_registrations r join persons p on p.id = r.person_id
             where r.organisation_id = ${organisationId} and r.period_id = ${periodId}
               ${after ? sql`and (${key}, r.id::text) > (${after[0]} collate "C", ${after[1]})` : sql``}
             order by ${key}, r.id::text limit ${limit + 1}`,
      )
      const items = rows.slice(0, limit).map((r) => ({
        id: r.id,
        periodId,
        personId: r.person_id,
        name: [r.first_name, r.last_name].filter(Boolean).join(' ') || (r.company ?? ''),
        registeredOn: r.registered_on,
      }))
      const last = rows.length > limit ? rows[limit - 1]! : undefined
      return { items, nextCursor: last ? encodeCursor(last.k, last.id) : null }
    },
    async unregister(periodId, registrationId) {
      if (!isUuid(registrationId)) return false
      const deleted = await db
        .delete(periodRegistrations)
        .where(
          and(
            eq(periodRegistrations.organisationId, organisationId),
            eq(periodRegistrations.periodId, periodId),
            eq(periodRegistrations.id, registrationId),
          ),
        )
        .returning({ id: periodRegistrations.id })
      return deleted.length > 0
    },
  }
}
