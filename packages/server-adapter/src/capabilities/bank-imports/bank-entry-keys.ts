import type { CamtEntry, CamtFile, CamtTransaction } from '@vereinskit/core/bank-import'
import { classifyTransaction } from '@vereinskit/core/bank-import'
import type { NewBankEntry } from './bank-import-store'

/**
 * What makes a transaction the same when it arrives again (another copy of the file, the camt.054 breakdown of a
 * camt.053 entry): the bank's reference of the transaction, else the entry's reference and the position inside it,
 * else the end-to-end id with the payer's account, amount and booking date, else the account, statement and position.
 */
export function dedupeKey(file: CamtFile, entry: CamtEntry, tx: CamtTransaction, txIndex: number): string {
  if (tx.accountServicerReference) return `tx:${tx.accountServicerReference}`
  if (entry.accountServicerReference) return `entry:${entry.accountServicerReference}:${entry.transactions.length > 1 ? txIndex : 0}`
  // A standing order may repeat its end-to-end id every month: the booking date keeps the months apart.
  if (tx.endToEndId) return `e2e:${tx.endToEndId}:${tx.counterpartyIban ?? ''}:${tx.amount}:${entry.creditDebit}:${entry.bookingDate ?? ''}`
  // The same statement sent again in another message is still the same statement.
  return `position:${file.message}:${entry.accountIban ?? ''}:${entry.statementId}:${entry.index}:${txIndex}`
}

/** Every transaction of a file as an entry to store, classified (docs/decisions/0000#d17), before processing. */
export function entriesOf(file: CamtFile): NewBankEntry[] {
  const entries: NewBankEntry[] = []
  for (const statement of file.statements) {
    for (const entry of statement.entries) {
      entry.transactions.forEach((tx, txIndex) => {
        entries.push({
          position: entries.length,
          kind: classifyTransaction(entry, tx),
          status: 'open',
          outcome: 'waiting for processing',
          amount: tx.amount,
          currency: tx.currency,
          bookingDate: entry.bookingDate ?? entry.valueDate,
          endToEndId: tx.endToEndId,
          mandateReference: tx.mandateId,
          remittance: tx.remittance,
          counterpartyName: tx.counterpartyName,
          counterpartyIban: tx.counterpartyIban,
          returnReason: tx.returnReason,
          charges: tx.charges,
          dedupeKey: dedupeKey(file, entry, tx, txIndex),
          // Returned debits: the collected amount is the instructed one; what the bank took on top are charges.
          ...(tx.instructedAmount !== null && tx.charges === null && tx.amount > tx.instructedAmount
            ? { charges: tx.amount - tx.instructedAmount }
            : {}),
        })
      })
    }
  }
  return entries
}
