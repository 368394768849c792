import { sql } from 'drizzle-orm'
import { VereinskitError } from '@vereinskit/core'
import { UmbrellaLinkOptions } from '@vereinskit/core/sync'
import type { Database } from '../../storage/database'
import { isUniqueViolation, rowsOf } from '../../storage/rows'
import { splitPersonFor } from '../../storage/person-split'
import { isUuid } from '../../storage/uuid'
import type { MemberSyncStore } from './member-sync-store'

/** Umbrella member copies in PostgreSQL. */
export function createMemberSyncStore(db: Database, organisationId: string): MemberSyncStore {
  // A released copy becomes the child's own record: its own person too, unless the child still holds another copy
  // of that person (then the shared record stays under that copy's lock).
  const splitReleased = async (childId: string, membershipIds: readonly string[]) => {
    for (const id of membershipIds) {
      const [row] = await rowsOf<{ person_id: string; still_copied: boolean }>(
        db,
        sql`select m.person_id, exists (select 1 from memberships o where o.organisation_id = ${childId} and o.person_id = m.person_id
                                          and o.synced_from_membership_id is not null) as still_copied
              from memberships m where m.id = ${id}`,
      )
      if (row && !row.still_copied) await splitPersonFor(db, childId, row.person_id)
    }
  }
  return {
    async copyInto(membershipId, childId) {
      const [existing] = await rowsOf<{ id: string }>(
        db,
        sql`select id from memberships where organisation_id = ${childId} and synced_from_membership_id = ${membershipId}`,
      )
      if (existing) throw new VereinskitError('MEMBER_ALREADY_SYNCED', 'The member is already synced to that organisation.')
      let copyId: string
      try {
        const [row] = await rowsOf<{ id: string }>(
          db,
          sql`insert into memberships (organisation_id, person_id, number, joined_on, ends_on, payment_method, synced_from_membership_id)
              select ${childId}, m.person_id, m.number, m.joined_on, m.ends_on, m.payment_method, m.id
                from memberships m where m.organisation_id = ${organisationId} and m.id = ${membershipId}
              returning id`,
        )
        copyId = row!.id
      } catch (error) {
        if (isUniqueViolation(error))
          throw new VereinskitError('MEMBERSHIP_NUMBER_TAKEN', 'The child already uses this membership number for another member.')
        throw error
      }
      await db.execute(sql`
        insert into mandates (organisation_id, person_id, membership_id, reference, kind, account_holder, iban, bic, creditor_id,
                              signed_on, valid_from, limited_until, terminated_on, pre_notification_channel, synced_from_mandate_id)
        select ${childId}, d.person_id, ${copyId}, d.reference, d.kind, d.account_holder, d.iban, d.bic, d.creditor_id,
               d.signed_on, d.valid_from, d.limited_until, d.terminated_on, d.pre_notification_channel, d.id
          from mandates d where d.organisation_id = ${organisationId} and d.membership_id = ${membershipId}`)
      return copyId
    },
    async copiesOf(membershipId) {
      if (!isUuid(membershipId)) return []
      const rows = await rowsOf<{ child_id: string; child_name: string; id: string }>(
        db,
        sql`select c.organisation_id as child_id, o.name as child_name, c.id from memberships c
              join memberships m on m.id = c.synced_from_membership_id and m.organisation_id = ${organisationId}
              join organisations o on o.id = c.organisation_id
             where c.synced_from_membership_id = ${membershipId} order by o.name`,
      )
      return rows.map((r) => ({ childId: r.child_id, childName: r.child_name, childMembershipId: r.id }))
    },
    async release(membershipId, childId) {
      if (!isUuid(membershipId) || !isUuid(childId)) return undefined
      const [row] = await rowsOf<{ id: string }>(
        db,
        sql`update memberships c set synced_from_membership_id = null
             where c.organisation_id = ${childId} and c.synced_from_membership_id = ${membershipId}
               and exists (select 1 from memberships m where m.id = ${membershipId} and m.organisation_id = ${organisationId})
         returning c.id`,
      )
      if (!row) return undefined
      await db.execute(
        sql`update mandates set synced_from_mandate_id = null where organisation_id = ${childId} and membership_id = ${row.id}`,
      )
      await splitReleased(childId, [row.id])
      return row.id
    },
    async releaseAllCopiesIn(childId) {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`update memberships c set synced_from_membership_id = null
             where c.organisation_id = ${childId}
               and c.synced_from_membership_id in (select id from memberships where organisation_id = ${organisationId})
         returning c.id`,
      )
      await db.execute(sql`update mandates set synced_from_mandate_id = null
        where organisation_id = ${childId} and synced_from_mandate_id in (select id from mandates where organisation_id = ${organisationId})`)
      await splitReleased(
        childId,
        rows.map((r) => r.id),
      )
      return rows.length
    },
    async sourceOf(membershipId) {
      if (!isUuid(membershipId)) return undefined
      const [row] = await rowsOf<{ parent_id: string; parent_name: string; parent_membership_id: string; sync_options: unknown }>(
        db,
        sql`select p.organisation_id as parent_id, o.name as parent_name, p.id as parent_membership_id, me.sync_options
              from memberships c join memberships p on p.id = c.synced_from_membership_id
              join organisations o on o.id = p.organisation_id join organisations me on me.id = c.organisation_id
             where c.organisation_id = ${organisationId} and c.id = ${membershipId}`,
      )
      return (
        row && {
          parentId: row.parent_id,
          parentName: row.parent_name,
          parentMembershipId: row.parent_membership_id,
          options: UmbrellaLinkOptions.parse(row.sync_options ?? {}),
        }
      )
    },
    async personLink(personId) {
      if (!isUuid(personId)) return undefined
      // Every copy of the person's memberships this organisation holds, and the copies they are copies of, up the
      // tree: the person is locked here when any link on the way up is not bidirectional.
      const rows = await rowsOf<{ depth: number; sync_options: unknown }>(
        db,
        sql`with recursive chain(id, source, holder, depth) as (
              select c.id, c.synced_from_membership_id, c.organisation_id, 0 from memberships c
               where c.organisation_id = ${organisationId} and c.person_id = ${personId} and c.synced_from_membership_id is not null
              union all
              select p.id, p.synced_from_membership_id, p.organisation_id, chain.depth + 1 from memberships p
                join chain on p.id = chain.source where p.synced_from_membership_id is not null and chain.depth < 20)
            select chain.depth, o.sync_options from chain join organisations o on o.id = chain.holder order by chain.depth`,
      )
      if (rows.length === 0) return undefined
      const links = rows.map((r) => UmbrellaLinkOptions.parse(r.sync_options ?? {}))
      return { ...links[0]!, bidirectional: links.every((l) => l.bidirectional) }
    },
    async numberTakenIn(childId, membershipId) {
      const [row] = await rowsOf<{ taken: boolean }>(
        db,
        sql`select exists (select 1 from memberships c join memberships m on m.id = ${membershipId} and m.organisation_id = ${organisationId}
                            where c.organisation_id = ${childId} and c.number = m.number
                              and c.synced_from_membership_id is distinct from m.id) as taken`,
      )
      return row?.taken ?? false
    },
    async membershipsByLogin(login) {
      const number = /^\d{1,15}$/.test(login) ? Number(login) : null
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`select m.id from memberships m join persons p on p.id = m.person_id
             where m.organisation_id = ${organisationId} and m.archived_on is null
               and (lower(p.email) = lower(${login}) or m.number = ${number}) order by m.number`,
      )
      return rows.map((r) => r.id)
    },
    async promoteToParent(membershipId) {
      const [row] = await rowsOf<{ parent_id: string | null; sync_options: unknown; number: number; synced: string | null }>(
        db,
        sql`select o.parent_id, o.sync_options, m.number, m.synced_from_membership_id as synced from memberships m
              join organisations o on o.id = m.organisation_id where m.organisation_id = ${organisationId} and m.id = ${membershipId}`,
      )
      if (!row?.parent_id || row.synced || !UmbrellaLinkOptions.parse(row.sync_options ?? {}).showChildMembersInParent) return undefined
      const parentId = row.parent_id
      // The parent takes the child's number when it is free there, else its own lowest free number; the copy follows.
      const [taken] = await rowsOf<{ id: string }>(
        db,
        sql`select id from memberships where organisation_id = ${parentId} and number = ${row.number}`,
      )
      let number = row.number
      if (taken) {
        const [free] = await rowsOf<{ n: string }>(
          db,
          sql`select coalesce((select min(m.number) + 1 from memberships m where m.organisation_id = ${parentId}
                 and not exists (select 1 from memberships x where x.organisation_id = ${parentId} and x.number = m.number + 1)),
               (select membership_number_from from organisations where id = ${parentId}))::text as n`,
        )
        number = Number(free!.n)
        await db.execute(sql`update memberships set number = ${number} where organisation_id = ${organisationId} and id = ${membershipId}`)
      }
      const [created] = await rowsOf<{ id: string }>(
        db,
        sql`insert into memberships (organisation_id, person_id, number, joined_on, ends_on, payment_method)
            select ${parentId}, person_id, ${number}, joined_on, ends_on, payment_method from memberships
             where organisation_id = ${organisationId} and id = ${membershipId} returning id`,
      )
      await db.execute(
        sql`update memberships set synced_from_membership_id = ${created!.id} where organisation_id = ${organisationId} and id = ${membershipId}`,
      )
      const mandates = await rowsOf<{ id: string }>(
        db,
        sql`select id from mandates where organisation_id = ${organisationId} and membership_id = ${membershipId}`,
      )
      for (const mandate of mandates) {
        const [copy] = await rowsOf<{ id: string }>(
          db,
          sql`insert into mandates (organisation_id, person_id, membership_id, reference, kind, account_holder, iban, bic, creditor_id,
                                    signed_on, valid_from, limited_until, terminated_on, pre_notification_channel)
              select ${parentId}, person_id, ${created!.id}, reference, kind, account_holder, iban, bic, creditor_id,
                     signed_on, valid_from, limited_until, terminated_on, pre_notification_channel
                from mandates where id = ${mandate.id} returning id`,
        )
        await db.execute(sql`update mandates set synced_from_mandate_id = ${copy!.id} where id = ${mandate.id}`)
      }
      return created!.id
    },
    async sharedNumberScope() {
      const [row] = await rowsOf<{ ids: string[] | null; root: string }>(
        db,
        sql`with recursive up(id, parent_id) as (
              select id, parent_id from organisations where id = ${organisationId}
              union select o.id, o.parent_id from organisations o join up on o.id = up.parent_id),
            root as (select id from up where parent_id is null),
            down(id) as (select id from root union select o.id from organisations o join down on o.parent_id = down.id)
            select (select id from root) as root,
                   case when exists (select 1 from organisations o where o.id in (select id from down)
                                       and coalesce((o.sync_options->>'sharedNumberRange')::boolean, false))
                        then array(select id::text from down) end as ids`,
      )
      return row?.ids ? { rootId: row.root, organisationIds: row.ids } : undefined
    },
    async lowestFreeNumberIn(organisationIds, from) {
      const [row] = await rowsOf<{ n: string }>(
        db,
        sql`select coalesce(
              (select ${from}::bigint where not exists (select 1 from memberships where number = ${from}
                 and organisation_id::text in (${sql.join(
                   organisationIds.map((i) => sql`${i}`),
                   sql`, `,
                 )}))),
              (select min(m.number) + 1 from memberships m
                where m.organisation_id::text in (${sql.join(
                  organisationIds.map((i) => sql`${i}`),
                  sql`, `,
                )}) and m.number >= ${from}
                  and not exists (select 1 from memberships x where x.number = m.number + 1
                                    and x.organisation_id::text in (${sql.join(
                                      organisationIds.map((i) => sql`${i}`),
                                      sql`, `,
                                    )}))))::text as n`,
      )
      return Number(row!.n)
    },
    async lockOrganisation(id) {
      await db.execute(sql`select id from organisations where id = ${id} for no key update`)
    },
    async parentData(source, asOf) {
      const parent = source.parentId
      const [person] = await rowsOf<{ notes: string | null; group_name: string | null; balance: string }>(
        db,
        sql`select p.notes, g.name as group_name,
                   coalesce((select sum(x.amount) from postings x where x.organisation_id = ${parent}
                               and x.membership_id = m.id and x.date <= ${asOf}::date), 0)::text as balance
              from memberships m join persons p on p.id = m.person_id
              left join fee_class_groups g on g.id = m.fee_class_group_id
             where m.organisation_id = ${parent} and m.id = ${source.parentMembershipId}`,
      )
      const open = Math.max(0, -Number(person?.balance ?? 0))
      const invoices = await rowsOf<{ number: string; invoice_date: string; total: string }>(
        db,
        sql`select number::text, invoice_date::text, total::text from invoices
             where organisation_id = ${parent} and membership_id = ${source.parentMembershipId} and cancelled_at is null
             order by invoice_date, number`,
      )
      const events = await rowsOf<{ changed_at: Date | string; field: string; before: string | null; after: string | null }>(
        db,
        sql`select a.changed_at, a.field, a.before::text, a.after::text from person_audit a
              join memberships m on m.person_id = a.person_id and m.id = ${source.parentMembershipId}
             where a.organisation_id = ${parent} order by a.sequence`,
      )
      return {
        notes: person?.notes ?? null,
        groups: person?.group_name ? [person.group_name] : [],
        // The ledger allocates payments to postings, not to invoices: an invoice is open while the account is.
        invoices: invoices.map((i) => ({
          number: i.number,
          date: i.invoice_date,
          amount: Number(i.total),
          open: Math.min(open, Number(i.total)),
          paid: open === 0,
        })),
        events: events.map((e) => ({ at: new Date(e.changed_at), field: e.field, before: e.before, after: e.after })),
      }
    },
  }
}
