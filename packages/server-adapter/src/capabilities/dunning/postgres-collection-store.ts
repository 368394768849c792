import { and, asc, eq } from 'drizzle-orm'
import type { PostalAddress } from '@vereinskit/core/applications'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { collectionExports, collectionItems } from './dunning-schema'
import type { CollectionStore } from './collection-store'

/** Collection runs in PostgreSQL. */
export function createCollectionStore(db: Database, organisationId: string): CollectionStore {
  const ofRun = (runId: string) => and(eq(collectionItems.organisationId, organisationId), eq(collectionItems.runId, runId))
  return {
    async insertItems(runId, items) {
      for (let start = 0; start < items.length; start += 1000) {
        await db.insert(collectionItems).values(
          items.slice(start, start + 1000).map((i) => ({
            runId,
            organisationId,
            membershipId: i.membershipId,
            postingId: i.debitId,
            membershipNumber: i.membershipNumber,
            name: i.name,
            address: i.address,
            date: i.date,
            text: i.text,
            open: i.open,
          })),
        )
      }
    },
    async items(runId) {
      if (!isUuid(runId)) return []
      const rows = await db
        .select()
        .from(collectionItems)
        .where(ofRun(runId))
        .orderBy(asc(collectionItems.membershipNumber), asc(collectionItems.date))
      return rows.map((r) => ({
        membershipId: r.membershipId,
        membershipNumber: r.membershipNumber,
        name: r.name,
        address: r.address as PostalAddress,
        debitId: r.postingId,
        date: r.date,
        text: r.text,
        open: r.open,
      }))
    },
    async removeItem(runId, postingId) {
      if (!isUuid(runId) || !isUuid(postingId)) return false
      const rows = await db
        .delete(collectionItems)
        .where(and(ofRun(runId), eq(collectionItems.postingId, postingId)))
        .returning({ id: collectionItems.postingId })
      return rows.length > 0
    },
    async removeAll(runId) {
      await db.delete(collectionItems).where(ofRun(runId))
    },
    async exportedAt(runId) {
      if (!isUuid(runId)) return null
      const [row] = await db
        .select()
        .from(collectionExports)
        .where(and(eq(collectionExports.organisationId, organisationId), eq(collectionExports.runId, runId)))
      return row?.exportedAt ?? null
    },
    async markExported(runId, at, options) {
      await db
        .insert(collectionExports)
        .values({ runId, organisationId, exportedAt: at, setCourtProcedure: options.setCourtProcedure, marker: options.marker })
    },
  }
}
