import { sql } from 'drizzle-orm'
import type { LedgerPosting, PostingKind } from '@vereinskit/core/ledger'

/** Rows per insert statement with one bind parameter per value. */
export const batchSize = 1000
/** Rows per insert statement with one column array each (unnest). */
export const unnestBatchSize = 5000

/** The columns a posting is read with (`p` is the postings table). */
export const postingColumns = sql`p.id, p.membership_id, p.account_id, p.date::text as date, p.amount, p.text, p.document_number, p.kind, p.sequence, p.reversal_of`

/** A posting as raw SQL returns it. */
export interface PostingRow {
  id: string
  membership_id: string
  account_id: string
  date: string
  amount: string | number
  text: string
  document_number: string | null
  kind: string
  sequence: string | number
  reversal_of: string | null
}

export function toLedgerPosting(row: PostingRow): LedgerPosting {
  return {
    id: row.id,
    membershipId: row.membership_id,
    accountId: row.account_id,
    date: row.date,
    amount: Number(row.amount),
    text: row.text,
    documentNumber: row.document_number,
    kind: row.kind as PostingKind,
    sequence: Number(row.sequence),
    reversalOf: row.reversal_of,
  }
}
