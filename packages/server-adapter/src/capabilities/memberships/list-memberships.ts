import { sql, type SQL } from 'drizzle-orm'
import type { PaymentMethod } from '@vereinskit/core/ledger'
import type { Database } from '../../storage/database'
import { rowsOf } from '../../storage/rows'
import type { Page } from '../../storage/page'
import { decodeCursor, encodeCursor } from '../../storage/keyset-cursor'
import type { MembershipListRequest, MembershipListRow } from './membership-store'

const sortKeys = {
  number: sql.raw(`lpad(m.number::text, 20, '0') collate "C"`),
  name: sql.raw(`(vk_fold(p.last_name) || chr(1) || vk_fold(p.first_name)) collate "C"`),
  joinedOn: sql.raw(`m.joined_on::text collate "C"`),
} as const

/**
 * The member list: filters, a stable order (the sort key, then the membership id, both in the chosen direction)
 * and keyset pages, so a page never repeats or skips a row while members are added.
 */
export async function listMemberships(db: Database, organisationId: string, r: MembershipListRequest): Promise<Page<MembershipListRow>> {
  const key = sortKeys[r.sort]
  const where: SQL[] = [sql`m.organisation_id = ${organisationId}`]
  if (r.state === 'archived') where.push(sql`m.archived_on is not null`)
  if (r.state === 'inactive') where.push(sql`m.archived_on is null and m.ends_on < ${r.asOf}::date`)
  if (r.state === 'active') where.push(sql`m.archived_on is null and (m.ends_on is null or m.ends_on >= ${r.asOf}::date)`)
  if (r.paymentMethod) where.push(sql`m.payment_method = ${r.paymentMethod}`)
  if (r.feeClassGroupId) where.push(sql`m.fee_class_group_id = ${r.feeClassGroupId}::uuid`)
  if (r.marker) where.push(sql`${r.marker} = any(m.markers)`)
  if (r.joinedFrom) where.push(sql`m.joined_on >= ${r.joinedFrom}::date`)
  if (r.joinedTo) where.push(sql`m.joined_on <= ${r.joinedTo}::date`)
  const desc = r.order === 'desc'
  if (r.cursor) {
    const [after, id] = decodeCursor(r.cursor)
    where.push(desc ? sql`(${key}, m.id::text) < (${after} collate "C", ${id})` : sql`(${key}, m.id::text) > (${after} collate "C", ${id})`)
  }
  const direction = sql.raw(desc ? 'desc' : 'asc')
  const rows = await rowsOf<{
    id: string
    number: string
    person_id: string
    title: string | null
    first_name: string
    last_name: string
    company: string | null
    city: string
    joined_on: string
    ends_on: string | null
    archived_on: string | null
    payment_method: string
    markers: string[]
    sort_key: string
  }>(
    db,
    sql`select m.id, m.number::text, m.person_id, p.title, p.first_name, p.last_name, p.company, p.city, m.joined_on::text,
               m.ends_on::text, m.archived_on::text, m.payment_method, m.markers, ${key} as sort_key
          from memberships m join persons p on p.id = m.person_id
         where ${sql.join(where, sql` and `)}
         order by ${key} ${direction}, m.id::text ${direction}
         limit ${r.limit + 1}`,
  )
  const items = rows.slice(0, r.limit).map((row) => ({
    id: row.id,
    number: Number(row.number),
    personId: row.person_id,
    name: [row.title, row.first_name, row.last_name].filter(Boolean).join(' ') || (row.company ?? ''),
    city: row.city,
    joinedOn: row.joined_on,
    endsOn: row.ends_on,
    archivedOn: row.archived_on,
    paymentMethod: row.payment_method as PaymentMethod,
    markers: row.markers,
  }))
  const last = rows.length > r.limit ? rows[r.limit - 1]! : undefined
  return { items, nextCursor: last ? encodeCursor(last.sort_key, last.id) : null }
}
