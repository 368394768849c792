import type { CalendarDate } from '@vereinskit/core'
import type { ChargedYear } from '@vereinskit/core/fees'
import type { Allocation, DebitUsage, LedgerPosting, PostingKind } from '@vereinskit/core/ledger'

/** A posting to insert. */
export interface NewPostingRow {
  readonly membershipId: string
  readonly accountId: string
  readonly date: CalendarDate
  readonly amount: number
  readonly text: string
  readonly documentNumber: string | null
  readonly kind: PostingKind
  readonly runId: string | null
  readonly chargeKey: string | null
  readonly chargeAssignmentId: string | null
  readonly chargeYear: number | null
  readonly reversalOf: string | null
  readonly createdBy: string
}

/** How an allocation came about; only `automatic` ones are re-made when credits are allocated again (docs/decisions/0007). */
export type AllocationOrigin = 'automatic' | 'manual' | 'reversal' | 'write-off' | 'cash' | 'direct-debit'

/** A posting with what lists show beside it: membership number, account name, what is open, who reversed it. */
export interface PostingDetailRecord extends Omit<LedgerPosting, 'sequence'> {
  readonly membershipNumber: number
  readonly accountName: string
  readonly runId: string | null
  readonly reversedBy: string | null
  /** Debits: cents still open. Credits: cents not yet allocated. */
  readonly open: number
  readonly createdAt: Date
  readonly createdBy: string
}

/** Member-account postings and allocations. */
export interface LedgerStore {
  postingDetails(filter: { membershipId?: string; runId?: string; ids?: readonly string[] }): Promise<PostingDetailRecord[]>
  ledger(membershipIds: readonly string[] | 'all'): Promise<{ postings: LedgerPosting[]; allocations: Allocation[] }>
  membershipsWithUnallocatedCredit(membershipIds: readonly string[]): Promise<string[]>
  getPosting(id: string, options?: { forUpdate?: boolean }): Promise<LedgerPosting | undefined>
  isReversed(postingId: string): Promise<boolean>
  usage(postingId: string): Promise<DebitUsage>
  chargedYears(): Promise<ChargedYear[]>
  /** Inserts in batches; a charge whose key exists already is skipped (never charged twice). */
  insertPostings(rows: readonly NewPostingRow[], onBatch?: (done: number) => void): Promise<LedgerPosting[]>
  updatePosting(id: string, changes: { text?: string; documentNumber?: string | null }): Promise<void>
  deletePosting(id: string): Promise<void>
  /** Deletes postings (and their allocations); answers the member accounts touched. */
  deletePostings(ids: readonly string[]): Promise<string[]>
  insertAllocations(allocations: readonly Allocation[], origin?: AllocationOrigin): Promise<void>
  allocationsOf(postingId: string): Promise<Allocation[]>
  deleteAllocations(allocations: readonly Allocation[]): Promise<void>
  deleteAllocationsOfCredit(creditId: string): Promise<void>
  /** True when an invoice, direct-debit or dunning run used a posting of this run. */
  runInUse(runId: string): Promise<boolean>
  /** What staff did to the run's postings since: reversals, write-offs and hand-made allocations (0007). */
  runDependants(runId: string): Promise<{ reversals: number; writeOffs: number; manualAllocations: number }>
  /** Deletes the run's postings (and their allocations); returns the member accounts touched. */
  deleteRunPostings(runId: string): Promise<string[]>
  addUses(uses: readonly { postingId: string; runId: string; kind: 'invoice' | 'direct-debit' | 'dunning' }[]): Promise<void>
  removeUsesOfRun(runId: string): Promise<void>
  /** Removes a run's uses of some postings (one member's letter cancelled). */
  removeUses(runId: string, postingIds: readonly string[]): Promise<void>
  usedPostingIds(kind: 'invoice' | 'direct-debit' | 'dunning'): Promise<Set<string>>
  postingIdsOfRun(runId: string): Promise<string[]>
  /** The given memberships whose balance lies beyond ± `limit` cents. */
  balancesBeyond(membershipIds: readonly string[], limit: number): Promise<string[]>
  /** Balance per membership that has postings. */
  balances(): Promise<Map<string, number>>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly ledger: LedgerStore
  }
}
