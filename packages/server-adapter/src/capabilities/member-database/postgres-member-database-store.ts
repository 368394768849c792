import { sql } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { rowsOf } from '../../storage/rows'
import { isUuid } from '../../storage/uuid'
import type { MemberDatabaseLinkRecord, MemberDatabaseStore, MemberLinkRecord, SyncConflictRecord } from './member-database-store'

type LinkRow = {
  base_url: string
  region: string
  credentials: string
  pull_interval_minutes: number
  conflict_policy: MemberDatabaseLinkRecord['conflictPolicy']
  pull_cursor: string | null
  last_pull_at: Date | string | null
}
type MemberRow = {
  membership_id: string
  remote_id: string | null
  mode: 'synced' | 'local-only'
  base: MemberLinkRecord['base']
  failure_reason: string | null
  transferred_at: Date | string | null
  removed_at: Date | string | null
  in_flight: MemberLinkRecord['inFlight']
  push_sequence: number
  pending: string
  pending_since: Date | string | null
}
type ConflictRow = {
  id: string
  membership_id: string
  field: string
  remote_field: string
  base_value: SyncConflictRecord['baseValue']
  local_value: SyncConflictRecord['localValue']
  remote_value: SyncConflictRecord['remoteValue']
  created_at: Date | string
}

const date = (v: Date | string | null) => (v === null ? null : new Date(v))

/** The member database link's state in PostgreSQL. */
export function createMemberDatabaseStore(db: Database, organisationId: string): MemberDatabaseStore {
  const link = (r: LinkRow): MemberDatabaseLinkRecord => ({
    baseUrl: r.base_url,
    region: r.region,
    credentials: r.credentials,
    pullIntervalMinutes: r.pull_interval_minutes,
    conflictPolicy: r.conflict_policy,
    pullCursor: r.pull_cursor,
    lastPullAt: date(r.last_pull_at),
  })
  const member = (r: MemberRow): MemberLinkRecord => ({
    membershipId: r.membership_id,
    remoteId: r.remote_id,
    mode: r.mode,
    base: r.base,
    failureReason: r.failure_reason,
    transferredAt: date(r.transferred_at),
    removedAt: date(r.removed_at),
    inFlight: r.in_flight,
    pushSequence: r.push_sequence,
    pendingChanges: Number(r.pending),
    pendingSince: date(r.pending_since),
  })
  const memberQuery = (where: ReturnType<typeof sql>, lock = sql``) => sql`
    select r.membership_id, r.remote_id, r.mode, r.base, r.failure_reason, r.transferred_at, r.removed_at, r.in_flight, r.push_sequence,
           (select count(*) from member_database_outbox o
             where o.organisation_id = r.organisation_id and o.membership_id = r.membership_id and o.done_at is null)::text as pending,
           (select min(o.created_at) from member_database_outbox o
             where o.organisation_id = r.organisation_id and o.membership_id = r.membership_id and o.done_at is null) as pending_since
      from member_database_members r where r.organisation_id = ${organisationId} and ${where} ${lock}`
  const conflict = (r: ConflictRow): SyncConflictRecord => ({
    id: r.id,
    membershipId: r.membership_id,
    field: r.field,
    remoteField: r.remote_field,
    baseValue: r.base_value,
    localValue: r.local_value,
    remoteValue: r.remote_value,
    createdAt: new Date(r.created_at),
  })
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v))
  return {
    async getLink() {
      const [row] = await rowsOf<LinkRow>(db, sql`select * from member_database_links where organisation_id = ${organisationId}`)
      return row && link(row)
    },
    async saveLink(l) {
      await db.execute(sql`
        insert into member_database_links (organisation_id, base_url, region, credentials, pull_interval_minutes, conflict_policy)
        values (${organisationId}, ${l.baseUrl}, ${l.region}, ${l.credentials}, ${l.pullIntervalMinutes}, ${l.conflictPolicy})
        on conflict (organisation_id) do update set base_url = excluded.base_url, region = excluded.region,
          credentials = excluded.credentials, pull_interval_minutes = excluded.pull_interval_minutes,
          conflict_policy = excluded.conflict_policy`)
    },
    async claimPull(now, claimUntil, force) {
      const [row] = await rowsOf<LinkRow>(
        db,
        sql`update member_database_links set pull_claimed_until = ${claimUntil.toISOString()}::timestamptz
             where organisation_id = ${organisationId}
               and (pull_claimed_until is null or pull_claimed_until < ${now.toISOString()}::timestamptz)
               and (${force} or last_pull_at is null
                    or last_pull_at + make_interval(mins => pull_interval_minutes) <= ${now.toISOString()}::timestamptz)
           returning *`,
      )
      return row && link(row)
    },
    async finishPull(cursor, at) {
      await db.execute(sql`update member_database_links set pull_cursor = ${cursor}, last_pull_at = ${at.toISOString()}::timestamptz,
        pull_claimed_until = null where organisation_id = ${organisationId}`)
    },
    async releasePull() {
      await db.execute(sql`update member_database_links set pull_claimed_until = null where organisation_id = ${organisationId}`)
    },
    async unlinkedMembershipByNumber(number) {
      const [row] = await rowsOf<{ id: string }>(
        db,
        sql`select m.id from memberships m where m.organisation_id = ${organisationId} and m.number = ${number} and m.archived_on is null
              and not exists (select 1 from member_database_members r where r.organisation_id = m.organisation_id
                                and r.membership_id = m.id and (r.remote_id is not null or r.mode = 'local-only'))`,
      )
      return row?.id
    },
    async enqueueUnlinked() {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`insert into member_database_outbox (organisation_id, membership_id)
            select m.organisation_id, m.id from memberships m where m.organisation_id = ${organisationId} and m.archived_on is null
               and not exists (select 1 from member_database_members r where r.organisation_id = m.organisation_id
                                 and r.membership_id = m.id and (r.remote_id is not null or r.mode = 'local-only'))
            returning id`,
      )
      return rows.length
    },
    async dueMemberships(now, limit) {
      const rows = await rowsOf<{ membership_id: string }>(
        db,
        sql`select membership_id from member_database_outbox
             where organisation_id = ${organisationId} and done_at is null
               and (available_at is null or available_at <= ${now.toISOString()}::timestamptz)
             group by membership_id order by min(created_at) limit ${limit}`,
      )
      return rows.map((r) => r.membership_id)
    },
    async lockMember(membershipId) {
      if (!isUuid(membershipId)) return undefined
      await db.execute(sql`insert into member_database_members (organisation_id, membership_id) values (${organisationId}, ${membershipId})
        on conflict (organisation_id, membership_id) do nothing`)
      const [row] = await rowsOf<MemberRow>(db, memberQuery(sql`r.membership_id = ${membershipId}`, sql`for update of r skip locked`))
      return row && member(row)
    },
    async getMember(membershipId) {
      if (!isUuid(membershipId)) return undefined
      const [row] = await rowsOf<MemberRow>(db, memberQuery(sql`r.membership_id = ${membershipId}`))
      if (row) return member(row)
      // Not sent yet: the state row is made by the first attempt; what is queued counts already.
      const [queued] = await rowsOf<{ pending: string; pending_since: Date | string | null }>(
        db,
        sql`select count(*)::text as pending, min(created_at) as pending_since from member_database_outbox
             where organisation_id = ${organisationId} and membership_id = ${membershipId} and done_at is null`,
      )
      return member({
        membership_id: membershipId,
        remote_id: null,
        mode: 'synced',
        base: null,
        failure_reason: null,
        transferred_at: null,
        removed_at: null,
        in_flight: null,
        push_sequence: 0,
        pending: queued?.pending ?? '0',
        pending_since: queued?.pending_since ?? null,
      })
    },
    async findByRemoteId(remoteId) {
      const [row] = await rowsOf<MemberRow>(db, memberQuery(sql`r.remote_id = ${remoteId}`, sql`for update of r`))
      return row && member(row)
    },
    async dueChanges(membershipId, now) {
      const rows = await rowsOf<{ id: string; attempts: number; created_at: Date | string }>(
        db,
        sql`select id, attempts, created_at from member_database_outbox
             where organisation_id = ${organisationId} and membership_id = ${membershipId} and done_at is null
               and (available_at is null or available_at <= ${now.toISOString()}::timestamptz) order by created_at`,
      )
      return rows.map((r) => ({ id: r.id, attempts: r.attempts, createdAt: new Date(r.created_at) }))
    },
    async markDone(ids, at) {
      if (ids.length === 0) return
      await db.execute(sql`update member_database_outbox set done_at = ${at.toISOString()}::timestamptz, last_error = null
        where organisation_id = ${organisationId} and id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`)
    },
    async markFailed(ids, error, retryAt) {
      if (ids.length === 0) return
      await db.execute(sql`update member_database_outbox set attempts = attempts + 1, last_error = ${error.slice(0, 500)},
          available_at = ${retryAt.toISOString()}::timestamptz
        where organisation_id = ${organisationId} and id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`)
    },
    async enqueue(membershipId) {
      await db.execute(sql`insert into member_database_outbox (organisation_id, membership_id) values (${organisationId}, ${membershipId})`)
    },
    async updateMember(membershipId, c) {
      const sets = [
        c.remoteId !== undefined && sql`remote_id = ${c.remoteId}`,
        c.base !== undefined && sql`base = ${json(c.base)}::jsonb`,
        c.failureReason !== undefined && sql`failure_reason = ${c.failureReason}`,
        c.transferredAt !== undefined && sql`transferred_at = ${c.transferredAt?.toISOString() ?? null}::timestamptz`,
        c.removedAt !== undefined && sql`removed_at = ${c.removedAt?.toISOString() ?? null}::timestamptz`,
        c.mode !== undefined && sql`mode = ${c.mode}`,
        c.inFlight !== undefined && sql`in_flight = ${json(c.inFlight)}::jsonb`,
        c.pushSequence !== undefined && sql`push_sequence = ${c.pushSequence}`,
      ].filter((s) => s !== false)
      if (sets.length === 0) return
      await db.execute(sql`insert into member_database_members (organisation_id, membership_id) values (${organisationId}, ${membershipId})
        on conflict (organisation_id, membership_id) do nothing`)
      await db.execute(sql`update member_database_members set ${sql.join(sets, sql`, `)}
        where organisation_id = ${organisationId} and membership_id = ${membershipId}`)
    },
    async setMode(membershipId, mode) {
      await this.updateMember(membershipId, { mode })
      if (mode === 'local-only') {
        await db.execute(sql`delete from member_database_outbox
          where organisation_id = ${organisationId} and membership_id = ${membershipId} and done_at is null`)
      } else await this.enqueue(membershipId)
    },
    async linkedRemoteIds() {
      const rows = await rowsOf<{ remote_id: string; membership_id: string }>(
        db,
        sql`select remote_id, membership_id from member_database_members
             where organisation_id = ${organisationId} and remote_id is not null and removed_at is null and mode = 'synced'`,
      )
      return new Map(rows.map((r) => [r.remote_id, r.membership_id]))
    },
    async openConflicts(membershipId) {
      const rows = await rowsOf<ConflictRow>(
        db,
        sql`select * from member_database_conflicts where organisation_id = ${organisationId} and decided_at is null
              ${membershipId && isUuid(membershipId) ? sql`and membership_id = ${membershipId}` : sql``} order by created_at, id`,
      )
      return rows.map(conflict)
    },
    async addConflicts(membershipId, conflicts) {
      for (const c of conflicts) {
        await db.execute(sql`delete from member_database_conflicts where organisation_id = ${organisationId}
          and membership_id = ${membershipId} and field = ${c.field} and decided_at is null`)
        await db.execute(sql`insert into member_database_conflicts
          (organisation_id, membership_id, field, remote_field, base_value, local_value, remote_value)
          values (${organisationId}, ${membershipId}, ${c.field}, ${c.remoteField}, ${json(c.baseValue)}::jsonb,
                  ${json(c.localValue)}::jsonb, ${json(c.remoteValue)}::jsonb)`)
      }
    },
    async localMemberRow(membershipId) {
      if (!isUuid(membershipId)) return undefined
      const [row] = await rowsOf<Record<string, string | number | null>>(
        db,
        sql`select m.person_id, m.number, m.joined_on::text, m.ends_on::text, m.payment_method, m.membership_type, m.archived_on::text,
                   p.salutation, p.title, p.first_name, p.last_name, p.date_of_birth::text, p.street, p.postcode, p.city, p.country,
                   p.phone_mobile, p.phone_private, p.email,
                   d.iban, d.bic, d.reference, d.signed_on::text as mandate_signed_on, d.account_holder
              from memberships m join persons p on p.id = m.person_id
              left join lateral (select * from mandates d where d.organisation_id = m.organisation_id and d.membership_id = m.id
                                   and d.terminated_on is null order by d.signed_on desc, d.created_at desc limit 1) d on true
             where m.organisation_id = ${organisationId} and m.id = ${membershipId}`,
      )
      return row
    },
    async setLocalColumns(membershipId, membership, mandate) {
      const sets = (values: Readonly<Record<string, string | number | null>>, dates: readonly string[]) =>
        Object.entries(values).map(([column, v]) =>
          dates.includes(column) ? sql`${sql.identifier(column)} = ${v}::date` : sql`${sql.identifier(column)} = ${v}`,
        )
      const m = sets(membership, ['joined_on', 'ends_on'])
      if (m.length > 0) {
        await db.execute(
          sql`update memberships set ${sql.join(m, sql`, `)} where organisation_id = ${organisationId} and id = ${membershipId}`,
        )
      }
      const d = sets(mandate, ['signed_on'])
      if (d.length > 0) {
        await db.execute(sql`update mandates set ${sql.join(d, sql`, `)} where id = (select id from mandates
          where organisation_id = ${organisationId} and membership_id = ${membershipId} and terminated_on is null
          order by signed_on desc, created_at desc limit 1)`)
      }
    },
    async archiveDeleted(membershipId, today, marker) {
      await db.execute(sql`update memberships set archived_on = coalesce(archived_on, ${today}::date),
          markers = case when ${marker} = any(markers) then markers else array_append(markers, ${marker}) end
        where organisation_id = ${organisationId} and id = ${membershipId}`)
    },
    async decideConflict(id, decision, at) {
      if (!isUuid(id)) return undefined
      const [row] = await rowsOf<ConflictRow>(
        db,
        sql`update member_database_conflicts set decided_at = ${at.toISOString()}::timestamptz, decision = ${decision}
             where organisation_id = ${organisationId} and id = ${id} and decided_at is null returning *`,
      )
      return row && conflict(row)
    },
  }
}
