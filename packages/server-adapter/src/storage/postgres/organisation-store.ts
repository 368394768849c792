import { eq } from 'drizzle-orm'
import type { Database } from '../database'
import { organisations } from '../schema'
import type { OrganisationRecord, OrganisationStore } from '../storage'
import { isUuid } from '../uuid'

type Row = typeof organisations.$inferSelect

function toRecord(row: Row): OrganisationRecord {
  return {
    id: row.id,
    name: row.name,
    creditorId: row.creditorId,
    websiteOrigins: row.websiteOrigins,
    privacyNoticeUrl: row.privacyNoticeUrl,
    membershipNumberRange: { from: row.membershipNumberFrom, to: row.membershipNumberTo },
    mandateReferencePrefix: row.mandateReferencePrefix,
    timeZone: row.timeZone,
  }
}

/** Organisations in PostgreSQL. */
export function createOrganisationStore(db: Database): OrganisationStore {
  return {
    async create(input) {
      const [row] = await db
        .insert(organisations)
        .values({
          name: input.name,
          creditorId: input.creditorId ?? null,
          websiteOrigins: [...(input.websiteOrigins ?? [])],
          privacyNoticeUrl: input.privacyNoticeUrl ?? null,
          ...(input.membershipNumberRange && {
            membershipNumberFrom: input.membershipNumberRange.from,
            membershipNumberTo: input.membershipNumberRange.to,
          }),
          ...(input.mandateReferencePrefix !== undefined && { mandateReferencePrefix: input.mandateReferencePrefix }),
          ...(input.timeZone !== undefined && { timeZone: input.timeZone }),
        })
        .returning()
      return toRecord(row!)
    },
    async get(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id))
      return row && toRecord(row)
    },
    async list() {
      const rows = await db.select().from(organisations).orderBy(organisations.createdAt)
      return rows.map(toRecord)
    },
    async updateWebsite(id, changes) {
      if (changes.websiteOrigins === undefined && changes.privacyNoticeUrl === undefined) {
        const [row] = await db.select().from(organisations).where(eq(organisations.id, id))
        return toRecord(row!)
      }
      const [row] = await db
        .update(organisations)
        .set({
          ...(changes.websiteOrigins !== undefined && { websiteOrigins: [...changes.websiteOrigins] }),
          ...(changes.privacyNoticeUrl !== undefined && { privacyNoticeUrl: changes.privacyNoticeUrl }),
        })
        .where(eq(organisations.id, id))
        .returning()
      return toRecord(row!)
    },
    async getForUpdate(id) {
      if (!isUuid(id)) return undefined
      const [row] = await db.select().from(organisations).where(eq(organisations.id, id)).for('update')
      return row && toRecord(row)
    },
  }
}
