import type { SyncRecord } from '@vereinskit/core/sync'

/** The stored link (credentials still encrypted). */
export interface MemberDatabaseLinkRecord {
  readonly baseUrl: string
  readonly region: string
  readonly credentials: string
  readonly pullIntervalMinutes: number
  readonly conflictPolicy: 'newest-wins' | 'owner-wins' | 'manual'
  readonly pullCursor: string | null
  readonly lastPullAt: Date | null
}

/** A write sent to the member database and not yet confirmed (see `inFlight` in the schema). */
export interface InFlightPush {
  readonly kind: 'create' | 'update' | 'delete'
  readonly fields: SyncRecord
  readonly key: string
  /** The outbox rows it settles once confirmed; rows written later stay due. */
  readonly rows: readonly string[]
}

/** One membership's state on the link. */
export interface MemberLinkRecord {
  readonly membershipId: string
  readonly remoteId: string | null
  readonly mode: 'synced' | 'local-only'
  readonly base: SyncRecord | null
  readonly failureReason: string | null
  readonly transferredAt: Date | null
  readonly removedAt: Date | null
  readonly inFlight: InFlightPush | null
  readonly pushSequence: number
  /** Outbox rows not yet done. */
  readonly pendingChanges: number
  /** When the oldest of them was written: our side's change time for "newest wins". */
  readonly pendingSince: Date | null
}

/** A conflict waiting for a decision. */
export interface SyncConflictRecord {
  readonly id: string
  readonly membershipId: string
  readonly field: string
  readonly remoteField: string
  readonly baseValue: SyncRecord[string]
  readonly localValue: SyncRecord[string]
  readonly remoteValue: SyncRecord[string]
  readonly createdAt: Date
}

/** The link, its members' state, the outbox and the conflicts of one organisation. */
export interface MemberDatabaseStore {
  getLink(): Promise<MemberDatabaseLinkRecord | undefined>
  saveLink(link: Omit<MemberDatabaseLinkRecord, 'pullCursor' | 'lastPullAt'>): Promise<void>
  /** Claims the pull when it is due (or `force`), until `claimUntil`; undefined when not due or taken. */
  claimPull(now: Date, claimUntil: Date, force: boolean): Promise<MemberDatabaseLinkRecord | undefined>
  finishPull(cursor: string | null, at: Date): Promise<void>
  /** Gives a claimed pull up (it failed); cursor and time stay as the last complete pull left them. */
  releasePull(): Promise<void>
  /** A membership with this number that is not linked yet (the first pull matches the two sides by number). */
  unlinkedMembershipByNumber(number: number): Promise<string | undefined>
  /** Queues every current, unlinked, synced membership: after the first pull they are created remotely. */
  enqueueUnlinked(): Promise<number>
  /** Memberships with due outbox rows, oldest first. */
  dueMemberships(now: Date, limit: number): Promise<string[]>
  /** Locks the membership's state row (creating it), or undefined when another instance holds it. */
  lockMember(membershipId: string): Promise<MemberLinkRecord | undefined>
  getMember(membershipId: string): Promise<MemberLinkRecord | undefined>
  findByRemoteId(remoteId: string): Promise<MemberLinkRecord | undefined>
  /** The due outbox rows of a membership. */
  dueChanges(membershipId: string, now: Date): Promise<{ id: string; attempts: number; createdAt: Date }[]>
  markDone(ids: readonly string[], at: Date): Promise<void>
  markFailed(ids: readonly string[], error: string, retryAt: Date): Promise<void>
  /** Queues a push for a membership (a pull kept a local value the remote side must get). */
  enqueue(membershipId: string): Promise<void>
  updateMember(
    membershipId: string,
    changes: Partial<
      Pick<MemberLinkRecord, 'remoteId' | 'base' | 'failureReason' | 'transferredAt' | 'removedAt' | 'mode' | 'inFlight' | 'pushSequence'>
    >,
  ): Promise<void>
  /** Sets the mode; `local-only` also withdraws what is queued, so nothing of the member is ever sent. */
  setMode(membershipId: string, mode: 'synced' | 'local-only'): Promise<void>
  /** Linked remote ids of members not removed (deletion detection on a full pull). */
  linkedRemoteIds(): Promise<Map<string, string>>
  openConflicts(membershipId?: string): Promise<SyncConflictRecord[]>
  addConflicts(membershipId: string, conflicts: readonly Omit<SyncConflictRecord, 'id' | 'membershipId' | 'createdAt'>[]): Promise<void>
  /** The membership, its person and current mandate as one row (column names), for the sync record. */
  localMemberRow(membershipId: string): Promise<Record<string, string | number | null> | undefined>
  /**
   * Sets membership columns (`number`, `joined_on`, `ends_on`, `payment_method`, `membership_type`) and columns of
   * the current mandate (`iban`, `bic`, `reference`, `signed_on`, `account_holder`) from a pull.
   */
  setLocalColumns(
    membershipId: string,
    membership: Readonly<Record<string, string | number | null>>,
    mandate: Readonly<Record<string, string | null>>,
  ): Promise<void>
  /** Takes a deleted member off the member list: archived today with a marker (bookings stay for the books). */
  archiveDeleted(membershipId: string, today: string, marker: string): Promise<void>
  decideConflict(id: string, decision: 'local' | 'remote', at: Date): Promise<SyncConflictRecord | undefined>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly memberDatabase: MemberDatabaseStore
  }
}
