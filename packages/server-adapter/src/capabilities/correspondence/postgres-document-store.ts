import { createHash } from 'node:crypto'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { canonicalJson } from '@vereinskit/core/runs'
import type { LetterData, LetterKind, LetterTemplate } from '@vereinskit/core/correspondence'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { documents, letterTemplateSnapshots } from './correspondence-schema'
import type { DocumentChannel, DocumentRecord, DocumentStore } from './document-store'

type Row = typeof documents.$inferSelect & { template: unknown }

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

/** Documents in PostgreSQL; the templates they were written with are stored once per distinct content. */
export function createDocumentStore(db: Database, organisationId: string): DocumentStore {
  const scoped = eq(documents.organisationId, organisationId)
  const select = () =>
    db
      .select({ document: documents, template: letterTemplateSnapshots.template })
      .from(documents)
      .innerJoin(
        letterTemplateSnapshots,
        and(eq(letterTemplateSnapshots.organisationId, documents.organisationId), eq(letterTemplateSnapshots.key, documents.templateKey)),
      )
  const records = (rows: { document: typeof documents.$inferSelect; template: unknown }[]) =>
    rows.map((r) => toRecord({ ...r.document, template: r.template }))
  return {
    async insertMany(list) {
      const keys = new Map<LetterTemplate, string>()
      const snapshots = new Map<string, LetterTemplate>()
      for (const d of list) {
        if (keys.has(d.template)) continue
        const json = canonicalJson(d.template)
        const key = createHash('sha256').update(json).digest('hex')
        keys.set(d.template, key)
        snapshots.set(key, d.template)
      }
      if (snapshots.size > 0) {
        await db
          .insert(letterTemplateSnapshots)
          .values([...snapshots].map(([key, template]) => ({ organisationId, key, template })))
          .onConflictDoNothing()
      }
      const ids: string[] = []
      for (let start = 0; start < list.length; start += 1000) {
        const rows = await db
          .insert(documents)
          .values(list.slice(start, start + 1000).map(({ template, ...d }) => ({ organisationId, ...d, templateKey: keys.get(template)! })))
          .returning({ id: documents.id })
        ids.push(...rows.map((r) => r.id))
      }
      return ids
    },
    async get(id) {
      if (!isUuid(id)) return null
      const [row] = records(await select().where(and(scoped, eq(documents.id, id))))
      return row ?? null
    },
    async listForMembership(membershipId) {
      if (!isUuid(membershipId)) return []
      const rows = await select()
        .where(and(scoped, eq(documents.membershipId, membershipId)))
        .orderBy(asc(documents.createdAt))
      return records(rows)
    },
    async ofRun(runId) {
      if (!isUuid(runId)) return []
      const rows = await select()
        .where(and(scoped, eq(documents.runId, runId)))
        .orderBy(asc(documents.createdAt))
      return records(rows)
    },
    async setContent(id, contentKey, size) {
      await db
        .update(documents)
        .set({ contentKey, size })
        .where(and(scoped, eq(documents.id, id)))
    },
    async printQueue(runId) {
      if (runId !== undefined && !isUuid(runId)) return []
      const rows = await select()
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
      return records(rows)
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
  }
}
