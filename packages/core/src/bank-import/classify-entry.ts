import type { CamtEntry, CamtTransaction } from './camt-entry'

/** What one transaction of a bank file is (docs/decisions/0000#d17). */
export type BankTransactionKind =
  /** A credit transfer to the club: a member's payment candidate. */
  | 'credit'
  /** One of our collections came back (Rücklastschrift). */
  | 'returned-debit'
  /** A credit transfer the club sent came back: never a member payment. */
  | 'returned-transfer'
  /** The bank crediting the club's own direct-debit batch (issued direct debits): booked at export already. */
  | 'collection-settlement'
  /** A reversal (`RvslInd`) of an earlier entry: never a member payment. */
  | 'reversal'
  /** Not pending or booked information, outgoing payments, fees: reported, not booked. */
  | 'other'

/**
 * Classifies each transaction on its own (docs/decisions/0000#d17), so a file may mix credits and returns: only
 * booked entries (`BOOK`) count, and only transactions whose amount is known (one of several without its own
 * amount is reported, never booked with the entry's whole amount); a reversal indicator makes it a reversal; a credit with return information is a
 * credit transfer the club sent coming back; a credit in the issued-direct-debit family (`IDDT`) is the bank paying
 * out the club's own collections (booked at export); a debit with return information, or in the issued-direct-debit
 * family (`IDDT`) of the bank transaction code, is a returned collection; any other credit is a credit transfer;
 * anything else is reported only.
 */
export function classifyTransaction(entry: CamtEntry, tx: CamtTransaction): BankTransactionKind {
  if (entry.status !== 'BOOK' || !tx.amountKnown) return 'other'
  if (entry.reversal) return 'reversal'
  const family = entry.bankTransactionCode.family
  if (entry.creditDebit === 'CRDT') {
    if (tx.hasReturnInformation || entry.bankTransactionCode.subFamily === 'RRTN') return 'returned-transfer'
    if (family === 'IDDT') return 'collection-settlement'
    return 'credit'
  }
  if (tx.hasReturnInformation || family === 'IDDT' || family === 'RDDT') return family === 'ICDT' ? 'other' : 'returned-debit'
  return 'other'
}
