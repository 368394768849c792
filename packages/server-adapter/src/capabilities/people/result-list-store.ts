import type { CalendarDate } from '@vereinskit/core'
import type { SearchHitRecord } from './people-store'

/** A saved result list (Ergebnisliste). */
export interface ResultListRecord {
  readonly id: string
  readonly name: string
  /** The key that made it (`api-key:<id>`). */
  readonly owner: string
  readonly shared: boolean
  readonly createdAt: Date
  readonly entries: number
}

/** One entry with the data a list shows. */
export interface ResultListEntryRecord extends SearchHitRecord {
  readonly entryId: string
}

/**
 * Result lists of one organisation. A personal list is visible to its owner only, a shared one to all staff;
 * whoever sees a list may change it.
 */
export interface ResultListStore {
  visibleTo(owner: string): Promise<ResultListRecord[]>
  get(listId: string, owner: string): Promise<ResultListRecord | undefined>
  create(list: { name: string; shared: boolean; owner: string }): Promise<ResultListRecord>
  remove(listId: string): Promise<void>
  /** Adds entries not on the list yet; answers how many were added. */
  addEntries(listId: string, entries: readonly { personId: string; membershipId: string | null }[]): Promise<number>
  entries(listId: string, asOf: CalendarDate): Promise<ResultListEntryRecord[]>
  removeEntry(listId: string, entryId: string): Promise<boolean>
  /** Which of the given places exist here: the membership's main member, or attached to it; with its archive flag. */
  places(entries: readonly { personId: string; membershipId: string }[]): Promise<Map<string, { archived: boolean }>>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly resultLists: ResultListStore
  }
}
