import type { CalendarDate } from '@vereinskit/core'
import type { ReturnReason } from '@vereinskit/core/bank-import'
import type { PaymentMethod } from '@vereinskit/core/ledger'

export type BankFileStatus = 'processing' | 'active' | 'failed' | 'closed'
export type BankEntryStatus = 'booked' | 'open' | 'reported' | 'duplicate' | 'dismissed'
export type BankEntryKind = 'credit' | 'returned-debit' | 'returned-transfer' | 'reversal' | 'collection-settlement' | 'other'

/** An uploaded bank file. */
export interface BankFileRecord {
  readonly id: string
  readonly fileName: string
  readonly message: 'camt.053' | 'camt.054'
  readonly version: '001.02' | '001.08'
  readonly messageId: string
  readonly status: BankFileStatus
  readonly error: string | null
  readonly createdAt: Date
  readonly counts: Readonly<Record<BankEntryStatus, number>>
}

/** One transaction of a bank file. */
export interface BankEntryRecord {
  readonly id: string
  readonly fileId: string
  readonly position: number
  readonly kind: BankEntryKind
  readonly status: BankEntryStatus
  readonly outcome: string
  readonly amount: number
  readonly currency: string
  readonly bookingDate: CalendarDate | null
  readonly endToEndId: string | null
  readonly mandateReference: string | null
  readonly remittance: string
  readonly counterpartyName: string | null
  readonly counterpartyIban: string | null
  readonly returnReason: string | null
  readonly charges: number | null
  readonly dedupeKey: string
  readonly membershipId: string | null
  readonly membershipNumber: number | null
  readonly directDebitId: string | null
  readonly postingIds: readonly string[]
}

export type NewBankEntry = Omit<BankEntryRecord, 'id' | 'fileId' | 'membershipId' | 'membershipNumber' | 'directDebitId' | 'postingIds'>

/** Uploaded bank files, their entries, and the club's return-reason table. */
export interface BankImportStore {
  /** A file with this content or this message id was imported before. */
  findFile(contentHash: string, message: string, messageId: string): Promise<string | undefined>
  createFile(input: {
    fileName: string
    message: string
    version: string
    messageId: string
    contentHash: string
    createdBy: string
  }): Promise<string>
  /** Sets the status; `failed` also removes the file's transactions (nothing of them was booked). */
  setFileStatus(fileId: string, status: BankFileStatus, error?: string | null): Promise<void>
  files(): Promise<BankFileRecord[]>
  file(fileId: string): Promise<BankFileRecord | undefined>
  /** Which of these keys belong to a transaction imported before (not counting duplicates). */
  knownKeys(keys: readonly string[]): Promise<Set<string>>
  insertEntries(fileId: string, entries: readonly NewBankEntry[]): Promise<void>
  entries(filter: { fileId: string; status?: BankEntryStatus | undefined }): Promise<BankEntryRecord[]>
  entry(entryId: string, options?: { forUpdate?: boolean }): Promise<BankEntryRecord | undefined>
  resolveEntries(
    outcomes: readonly {
      entryId: string
      status: BankEntryStatus
      outcome: string
      membershipId: string | null
      directDebitId: string | null
      postingIds: readonly string[]
    }[],
  ): Promise<void>
  returnReasons(): Promise<ReturnReason[]>
  putReturnReason(reason: { code: string; meaning: string; switchTo: PaymentMethod | null; letterText: string }): Promise<void>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly bankImports: BankImportStore
  }
}
