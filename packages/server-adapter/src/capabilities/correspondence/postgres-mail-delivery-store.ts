import { and, asc, eq, inArray, like, lt, lte, or, sql } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { mailDeliveries } from './correspondence-schema'
import type { MailDeliveryRecord, MailDeliveryStatus, MailDeliveryStore } from './mail-delivery-store'

type Row = typeof mailDeliveries.$inferSelect

function toRecord(row: Row): MailDeliveryRecord {
  return {
    id: row.id,
    documentId: row.documentId,
    message: row.message ?? null,
    recipient: row.recipient,
    status: row.status as MailDeliveryStatus,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt,
    sentAt: row.sentAt,
    messageId: row.messageId,
  }
}

/** The e-mail outbox in PostgreSQL. */
export function createMailDeliveryStore(db: Database, organisationId: string): MailDeliveryStore {
  const scoped = eq(mailDeliveries.organisationId, organisationId)
  return {
    async queue(list, at) {
      for (let start = 0; start < list.length; start += 1000) {
        await db.insert(mailDeliveries).values(list.slice(start, start + 1000).map((d) => ({ organisationId, ...d, nextAttemptAt: at })))
      }
    },
    async queueMessages(list, at) {
      let queued = 0
      for (let start = 0; start < list.length; start += 500) {
        const rows = await db
          .insert(mailDeliveries)
          .values(list.slice(start, start + 500).map((d) => ({ organisationId, ...d, nextAttemptAt: at })))
          .onConflictDoNothing()
          .returning({ id: mailDeliveries.id })
        queued += rows.length
      }
      return queued
    },
    async claimDue(now, leaseUntil, limit) {
      const due = await db
        .select({ id: mailDeliveries.id })
        .from(mailDeliveries)
        .where(
          and(scoped, or(eq(mailDeliveries.status, 'queued'), eq(mailDeliveries.status, 'failed')), lte(mailDeliveries.nextAttemptAt, now)),
        )
        .orderBy(asc(mailDeliveries.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true })
      if (due.length === 0) return []
      const rows = await db
        .update(mailDeliveries)
        .set({ status: 'sending', nextAttemptAt: leaseUntil, attempts: sqlIncrement() })
        .where(
          and(
            scoped,
            inArray(
              mailDeliveries.id,
              due.map((d) => d.id),
            ),
          ),
        )
        .returning()
      return rows.map(toRecord)
    },
    async markSent(id, at) {
      await db
        .update(mailDeliveries)
        .set({ status: 'sent', sentAt: at, lastError: null })
        .where(and(scoped, eq(mailDeliveries.id, id)))
    },
    async markFailed(id, error, retryAt) {
      await db
        .update(mailDeliveries)
        .set(
          retryAt
            ? { status: 'failed', lastError: error.slice(0, 500), nextAttemptAt: retryAt }
            : { status: 'abandoned', lastError: error.slice(0, 500) },
        )
        .where(and(scoped, eq(mailDeliveries.id, id)))
    },
    async markStale(now) {
      const rows = await db
        .update(mailDeliveries)
        .set({ status: 'uncertain', lastError: 'The send was interrupted; the e-mail may or may not have gone out.' })
        .where(and(scoped, eq(mailDeliveries.status, 'sending'), lt(mailDeliveries.nextAttemptAt, now)))
        .returning({ id: mailDeliveries.id })
      return rows.length
    },
    async list(filter) {
      const ids = filter.documentIds?.filter(isUuid)
      if (ids && ids.length === 0) return []
      const rows = await db
        .select()
        .from(mailDeliveries)
        .where(
          and(
            scoped,
            filter.status ? eq(mailDeliveries.status, filter.status) : undefined,
            ids ? inArray(mailDeliveries.documentId, ids) : undefined,
          ),
        )
        .orderBy(asc(mailDeliveries.createdAt))
      return rows.map(toRecord)
    },
    async retry(id, at) {
      if (!isUuid(id)) return null
      const [row] = await db
        .update(mailDeliveries)
        .set({ status: 'queued', nextAttemptAt: at })
        .where(and(scoped, eq(mailDeliveries.id, id), inArray(mailDeliveries.status, ['failed', 'abandoned', 'uncertain'])))
        .returning()
      return row ? toRecord(row) : null
    },
    async cancelUnsent(dedupeKeyPrefix) {
      const pattern = `${dedupeKeyPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      const rows = await db
        .update(mailDeliveries)
        .set({ status: 'cancelled' })
        .where(and(scoped, like(mailDeliveries.dedupeKey, pattern), inArray(mailDeliveries.status, ['queued', 'failed'])))
        .returning({ id: mailDeliveries.id })
      return rows.length
    },
    async cancelForDocuments(documentIds) {
      for (let start = 0; start < documentIds.length; start += 1000) {
        await db
          .update(mailDeliveries)
          .set({ status: 'cancelled' })
          .where(
            and(
              scoped,
              inArray(mailDeliveries.documentId, documentIds.slice(start, start + 1000)),
              inArray(mailDeliveries.status, ['queued', 'failed', 'uncertain', 'abandoned']),
            ),
          )
      }
    },
  }
}

function sqlIncrement() {
  return sql`${mailDeliveries.attempts} + 1`
}
