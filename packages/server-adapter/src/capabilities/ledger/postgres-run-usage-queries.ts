import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { postings, postingUses } from './ledger-schema'
import { unnestBatchSize } from './posting-sql'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import type { LedgerStore } from './ledger-store'

/** What runs booked and which runs used postings (posting_uses), for one organisation. */
export function createRunUsageQueries(
  db: Database,
  organisationId: string,
): Pick<
  LedgerStore,
  'runInUse' | 'runDependants' | 'deleteRunPostings' | 'addUses' | 'removeUsesOfRun' | 'removeUses' | 'usedPostingIds' | 'postingIdsOfRun'
> {
  return {
    async runInUse(runId) {
      const rows = await rowsOf<{ used: boolean }>(
        db,
        sql`select exists(select 1 from posting_uses u join postings p on p.id = u.posting_id
                          where p.organisation_id = ${organisationId} and p.run_id = ${runId}) as used`,
      )
      return Boolean(rows[0]?.used)
    },

    async runDependants(runId) {
      const [row] = await rowsOf<{ reversals: string; write_offs: string; manual: string }>(
        db,
        sql`with own as (select id from postings where organisation_id = ${organisationId} and run_id = ${runId})
            select (select count(*) from postings r where r.organisation_id = ${organisationId} and r.reversal_of in (select id from own)) as reversals,
                   (select count(*) from allocations x where x.organisation_id = ${organisationId} and x.origin = 'write-off'
                      and x.debit_id in (select id from own)) as write_offs,
                   (select count(*) from allocations x where x.organisation_id = ${organisationId} and x.origin = 'manual'
                      and (x.debit_id in (select id from own) or x.credit_id in (select id from own))) as manual`,
      )
      return {
        reversals: Number(row?.reversals ?? 0),
        writeOffs: Number(row?.write_offs ?? 0),
        manualAllocations: Number(row?.manual ?? 0),
      }
    },

    async deleteRunPostings(runId) {
      const deleted = await db
        .delete(postings)
        .where(and(eq(postings.organisationId, organisationId), eq(postings.runId, runId)))
        .returning({ membershipId: postings.membershipId })
      return [...new Set(deleted.map((d) => d.membershipId))]
    },

    async addUses(uses) {
      // Both the posting and the run must belong to this organisation; anything else is not recorded.
      for (let start = 0; start < uses.length; start += unnestBatchSize) {
        const batch = uses.slice(start, start + unnestBatchSize)
        await db.execute(sql`insert into posting_uses (posting_id, run_id, kind)
          select u.posting_id, u.run_id, u.kind
          from unnest(${sql.param(batch.map((u) => u.postingId))}::uuid[], ${sql.param(batch.map((u) => u.runId))}::uuid[],
                      ${sql.param(batch.map((u) => u.kind))}::text[]) as u(posting_id, run_id, kind)
          join postings p on p.id = u.posting_id and p.organisation_id = ${organisationId}
          join runs r on r.id = u.run_id and r.organisation_id = ${organisationId}
          on conflict do nothing`)
      }
    },

    async removeUsesOfRun(runId) {
      if (!isUuid(runId)) return
      await db.execute(sql`delete from posting_uses u using runs r
        where u.run_id = r.id and r.id = ${runId} and r.organisation_id = ${organisationId}`)
    },

    async removeUses(runId, postingIds) {
      const ids = postingIds.filter(isUuid)
      if (!isUuid(runId) || ids.length === 0) return
      await db.execute(sql`delete from posting_uses u using runs r
        where u.run_id = r.id and r.id = ${runId} and r.organisation_id = ${organisationId}
          and u.posting_id in (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`)
    },

    async usedPostingIds(kind) {
      const rows = await db
        .select({ id: postingUses.postingId })
        .from(postingUses)
        .innerJoin(postings, eq(postings.id, postingUses.postingId))
        .where(and(eq(postings.organisationId, organisationId), eq(postingUses.kind, kind)))
      return new Set(rows.map((r) => r.id))
    },

    async postingIdsOfRun(runId) {
      const rows = await db
        .select({ id: postings.id })
        .from(postings)
        .where(and(eq(postings.organisationId, organisationId), eq(postings.runId, runId)))
      return rows.map((r) => r.id)
    },
  }
}
