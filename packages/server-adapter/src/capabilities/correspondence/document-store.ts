import type { CalendarDate } from '@vereinskit/core'
import type { LetterChannel, LetterData, LetterKind, LetterTemplate } from '@vereinskit/core/correspondence'

/** How a document reaches the member (see `letterChannel`). */
export type DocumentChannel = LetterChannel

/** A document (letter) of a membership, with the template and data its content is rendered from. */
export interface DocumentRecord {
  readonly id: string
  readonly membershipId: string
  readonly kind: LetterKind
  readonly title: string
  readonly createdOn: CalendarDate
  readonly channel: DocumentChannel
  readonly runId: string | null
  readonly template: LetterTemplate
  readonly data: LetterData
  /** Set once the PDF is rendered and stored. */
  readonly contentKey: string | null
  readonly size: number | null
  readonly printedAt: Date | null
  /** In the trash (Papierkorb): a cancelled letter. */
  readonly deletedAt: Date | null
}

/** A document to write. */
export type NewDocument = Pick<DocumentRecord, 'membershipId' | 'kind' | 'title' | 'createdOn' | 'channel' | 'runId' | 'template' | 'data'>

/** Documents (Dokumente) of one organisation's memberships. */
export interface DocumentStore {
  /** Writes the documents; answers their ids in the same order. */
  insertMany(list: readonly NewDocument[]): Promise<string[]>
  get(id: string): Promise<DocumentRecord | null>
  listForMembership(membershipId: string): Promise<DocumentRecord[]>
  ofRun(runId: string): Promise<DocumentRecord[]>
  setContent(id: string, contentKey: string, size: number): Promise<void>
  /** Letters to print: channel `letter`, not printed, not deleted; of one run if given; oldest first. */
  printQueue(runId?: string): Promise<DocumentRecord[]>
  markPrinted(ids: readonly string[], at: Date): Promise<number>
  /** Moves documents to the trash (they stay listable as deleted). */
  discard(ids: readonly string[], at: Date): Promise<void>
}

/** Where document content (the PDF bytes) lives: the database by default, a directory or an object store as options. */
export interface DocumentContentStore {
  put(key: string, bytes: Uint8Array): Promise<void>
  get(key: string): Promise<Uint8Array | null>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly documents: DocumentStore
    readonly documentContents: DocumentContentStore
  }
}
