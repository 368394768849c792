import type { CalendarDate } from '../calendar/calendar-date'
import type { Cents } from '../money/cents'

/** The bank transaction code of an entry (`BkTxCd`): ISO domain/family/sub-family and a proprietary code (DK GVC). */
export interface BankTransactionCode {
  readonly domain: string | null
  readonly family: string | null
  readonly subFamily: string | null
  readonly proprietary: string | null
}

/** One transaction of an entry (`TxDtls`); an entry without details has one, taken from the entry itself. */
export interface CamtTransaction {
  readonly endToEndId: string | null
  readonly mandateId: string | null
  readonly accountServicerReference: string | null
  readonly uetr: string | null
  /** The booked amount of this transaction, in the entry's currency. */
  readonly amount: Cents
  /** False when an entry holds several transactions and this one names no amount of its own: never booked. */
  readonly amountKnown: boolean
  readonly currency: string
  /** `AmtDtls/InstdAmt`: what was originally instructed (a returned debit's collected amount), when given. */
  readonly instructedAmount: Cents | null
  /** Charges the bank took (`Chrgs`), when reported. */
  readonly charges: Cents | null
  readonly counterpartyName: string | null
  readonly counterpartyIban: string | null
  /** `RmtInf/Ustrd` joined with spaces, or a structured creditor reference. */
  readonly remittance: string
  /** `RtrInf/Rsn/Cd` (or `Prtry`): present on returns. */
  readonly returnReason: string | null
  readonly hasReturnInformation: boolean
  readonly additionalReturnInformation: string | null
}

/** One entry (`Ntry`) of a statement or notification. */
export interface CamtEntry {
  /** Position in the file, from 0: stable within one file. */
  readonly index: number
  readonly statementId: string
  readonly accountIban: string | null
  readonly accountServicerReference: string | null
  readonly entryReference: string | null
  readonly amount: Cents
  readonly currency: string
  readonly creditDebit: 'CRDT' | 'DBIT'
  readonly reversal: boolean
  /** `BOOK`, `PDNG`, `INFO`, … */
  readonly status: string
  readonly bookingDate: CalendarDate | null
  readonly valueDate: CalendarDate | null
  readonly bankTransactionCode: BankTransactionCode
  readonly transactions: readonly CamtTransaction[]
  readonly additionalInformation: string | null
}

/** A statement (camt.053 `Stmt`) or notification (camt.054 `Ntfctn`). */
export interface CamtStatement {
  readonly id: string
  readonly accountIban: string | null
  readonly entries: readonly CamtEntry[]
}

/** A parsed camt.053 or camt.054 file. */
export interface CamtFile {
  readonly message: 'camt.053' | 'camt.054'
  readonly version: '001.02' | '001.08'
  readonly messageId: string
  readonly createdAt: string | null
  readonly statements: readonly CamtStatement[]
}
