import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { PaymentMethod } from '@vereinskit/core/ledger'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import { memberships } from '../memberships/membership-schema'
import { bankEntries, bankFiles, returnReasons } from './bank-import-schema'
import type { BankEntryKind, BankEntryRecord, BankEntryStatus, BankFileRecord, BankFileStatus, BankImportStore } from './bank-import-store'

const statuses: readonly BankEntryStatus[] = ['booked', 'open', 'reported', 'duplicate', 'dismissed']

/** Bank files and entries in PostgreSQL; every query is limited to the organisation. */
export function createBankImportStore(db: Database, organisationId: string): BankImportStore {
  const ownFiles = eq(bankFiles.organisationId, organisationId)
  const ownEntries = eq(bankEntries.organisationId, organisationId)

  const withCounts = async (rows: (typeof bankFiles.$inferSelect)[]): Promise<BankFileRecord[]> => {
    if (rows.length === 0) return []
    const counts = await rowsOf<{ file_id: string; status: BankEntryStatus; n: string }>(
      db,
      sql`select file_id, status, count(*)::bigint as n from bank_entries
          where organisation_id = ${organisationId} and file_id = any(${sql.param(rows.map((r) => r.id))}::uuid[])
          group by file_id, status`,
    )
    return rows.map((r) => {
      const own = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<BankEntryStatus, number>
      for (const c of counts) if (c.file_id === r.id) own[c.status] = Number(c.n)
      return {
        id: r.id,
        fileName: r.fileName,
        message: r.message as BankFileRecord['message'],
        version: r.version as BankFileRecord['version'],
        messageId: r.messageId,
        status: r.status as BankFileStatus,
        error: r.error,
        createdAt: r.createdAt,
        counts: own,
      }
    })
  }

  const entryOf = (row: { entry: typeof bankEntries.$inferSelect; number: number | null }): BankEntryRecord => ({
    ...row.entry,
    kind: row.entry.kind as BankEntryKind,
    status: row.entry.status as BankEntryStatus,
    membershipNumber: row.number,
  })

  return {
    async findFile(contentHash, message, messageId) {
      const [row] = await db
        .select({ id: bankFiles.id })
        .from(bankFiles)
        .where(
          and(
            ownFiles,
            ne(bankFiles.status, 'failed'),
            sql`(${bankFiles.contentHash} = ${contentHash} or (${bankFiles.message} = ${message} and ${bankFiles.messageId} = ${messageId}))`,
          ),
        )
      return row?.id
    },

    async createFile(input) {
      // A failed earlier attempt of the same file makes way for the new one.
      await db
        .delete(bankFiles)
        .where(
          and(
            ownFiles,
            eq(bankFiles.status, 'failed'),
            sql`(${bankFiles.contentHash} = ${input.contentHash} or (${bankFiles.message} = ${input.message} and ${bankFiles.messageId} = ${input.messageId}))`,
          ),
        )
      const [row] = await db
        .insert(bankFiles)
        .values({ organisationId, ...input })
        .returning({ id: bankFiles.id })
      return row!.id
    },

    async setFileStatus(fileId, status, error = null) {
      // A failed file booked nothing: its transactions go, so the corrected file can bring them again.
      if (status === 'failed') await db.delete(bankEntries).where(and(ownEntries, eq(bankEntries.fileId, fileId)))
      await db
        .update(bankFiles)
        .set({ status, error })
        .where(and(ownFiles, eq(bankFiles.id, fileId)))
    },

    async files() {
      return withCounts(await db.select().from(bankFiles).where(ownFiles).orderBy(desc(bankFiles.createdAt), desc(bankFiles.id)))
    },

    async file(fileId) {
      if (!isUuid(fileId)) return undefined
      return (
        await withCounts(
          await db
            .select()
            .from(bankFiles)
            .where(and(ownFiles, eq(bankFiles.id, fileId))),
        )
      )[0]
    },

    async knownKeys(keys) {
      const known = new Set<string>()
      for (let start = 0; start < keys.length; start += 10_000) {
        // Transactions of a failed file were never booked: they do not make a later file's transactions duplicates.
        const rows = await db
          .select({ key: bankEntries.dedupeKey })
          .from(bankEntries)
          .innerJoin(bankFiles, and(eq(bankFiles.id, bankEntries.fileId), ne(bankFiles.status, 'failed')))
          .where(
            and(
              ownEntries,
              ne(bankEntries.status, 'duplicate'),
              inArray(bankEntries.dedupeKey, keys.slice(start, start + 10_000) as string[]),
            ),
          )
        for (const r of rows) known.add(r.key)
      }
      return known
    },

    async insertEntries(fileId, entries) {
      for (let start = 0; start < entries.length; start += 1000) {
        await db.insert(bankEntries).values(entries.slice(start, start + 1000).map((e) => ({ ...e, organisationId, fileId })))
      }
    },

    async entries(filter) {
      if (!isUuid(filter.fileId)) return []
      const rows = await db
        .select({ entry: bankEntries, number: memberships.number })
        .from(bankEntries)
        .leftJoin(memberships, and(eq(memberships.organisationId, organisationId), eq(memberships.id, bankEntries.membershipId)))
        .where(and(ownEntries, eq(bankEntries.fileId, filter.fileId), filter.status ? eq(bankEntries.status, filter.status) : undefined))
        .orderBy(asc(bankEntries.position))
      return rows.map(entryOf)
    },

    async entry(entryId, options) {
      if (!isUuid(entryId)) return undefined
      const query = db
        .select({ entry: bankEntries, number: memberships.number })
        .from(bankEntries)
        .leftJoin(memberships, and(eq(memberships.organisationId, organisationId), eq(memberships.id, bankEntries.membershipId)))
        .where(and(ownEntries, eq(bankEntries.id, entryId)))
      const [row] = options?.forUpdate ? await query.for('update', { of: bankEntries }) : await query
      return row ? entryOf(row) : undefined
    },

    async resolveEntries(outcomes) {
      for (let start = 0; start < outcomes.length; start += 2000) {
        const batch = outcomes.slice(start, start + 2000)
        await db.execute(sql`update bank_entries e set status = o.status, outcome = o.outcome, membership_id = o.membership_id,
              direct_debit_id = o.direct_debit_id, posting_ids = string_to_array(o.posting_ids, ',')::uuid[]
          from unnest(${sql.param(batch.map((o) => o.entryId))}::uuid[], ${sql.param(batch.map((o) => o.status))}::text[],
                      ${sql.param(batch.map((o) => o.outcome))}::text[], ${sql.param(batch.map((o) => o.membershipId))}::uuid[],
                      ${sql.param(batch.map((o) => o.directDebitId))}::uuid[], ${sql.param(batch.map((o) => o.postingIds.join(',')))}::text[])
               as o(id, status, outcome, membership_id, direct_debit_id, posting_ids)
          where e.organisation_id = ${organisationId} and e.id = o.id`)
      }
    },

    async returnReasons() {
      const rows = await db
        .select()
        .from(returnReasons)
        .where(eq(returnReasons.organisationId, organisationId))
        .orderBy(asc(returnReasons.code))
      return rows.map((r) => ({ code: r.code, meaning: r.meaning, switchTo: r.switchTo as PaymentMethod | null, letterText: r.letterText }))
    },

    async putReturnReason(reason) {
      await db
        .insert(returnReasons)
        .values({ organisationId, ...reason })
        .onConflictDoUpdate({
          target: [returnReasons.organisationId, returnReasons.code],
          set: { meaning: reason.meaning, switchTo: reason.switchTo, letterText: reason.letterText },
        })
    },
  }
}
