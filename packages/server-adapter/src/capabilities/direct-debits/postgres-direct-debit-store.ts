import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { PostalAddress } from '@vereinskit/core/applications'
import type { MandateAmendment, PreNotificationChannel, SequenceType } from '@vereinskit/core/direct-debit'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import { directDebitExports, directDebitItems, directDebits, preNotifications } from './direct-debit-schema'
import type { DirectDebitExportRecord, DirectDebitRecord, DirectDebitStore } from './direct-debit-store'

const batchSize = 1000

function debitOf(r: typeof directDebits.$inferSelect): DirectDebitRecord {
  return {
    id: r.id,
    runId: r.runId,
    mandateId: r.mandateId,
    payerPersonId: r.payerPersonId,
    collectionDate: r.collectionDate,
    sequenceType: r.sequenceType as SequenceType,
    amount: r.amount,
    endToEndId: r.endToEndId,
    reference: r.reference,
    iban: r.iban,
    bic: r.bic,
    accountHolder: r.accountHolder,
    signedOn: r.signedOn,
    amendment: r.amendment as MandateAmendment | null,
    address: r.address as PostalAddress | null,
    email: r.email,
    preNotificationChannel: r.preNotificationChannel as PreNotificationChannel,
    remittance: r.remittance,
    membershipNumbers: r.membershipNumbers,
    status: r.status as DirectDebitRecord['status'],
    exportId: r.exportId,
    returnReason: r.returnReason,
    lapseWarning: r.lapseWarning === 'true',
  }
}

function exportOf(r: typeof directDebitExports.$inferSelect): DirectDebitExportRecord {
  return {
    id: r.id,
    runId: r.runId,
    sequenceType: r.sequenceType as SequenceType,
    messageId: r.messageId,
    count: r.count,
    total: r.total,
    createdAt: r.createdAt,
    cancelledAt: r.cancelledAt,
  }
}

/** Debits, exports and pre-notifications in PostgreSQL; every query is limited to the organisation. */
export function createDirectDebitStore(db: Database, organisationId: string): DirectDebitStore {
  const own = eq(directDebits.organisationId, organisationId)
  return {
    async insertDebits(runId, debits) {
      for (let start = 0; start < debits.length; start += batchSize) {
        const batch = debits.slice(start, start + batchSize)
        const rows = await db
          .insert(directDebits)
          .values(
            batch.map(({ items: _items, lapseWarning, membershipNumbers, ...d }) => ({
              ...d,
              membershipNumbers: [...membershipNumbers],
              lapseWarning: lapseWarning ? 'true' : null,
              organisationId,
              runId,
            })),
          )
          .returning({ id: directDebits.id })
        const items = batch.flatMap((d, i) => d.items.map((item) => ({ ...item, debitId: rows[i]!.id, organisationId })))
        for (let at = 0; at < items.length; at += batchSize) await db.insert(directDebitItems).values(items.slice(at, at + batchSize))
      }
    },

    async debits(filter) {
      const conditions = [own]
      if (filter.runId !== undefined) {
        if (!isUuid(filter.runId)) return []
        conditions.push(eq(directDebits.runId, filter.runId))
      }
      if (filter.ids !== undefined) {
        const ids = filter.ids.filter(isUuid)
        if (ids.length === 0) return []
        conditions.push(inArray(directDebits.id, ids))
      }
      if (filter.exportId !== undefined) {
        if (!isUuid(filter.exportId)) return []
        conditions.push(eq(directDebits.exportId, filter.exportId))
      }
      const rows = await db
        .select()
        .from(directDebits)
        .where(and(...conditions))
        .orderBy(asc(directDebits.membershipNumbers), asc(directDebits.id))
      return rows.map(debitOf)
    },

    async items(debitIds) {
      const ids = debitIds.filter(isUuid)
      if (ids.length === 0) return []
      const rows: (typeof directDebitItems.$inferSelect)[] = []
      for (let start = 0; start < ids.length; start += 10_000) {
        rows.push(
          ...(await db
            .select()
            .from(directDebitItems)
            .where(
              and(eq(directDebitItems.organisationId, organisationId), inArray(directDebitItems.debitId, ids.slice(start, start + 10_000))),
            )),
        )
      }
      return rows.map((r) => ({
        debitId: r.debitId,
        membershipId: r.membershipId,
        postingId: r.postingId,
        amount: r.amount,
        creditPostingId: r.creditPostingId,
      }))
    },

    async collectingPostingIds() {
      const rows = await rowsOf<{ posting_id: string }>(
        db,
        sql`select i.posting_id from direct_debit_items i join direct_debits d on d.id = i.debit_id
            where d.organisation_id = ${organisationId} and d.status = 'pending'`,
      )
      return new Set(rows.map((r) => r.posting_id))
    },

    async removeDebit(runId, debitId) {
      if (!isUuid(runId) || !isUuid(debitId)) return undefined
      const items = await db
        .select({ postingId: directDebitItems.postingId })
        .from(directDebitItems)
        .where(and(eq(directDebitItems.organisationId, organisationId), eq(directDebitItems.debitId, debitId)))
      const removed = await db
        .delete(directDebits)
        .where(and(own, eq(directDebits.runId, runId), eq(directDebits.id, debitId), eq(directDebits.status, 'pending')))
        .returning({ id: directDebits.id })
      return removed.length > 0 ? items.map((i) => i.postingId) : undefined
    },

    async deleteDebitsOfRun(runId) {
      await db.delete(directDebits).where(and(own, eq(directDebits.runId, runId)))
    },

    async insertExport(input) {
      const [row] = await db
        .insert(directDebitExports)
        .values({ organisationId, ...input })
        .returning()
      return exportOf(row!)
    },

    async exports(runId) {
      if (!isUuid(runId)) return []
      const rows = await db
        .select()
        .from(directDebitExports)
        .where(and(eq(directDebitExports.organisationId, organisationId), eq(directDebitExports.runId, runId)))
        .orderBy(asc(directDebitExports.createdAt))
      return rows.map(exportOf)
    },

    async exportXml(runId, exportId) {
      if (!isUuid(runId) || !isUuid(exportId)) return undefined
      const [row] = await db
        .select({ xml: directDebitExports.xml })
        .from(directDebitExports)
        .where(
          and(
            eq(directDebitExports.organisationId, organisationId),
            eq(directDebitExports.runId, runId),
            eq(directDebitExports.id, exportId),
          ),
        )
      return row?.xml
    },

    async markExported(debitIds, exportId) {
      for (let start = 0; start < debitIds.length; start += 10_000) {
        await db
          .update(directDebits)
          .set({ status: 'exported', exportId })
          .where(and(own, inArray(directDebits.id, debitIds.slice(start, start + 10_000) as string[])))
      }
    },

    async setCreditPostings(credits) {
      for (let start = 0; start < credits.length; start += 5000) {
        const batch = credits.slice(start, start + 5000)
        await db.execute(sql`update direct_debit_items i set credit_posting_id = c.credit_id
          from unnest(${sql.param(batch.map((c) => c.debitId))}::uuid[], ${sql.param(batch.map((c) => c.membershipId))}::uuid[],
                      ${sql.param(batch.map((c) => c.creditPostingId))}::uuid[]) as c(debit_id, membership_id, credit_id)
          where i.organisation_id = ${organisationId} and i.debit_id = c.debit_id and i.membership_id = c.membership_id`)
      }
    },

    async cancelExport(exportId, at, by) {
      if (!isUuid(exportId)) return []
      const cancelled = await db
        .update(directDebitExports)
        .set({ cancelledAt: at, cancelledBy: by })
        .where(
          and(
            eq(directDebitExports.organisationId, organisationId),
            eq(directDebitExports.id, exportId),
            isNull(directDebitExports.cancelledAt),
          ),
        )
        .returning({ id: directDebitExports.id })
      if (cancelled.length === 0) return []
      const credits = await rowsOf<{ credit_posting_id: string }>(
        db,
        sql`select distinct i.credit_posting_id from direct_debit_items i join direct_debits d on d.id = i.debit_id
            where d.organisation_id = ${organisationId} and d.export_id = ${exportId} and i.credit_posting_id is not null`,
      )
      await db.execute(sql`update direct_debit_items i set credit_posting_id = null from direct_debits d
        where d.id = i.debit_id and d.organisation_id = ${organisationId} and d.export_id = ${exportId}`)
      await db
        .update(directDebits)
        .set({ status: 'pending', exportId: null })
        .where(and(own, eq(directDebits.exportId, exportId)))
      return credits.map((c) => c.credit_posting_id)
    },

    async byEndToEndId(endToEndId) {
      const [row] = await db
        .select()
        .from(directDebits)
        .where(and(own, eq(directDebits.endToEndId, endToEndId)))
      return row ? debitOf(row) : undefined
    },

    async markReturned(debitId, reason) {
      await db
        .update(directDebits)
        .set({ status: 'returned', returnReason: reason })
        .where(and(own, eq(directDebits.id, debitId)))
    },

    async preNotified(runId) {
      if (!isUuid(runId)) return new Map()
      const rows = await rowsOf<{ debit_id: string; channel: string; document_id: string | null }>(
        db,
        sql`select n.debit_id, n.channel, n.document_id from pre_notifications n join direct_debits d on d.id = n.debit_id
            where d.organisation_id = ${organisationId} and d.run_id = ${runId}`,
      )
      return new Map(rows.map((r) => [r.debit_id, { channel: r.channel as PreNotificationChannel, documentId: r.document_id }]))
    },

    async insertPreNotifications(rows) {
      for (let start = 0; start < rows.length; start += batchSize) {
        await db
          .insert(preNotifications)
          .values(rows.slice(start, start + batchSize).map((r) => ({ ...r, organisationId })))
          .onConflictDoNothing()
      }
    },

    async setPreNotificationDocument(debitId, documentId) {
      await db
        .update(preNotifications)
        .set({ documentId })
        .where(and(eq(preNotifications.organisationId, organisationId), eq(preNotifications.debitId, debitId)))
    },
  }
}
