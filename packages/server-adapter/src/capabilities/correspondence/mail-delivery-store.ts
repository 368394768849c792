/** Where an e-mail stands: queued → sending → sent; failed (retried) → abandoned; cancelled with its letter; uncertain when a send was cut off. */
export type MailDeliveryStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'abandoned' | 'cancelled' | 'uncertain'

/**
 * A system e-mail whose content is fixed when it is queued (appointment confirmations and reminders): it carries
 * no letter, only text and small text attachments such as an .ics file.
 */
export interface MailMessage {
  /** Sender address; the server's when null. */
  readonly from: string | null
  readonly subject: string
  readonly text: string
  readonly attachments: readonly { readonly filename: string; readonly contentType: string; readonly content: string }[]
}

/** One e-mail: a letter (document) as a PDF, or a system e-mail. */
export interface MailDeliveryRecord {
  readonly id: string
  readonly documentId: string | null
  readonly message: MailMessage | null
  readonly recipient: string
  readonly status: MailDeliveryStatus
  readonly attempts: number
  readonly lastError: string | null
  readonly nextAttemptAt: Date
  readonly sentAt: Date | null
  /** The Message-ID header, fixed when queued, so a receiving server can recognise a repeat. */
  readonly messageId: string
}

/** The e-mail outbox of one organisation. */
export interface MailDeliveryStore {
  queue(list: readonly { documentId: string; recipient: string; messageId: string }[], at: Date): Promise<void>
  /** Queues system e-mails; one with a `dedupeKey` already queued is skipped. Answers how many were queued. */
  queueMessages(
    list: readonly { message: MailMessage; recipient: string; messageId: string; dedupeKey: string | null }[],
    at: Date,
  ): Promise<number>
  /**
   * Takes up to `limit` due deliveries (queued, or failed and due again) and marks them `sending` with a lease until
   * `leaseUntil`; rows another instance holds are skipped (`FOR UPDATE SKIP LOCKED`).
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<MailDeliveryRecord[]>
  markSent(id: string, at: Date): Promise<void>
  /** A failed attempt: retried at `retryAt`, or abandoned when that is null. */
  markFailed(id: string, error: string, retryAt: Date | null): Promise<void>
  /**
   * Sends whose lease ran out without an outcome (the process died mid-send) become `uncertain`: the mail may have
   * gone out, so it is never sent again by itself; staff look and resend. Answers how many.
   */
  markStale(now: Date): Promise<number>
  list(filter: { status?: MailDeliveryStatus | undefined; documentIds?: readonly string[] | undefined }): Promise<MailDeliveryRecord[]>
  /** Queues a failed, abandoned or uncertain delivery again; null if there is none such. */
  retry(id: string, at: Date): Promise<MailDeliveryRecord | null>
  /** Cancels deliveries of these documents that were not sent yet (their letter was cancelled). */
  cancelForDocuments(documentIds: readonly string[]): Promise<void>
  /** Cancels system e-mails not sent yet whose dedupe key starts with `prefix` (a moved or cancelled appointment's). */
  cancelUnsent(dedupeKeyPrefix: string): Promise<number>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly mailDeliveries: MailDeliveryStore
  }
}
