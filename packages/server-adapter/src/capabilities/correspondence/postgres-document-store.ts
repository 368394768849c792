import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { LetterData, LetterKind, LetterTemplate } from '@vereinskit/core/correspondence'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { documents } from './correspondence-schema'
import type { DocumentChannel, DocumentRecord, DocumentStore } from './document-store'

type Row = typeof documents.$inferSelect

function toRecord(row: Row): DocumentRecord {
  return {
    id: row.id,
    membershipId: row.membershipId,
    kind: row.kind as LetterKind,
    title: row.title,
    createdOn: row.createdOn,
    channel: row.channel as DocumentChannel,
    runId: row.runId,
    template: row.template as LetterTemplate,
    data: row.data as LetterData,
    contentKey: row.contentKey,
    size: row.size,
    printedAt: row.printedAt,
    deletedAt: row.deletedAt,
  }
}

/** Documents in PostgreSQL. */
export function createDocumentStore(db: Database, organisationId: string): DocumentStore {
  const scoped = eq(documents.organisationId, organisationId)
  return {
    async insertMany(list) {
      const ids: string[] = []
      for (let start = 0; start < list.length; start += 1000) {
        const rows = await db
          .insert(documents)
          .values(list.slice(start, start + 1000).map((d) => ({ organisationId, ...d })))
          .returning({ id: documents.id })
        ids.push(...rows.map((r) => r.id))
      }
      return ids
    },
    async get(id) {
      if (!isUuid(id)) return null
      const [row] = await db
        .select()
        .from(documents)
        .where(and(scoped, eq(documents.id, id)))
      return row ? toRecord(row) : null
    },
    async listForMembership(membershipId) {
      if (!isUuid(membershipId)) return []
      const rows = await db
        .select()
        .from(documents)
        .where(and(scoped, eq(documents.membershipId, membershipId)))
        .orderBy(asc(documents.createdAt))
      return rows.map(toRecord)
    },
    async ofRun(runId) {
      if (!isUuid(runId)) return []
      const rows = await db
        .select()
        .from(documents)
        .where(and(scoped, eq(documents.runId, runId)))
        .orderBy(asc(documents.createdAt))
      return rows.map(toRecord)
    },
    async setContent(id, contentKey, size) {
      await db
        .update(documents)
        .set({ contentKey, size })
        .where(and(scoped, eq(documents.id, id)))
    },
    async printQueue(runId) {
      if (runId !== undefined && !isUuid(runId)) return []
      const rows = await db
        .select()
        .from(documents)
        .where(
          and(
            scoped,
            eq(documents.channel, 'letter'),
            isNull(documents.printedAt),
            isNull(documents.deletedAt),
            runId ? eq(documents.runId, runId) : undefined,
          ),
        )
        .orderBy(asc(documents.createdAt), asc(documents.title))
      return rows.map(toRecord)
    },
    async markPrinted(ids, at) {
      const valid = ids.filter(isUuid)
      if (valid.length === 0) return 0
      const rows = await db
        .update(documents)
        .set({ printedAt: at })
        .where(and(scoped, inArray(documents.id, valid), isNull(documents.printedAt), isNull(documents.deletedAt)))
        .returning({ id: documents.id })
      return rows.length
    },
    async discard(ids, at) {
      for (let start = 0; start < ids.length; start += 1000) {
        await db
          .update(documents)
          .set({ deletedAt: at })
          .where(and(scoped, inArray(documents.id, ids.slice(start, start + 1000)), isNull(documents.deletedAt)))
      }
    },
    async unrendered(limit) {
      const rows = await db
        .select()
        .from(documents)
        .where(and(scoped, isNull(documents.contentKey), isNull(documents.deletedAt)))
        .orderBy(asc(documents.createdAt))
        .limit(limit)
      return rows.map(toRecord)
    },
  }
}
