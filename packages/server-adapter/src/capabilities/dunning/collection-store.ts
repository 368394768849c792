import type { CollectionItem } from '@vereinskit/core/dunning'

/** Collection runs' postings and exports of one organisation. */
export interface CollectionStore {
  insertItems(runId: string, items: readonly CollectionItem[]): Promise<void>
  items(runId: string): Promise<CollectionItem[]>
  /** False if the run has no such posting. */
  removeItem(runId: string, postingId: string): Promise<boolean>
  removeAll(runId: string): Promise<void>
  exportedAt(runId: string): Promise<Date | null>
  markExported(runId: string, at: Date, options: { setCourtProcedure: boolean; marker: string | null }): Promise<void>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly collections: CollectionStore
  }
}
