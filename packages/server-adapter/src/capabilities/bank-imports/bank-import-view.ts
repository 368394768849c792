import type { BankEntryRecord, BankFileRecord } from './bank-import-store'

/** A stored file as the contract shows it. */
export function bankFileView(file: BankFileRecord) {
  return { ...file, createdAt: file.createdAt.toISOString(), counts: { ...file.counts } }
}

/** A stored entry as the contract shows it. */
export function bankEntryView(entry: BankEntryRecord) {
  return {
    id: entry.id,
    fileId: entry.fileId,
    kind: entry.kind,
    status: entry.status,
    outcome: entry.outcome,
    amount: entry.amount,
    currency: entry.currency,
    bookingDate: entry.bookingDate,
    counterpartyName: entry.counterpartyName,
    counterpartyIban: entry.counterpartyIban,
    remittance: entry.remittance,
    endToEndId: entry.endToEndId,
    returnReason: entry.returnReason,
    charges: entry.charges,
    membershipId: entry.membershipId,
    membershipNumber: entry.membershipNumber,
    postingIds: [...entry.postingIds],
  }
}
