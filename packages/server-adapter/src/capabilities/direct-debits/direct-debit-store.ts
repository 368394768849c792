import type { CalendarDate } from '@vereinskit/core'
import type { PostalAddress } from '@vereinskit/core/applications'
import type { MandateAmendment, PreNotificationChannel, SequenceType } from '@vereinskit/core/direct-debit'

/** A debit of a run as stored. */
export interface DirectDebitRecord {
  readonly id: string
  readonly runId: string
  readonly mandateId: string
  readonly payerPersonId: string
  readonly collectionDate: CalendarDate
  readonly sequenceType: SequenceType
  readonly amount: number
  readonly endToEndId: string
  readonly reference: string
  readonly iban: string
  readonly bic: string | null
  readonly accountHolder: string
  readonly signedOn: CalendarDate
  readonly amendment: MandateAmendment | null
  readonly address: PostalAddress | null
  readonly email: string | null
  readonly preNotificationChannel: PreNotificationChannel
  readonly remittance: string
  readonly membershipNumbers: readonly number[]
  readonly status: 'pending' | 'exported' | 'returned'
  readonly exportId: string | null
  readonly returnReason: string | null
  readonly lapseWarning: boolean
}

/** A new debit with the items it settles. */
export type NewDirectDebit = Omit<DirectDebitRecord, 'id' | 'runId' | 'status' | 'exportId' | 'returnReason'> & {
  readonly items: readonly { membershipId: string; postingId: string; amount: number }[]
}

/** One item a debit settles, with the credit its export booked. */
export interface DirectDebitItemRecord {
  readonly debitId: string
  readonly membershipId: string
  readonly postingId: string
  readonly amount: number
  readonly creditPostingId: string | null
}

/** A pain.008 export of one sequence type. */
export interface DirectDebitExportRecord {
  readonly id: string
  readonly runId: string
  readonly sequenceType: SequenceType
  readonly messageId: string
  readonly count: number
  readonly total: number
  readonly createdAt: Date
  readonly cancelledAt: Date | null
}

/** The debits of direct-debit runs, their exports and pre-notifications. */
export interface DirectDebitStore {
  insertDebits(runId: string, debits: readonly NewDirectDebit[]): Promise<void>
  debits(filter: { runId?: string; ids?: readonly string[]; exportId?: string }): Promise<DirectDebitRecord[]>
  items(debitIds: readonly string[]): Promise<DirectDebitItemRecord[]>
  /** Postings in debits not yet exported: never collected by a second run. */
  collectingPostingIds(): Promise<Set<string>>
  /** Removes a pending debit; answers the postings it held, or undefined when it is not a pending debit of the run. */
  removeDebit(runId: string, debitId: string): Promise<string[] | undefined>
  deleteDebitsOfRun(runId: string): Promise<void>
  insertExport(input: {
    runId: string
    sequenceType: SequenceType
    messageId: string
    xml: string
    count: number
    total: number
    createdBy: string
  }): Promise<DirectDebitExportRecord>
  exports(runId: string): Promise<DirectDebitExportRecord[]>
  exportXml(runId: string, exportId: string): Promise<string | undefined>
  markExported(debitIds: readonly string[], exportId: string): Promise<void>
  setCreditPostings(credits: readonly { debitId: string; membershipId: string; creditPostingId: string }[]): Promise<void>
  /** Marks the export cancelled and its debits pending again; answers the credit postings to remove. */
  cancelExport(exportId: string, at: Date, by: string): Promise<string[]>
  byEndToEndId(endToEndId: string): Promise<DirectDebitRecord | undefined>
  markReturned(debitId: string, reason: string | null): Promise<void>
  preNotified(runId: string): Promise<Map<string, { channel: PreNotificationChannel; documentId: string | null }>>
  insertPreNotifications(rows: readonly { debitId: string; channel: PreNotificationChannel; documentId: string | null }[]): Promise<void>
  setPreNotificationDocument(debitId: string, documentId: string | null): Promise<void>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly directDebits: DirectDebitStore
  }
}
