import type { CalendarDate } from '@vereinskit/core'
import type { PostalAddress } from '@vereinskit/core/applications'

/** An invoice as stored. */
export interface InvoiceRecord {
  readonly id: string
  readonly number: number
  readonly membershipId: string
  readonly invoiceDate: CalendarDate
  readonly dueOn: CalendarDate
  readonly total: number
  readonly letter: {
    readonly membershipNumber: number
    readonly recipient: { readonly name: string; readonly address: PostalAddress }
    readonly items: readonly { debitId: string; date: CalendarDate; text: string; open: number }[]
  }
  readonly cancelled: boolean
}

/** Invoices (Rechnungen) of invoice runs. */
export interface InvoiceStore {
  insertForRun(runId: string, invoices: readonly Omit<InvoiceRecord, 'id' | 'cancelled'>[]): Promise<void>
  ofRun(runId: string): Promise<InvoiceRecord[]>
  cancelOfRun(runId: string, cancelledAt: Date): Promise<void>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly invoices: InvoiceStore
  }
}
