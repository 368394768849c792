import { eq } from 'drizzle-orm'
import type { Database } from './database'
import { organisations } from './shared-schema'
import type { OrganisationDirectory, OrganisationRecord, OwnOrganisationStore } from './organisation-store'
import { isUuid } from './uuid'

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

/** The organisation directory in PostgreSQL. */
export function createOrganisationDirectory(db: Database): OrganisationDirectory {
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
  }
}

/** One organisation's own row, by the id the handle was made for. */
export function createOwnOrganisationStore(db: Database, organisationId: string): OwnOrganisationStore {
  const read = async (forUpdate: boolean) => {
    const query = db.select().from(organisations).where(eq(organisations.id, organisationId))
    // FOR NO KEY UPDATE serialises runs and numbering, yet lets other transactions insert rows that refer to the
    // organisation (a public application, the progress of the run itself) while a long run holds the lock.
    const [row] = forUpdate ? await query.for('no key update') : await query
    if (!row) throw new Error(`Organisation ${organisationId} vanished while in use.`)
    return toRecord(row)
  }
  return {
    get: () => read(false),
    getForUpdate: () => read(true),
    async updateWebsite(changes) {
      if (changes.websiteOrigins === undefined && changes.privacyNoticeUrl === undefined) {
        const [row] = await db.select().from(organisations).where(eq(organisations.id, organisationId))
        return toRecord(row!)
      }
      const [row] = await db
        .update(organisations)
        .set({
          ...(changes.websiteOrigins !== undefined && { websiteOrigins: [...changes.websiteOrigins] }),
          ...(changes.privacyNoticeUrl !== undefined && { privacyNoticeUrl: changes.privacyNoticeUrl }),
        })
        .where(eq(organisations.id, organisationId))
        .returning()
      return toRecord(row!)
    },
  }
}
