import { and, eq, sql } from 'drizzle-orm'
import type { Allocation } from '@vereinskit/core/ledger'
import type { Database } from '../../storage/database'
import { allocations } from './ledger-schema'
import { batchSize } from './posting-sql'
import { rowsOf } from '../../storage/rows'
import type { LedgerStore } from './ledger-store'

/** Allocations of one organisation: which credit settles which debit. */
export function createAllocationQueries(
  db: Database,
  organisationId: string,
): Pick<
  LedgerStore,
  'membershipsWithUnallocatedCredit' | 'usage' | 'insertAllocations' | 'allocationsOf' | 'deleteAllocations' | 'deleteAllocationsOfCredit'
> {
  return {
    async membershipsWithUnallocatedCredit(membershipIds) {
      if (membershipIds.length === 0) return []
      const rows = await rowsOf<{ membership_id: string }>(
        db,
        sql`select distinct p.membership_id from postings p
            where p.organisation_id = ${organisationId} and p.amount > 0 and p.membership_id = any(${sql.param(membershipIds)}::uuid[])
              and p.amount > coalesce((select sum(x.amount) from allocations x where x.credit_id = p.id), 0)`,
      )
      return rows.map((r) => r.membership_id)
    },

    async usage(postingId) {
      const [row] = await rowsOf<{ allocated: string; invoiced: boolean; direct_debited: boolean; dunned: boolean }>(
        db,
        sql`select coalesce((select sum(amount) from allocations where debit_id = ${postingId} and organisation_id = ${organisationId}), 0)::bigint as allocated,
                   exists(select 1 from posting_uses u join runs r on r.id = u.run_id and r.organisation_id = ${organisationId} where u.posting_id = ${postingId} and u.kind = 'invoice') as invoiced,
                   exists(select 1 from posting_uses u join runs r on r.id = u.run_id and r.organisation_id = ${organisationId} where u.posting_id = ${postingId} and u.kind = 'direct-debit') as direct_debited,
                   exists(select 1 from posting_uses u join runs r on r.id = u.run_id and r.organisation_id = ${organisationId} where u.posting_id = ${postingId} and u.kind = 'dunning') as dunned`,
      )
      return {
        allocated: Number(row?.allocated ?? 0),
        invoiced: Boolean(row?.invoiced),
        directDebited: Boolean(row?.direct_debited),
        dunned: Boolean(row?.dunned),
      }
    },

    async insertAllocations(list, origin = 'automatic') {
      for (let start = 0; start < list.length; start += batchSize) {
        await db.insert(allocations).values(list.slice(start, start + batchSize).map((a) => ({ organisationId, ...a, origin })))
      }
    },

    async allocationsOf(postingId) {
      const rows = await rowsOf<{ credit_id: string; debit_id: string; amount: string; allocated_on: string }>(
        db,
        sql`select credit_id, debit_id, amount, allocated_on::text as allocated_on from allocations
            where organisation_id = ${organisationId} and (credit_id = ${postingId} or debit_id = ${postingId}) order by allocated_on`,
      )
      return rows.map((a): Allocation => ({
        creditId: a.credit_id,
        debitId: a.debit_id,
        amount: Number(a.amount),
        allocatedOn: a.allocated_on,
      }))
    },

    async deleteAllocations(list) {
      for (const a of list) {
        await db.execute(
          sql`delete from allocations where id = (select id from allocations where organisation_id = ${organisationId}
              and credit_id = ${a.creditId} and debit_id = ${a.debitId} and amount = ${a.amount} limit 1)`,
        )
      }
    },

    async deleteAllocationsOfCredit(creditId) {
      await db.delete(allocations).where(and(eq(allocations.organisationId, organisationId), eq(allocations.creditId, creditId)))
    },
  }
}
