import type { PostingView } from '@vereinskit/core/contract'
import type { PostingDetailRecord } from './ledger-store'

/** A stored posting as the contract shows it. */
export function postingView(record: PostingDetailRecord): PostingView {
  return {
    id: record.id,
    membershipId: record.membershipId,
    membershipNumber: record.membershipNumber,
    accountId: record.accountId,
    accountName: record.accountName,
    date: record.date,
    amount: record.amount,
    text: record.text,
    documentNumber: record.documentNumber,
    kind: record.kind,
    runId: record.runId,
    reversalOf: record.reversalOf,
    reversedBy: record.reversedBy,
    open: record.open,
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
  }
}
