import type { CredentialRights, SyncRecord } from '@vereinskit/core/sync'

/** One change the remote side reports since a cursor: a record's current state, or its deletion. */
export interface RemoteChange {
  readonly remoteId: string
  /** The record now; null when it was deleted (a tombstone). */
  readonly record: SyncRecord | null
  /** When the remote side changed it (ISO instant), for "newest wins". */
  readonly changedAt?: string
  /** Grows with every change of the record, so a repeated older entry never wins over a newer one. */
  readonly version?: number
}

/**
 * The small interface a member database connector implements (the reference one speaks REST). Every write carries
 * an idempotency key: the dispatcher repeats a write whose answer got lost with the same key, and the remote side
 * must apply a key once. A connector throws `MemberDatabaseCallError` for failures worth retrying.
 */
export interface MemberDatabaseConnector {
  /** What the credentials may do; throws when they are refused. */
  checkCredentials(): Promise<CredentialRights>
  create(record: SyncRecord, idempotencyKey: string): Promise<{ remoteId: string }>
  /** Sets the given fields (a null clears one); other fields stay as the remote side has them. */
  update(remoteId: string, fields: SyncRecord, idempotencyKey: string): Promise<void>
  /** Deletes a record; a record already gone counts as deleted. */
  remove(remoteId: string, idempotencyKey: string): Promise<void>
  /** Changes since a cursor (null: everything), in order, with the cursor to continue from. */
  changesSince(cursor: string | null): Promise<{ changes: RemoteChange[]; cursor: string | null }>
  /** Every remote id of the linked group (a full pull compares them to find deletions the feed missed). */
  listIds(): Promise<string[]>
}

/** How the server builds a connector for an organisation's stored link. */
export type MemberDatabaseConnectorFactory = (link: { baseUrl: string; username: string; password: string }) => MemberDatabaseConnector

/** A failed remote call: the reason is shown in the member's status and the call is retried with backoff. */
export class MemberDatabaseCallError extends Error {
  override name = 'MemberDatabaseCallError'
  constructor(
    message: string,
    readonly kind: 'unavailable' | 'refused' | 'credentials',
  ) {
    super(message)
  }
}
