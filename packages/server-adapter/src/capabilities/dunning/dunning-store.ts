import type { CalendarDate } from '@vereinskit/core'
import type { DunningLevel, DunningLetterEntry, DunningState } from '@vereinskit/core/dunning'

/** A dunning letter as stored: its history entry with fee posting, document and channel. */
export interface DunningLetterRecord extends DunningLetterEntry {
  readonly runId: string
  readonly number: number
  readonly fee: number
  readonly feePostingId: string | null
  readonly itemIds: readonly string[]
  readonly channel: 'letter' | 'email'
  readonly documentId: string | null
  readonly cancelledAt: Date | null
  readonly cancelledBy: string | null
}

/** A letter to record. */
export type NewDunningLetter = Omit<DunningLetterRecord, 'id' | 'sequence' | 'cancelled' | 'cancelledAt' | 'cancelledBy'>

/** What happened to a membership's dunning besides letters. */
export interface DunningEventRecord {
  readonly kind: 'block' | 'unblock' | 'block-expired' | 'court-procedure' | 'no-court-order' | 'correction' | 'letter-cancelled'
  readonly on: CalendarDate
  readonly detail: Readonly<Record<string, unknown>>
  readonly actor: string
  readonly createdAt: Date
}

/** Dunning levels, states, letters and events of one organisation. */
export interface DunningStore {
  levels(): Promise<DunningLevel[]>
  replaceLevels(levels: readonly DunningLevel[]): Promise<void>
  /** The levels memberships are at now. */
  levelsInUse(): Promise<number[]>
  /** States of every membership that has one; the others have none (`noDunning`). */
  states(): Promise<Map<string, DunningState>>
  state(membershipId: string): Promise<DunningState>
  /** Creates or changes one membership's state. */
  updateState(membershipId: string, changes: Partial<DunningState>): Promise<void>
  /** Sets level and last-letter date of many memberships (a run). */
  setLevels(list: readonly { membershipId: string; level: number | null; lastLetterOn: CalendarDate | null }[]): Promise<void>
  lastLetterNumber(): Promise<number>
  insertLetters(list: readonly NewDunningLetter[], onBatch?: (done: number) => void): Promise<void>
  /** Letters, oldest first: of one membership, of one run, or of every membership a run dunned. */
  letters(filter: { membershipId?: string; runId?: string; membersOfRun?: string }): Promise<DunningLetterRecord[]>
  cancelLetters(ids: readonly string[], at: Date, actor: string): Promise<void>
  addEvents(list: readonly ({ membershipId: string } & Omit<DunningEventRecord, 'createdAt'>)[]): Promise<void>
  events(membershipId: string): Promise<DunningEventRecord[]>
  /** Clears blocks whose end date lies before `today` (docs/decisions/0000#d11); answers the memberships. */
  clearExpiredBlocks(today: CalendarDate): Promise<string[]>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly dunning: DunningStore
  }
}
