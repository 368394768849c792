import { and, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { postings } from './ledger-schema'
import { toLedgerPosting, postingColumns, unnestBatchSize, type PostingRow } from './posting-sql'
import type { LedgerPosting } from '@vereinskit/core/ledger'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import type { LedgerStore, PostingDetailRecord } from './ledger-store'

/** Postings of one organisation: reading, booking, editing, balances. */
export function createPostingQueries(
  db: Database,
  organisationId: string,
): Pick<
  LedgerStore,
  | 'postingDetails'
  | 'ledger'
  | 'getPosting'
  | 'isReversed'
  | 'chargedYears'
  | 'insertPostings'
  | 'updatePosting'
  | 'deletePosting'
  | 'deletePostings'
  | 'balances'
  | 'balancesBeyond'
> {
  return {
    async postingDetails(filter) {
      const conditions: SQL[] = [sql`p.organisation_id = ${organisationId}`]
      if (filter.membershipId) conditions.push(sql`p.membership_id = ${filter.membershipId}`)
      if (filter.runId) conditions.push(sql`p.run_id = ${filter.runId}`)
      if (filter.ids)
        conditions.push(
          sql`p.id in (${sql.join(
            filter.ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
        )
      const rows = await rowsOf<
        PostingRow & {
          membership_number: string
          account_name: string
          run_id: string | null
          reversed_by: string | null
          open: string
          created_at: Date | string
          created_by: string
        }
      >(
        db,
        sql`select ${postingColumns}, m.number as membership_number, a.name as account_name, p.run_id, r.id as reversed_by,
              case when p.amount < 0
                then -p.amount - coalesce((select sum(x.amount) from allocations x where x.debit_id = p.id), 0)
                else p.amount - coalesce((select sum(x.amount) from allocations x where x.credit_id = p.id), 0)
              end::bigint as open,
              p.created_at, p.created_by
            from postings p
            join memberships m on m.id = p.membership_id
            join accounts a on a.id = p.account_id
            left join postings r on r.reversal_of = p.id
            where ${sql.join(conditions, sql` and `)}
            order by m.number, p.date, p.sequence`,
      )
      return rows.map((row): PostingDetailRecord => {
        const p = toLedgerPosting(row)
        return {
          id: p.id,
          membershipId: p.membershipId,
          membershipNumber: Number(row.membership_number),
          accountId: p.accountId,
          accountName: row.account_name,
          date: p.date,
          amount: p.amount,
          text: p.text,
          documentNumber: p.documentNumber,
          kind: p.kind,
          runId: row.run_id,
          reversalOf: p.reversalOf,
          reversedBy: row.reversed_by,
          open: Number(row.open),
          createdAt: new Date(row.created_at),
          createdBy: row.created_by,
        }
      })
    },

    async ledger(membershipIds) {
      if (membershipIds !== 'all' && membershipIds.length === 0) return { postings: [], allocations: [] }
      const scope =
        membershipIds === 'all'
          ? sql`p.organisation_id = ${organisationId}`
          : sql`p.organisation_id = ${organisationId} and p.membership_id = any(${sql.param(membershipIds)}::uuid[])`
      const postingRows = await rowsOf<PostingRow>(db, sql`select ${postingColumns} from postings p where ${scope} order by p.sequence`)
      const allocationRows = await rowsOf<{ credit_id: string; debit_id: string; amount: string; allocated_on: string }>(
        db,
        sql`select x.credit_id, x.debit_id, x.amount, x.allocated_on::text as allocated_on
            from allocations x join postings p on p.id = x.debit_id where ${scope}`,
      )
      return {
        postings: postingRows.map(toLedgerPosting),
        allocations: allocationRows.map((a) => ({
          creditId: a.credit_id,
          debitId: a.debit_id,
          amount: Number(a.amount),
          allocatedOn: a.allocated_on,
        })),
      }
    },

    async getPosting(id, options = {}) {
      if (!isUuid(id)) return undefined
      const rows = await rowsOf<PostingRow>(
        db,
        sql`select ${postingColumns} from postings p where p.organisation_id = ${organisationId} and p.id = ${id} ${
          options.forUpdate ? sql`for update` : sql``
        }`,
      )
      return rows[0] && toLedgerPosting(rows[0])
    },

    async isReversed(postingId) {
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`select id from postings where organisation_id = ${organisationId} and reversal_of = ${postingId}`,
      )
      return rows.length > 0
    },

    async chargedYears() {
      const rows = await rowsOf<{ assignment_id: string; year: number; amount: string; charge_keys: string[] }>(
        db,
        sql`select charge_assignment_id as assignment_id, charge_year as year, (-sum(amount))::bigint as amount,
                   array_agg(charge_key) as charge_keys
            from postings where organisation_id = ${organisationId} and charge_key is not null
            group by charge_assignment_id, charge_year`,
      )
      return rows.map((r) => ({
        assignmentId: r.assignment_id,
        year: Number(r.year),
        amount: Number(r.amount),
        chargeKeys: r.charge_keys,
      }))
    },

    async insertPostings(rows, onBatch) {
      // One statement per batch with a column array each (unnest) instead of a bind parameter per value: several
      // times faster for large runs. Conflicting charge keys are skipped, so no instalment is ever posted twice.
      const inserted: LedgerPosting[] = []
      for (let start = 0; start < rows.length; start += unnestBatchSize) {
        const batch = rows.slice(start, start + unnestBatchSize)
        const column = <T>(pick: (row: (typeof batch)[number]) => T) => sql.param(batch.map(pick))
        const result = await rowsOf<PostingRow>(
          db,
          sql`insert into postings (organisation_id, membership_id, account_id, date, amount, text, document_number, kind,
                                    run_id, charge_key, charge_assignment_id, charge_year, reversal_of, created_by)
              select ${organisationId}, * from unnest(
                ${column((r) => r.membershipId)}::uuid[], ${column((r) => r.accountId)}::uuid[], ${column((r) => r.date)}::date[],
                ${column((r) => r.amount)}::bigint[], ${column((r) => r.text)}::text[], ${column((r) => r.documentNumber)}::text[],
                ${column((r) => r.kind)}::text[], ${column((r) => r.runId)}::uuid[], ${column((r) => r.chargeKey)}::text[],
                ${column((r) => r.chargeAssignmentId)}::uuid[], ${column((r) => r.chargeYear)}::int[], ${column((r) => r.reversalOf)}::uuid[],
                ${column((r) => r.createdBy)}::text[])
              on conflict do nothing
              returning id, membership_id, account_id, date::text as date, amount, text, document_number, kind, sequence, reversal_of`,
        )
        inserted.push(...result.map(toLedgerPosting))
        onBatch?.(Math.min(start + unnestBatchSize, rows.length))
      }
      return inserted
    },

    async updatePosting(id, changes) {
      await db
        .update(postings)
        .set(changes)
        .where(and(eq(postings.organisationId, organisationId), eq(postings.id, id)))
    },

    async deletePosting(id) {
      await db.delete(postings).where(and(eq(postings.organisationId, organisationId), eq(postings.id, id)))
    },

    async deletePostings(ids) {
      const touched = new Set<string>()
      for (let start = 0; start < ids.length; start += 10_000) {
        const rows = await db
          .delete(postings)
          .where(and(eq(postings.organisationId, organisationId), inArray(postings.id, ids.slice(start, start + 10_000) as string[])))
          .returning({ membershipId: postings.membershipId })
        for (const r of rows) touched.add(r.membershipId)
      }
      return [...touched]
    },

    async balances() {
      const rows = await rowsOf<{ membership_id: string; balance: string }>(
        db,
        sql`select membership_id, sum(amount)::bigint as balance from postings where organisation_id = ${organisationId} group by membership_id`,
      )
      return new Map(rows.map((r) => [r.membership_id, Number(r.balance)]))
    },

    async balancesBeyond(membershipIds, limit) {
      if (membershipIds.length === 0) return []
      const rows = await rowsOf<{ membership_id: string }>(
        db,
        sql`select membership_id from postings
            where organisation_id = ${organisationId} and membership_id = any(${sql.param(membershipIds)}::uuid[])
            group by membership_id having abs(sum(amount)) > ${limit}`,
      )
      return rows.map((r) => r.membership_id)
    },
  }
}
