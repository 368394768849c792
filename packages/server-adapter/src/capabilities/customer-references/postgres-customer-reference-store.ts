import { sql } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { rowsOf } from '../../storage/rows'
import { personKnownElsewhere, repointPersonRows } from '../../storage/person-split'
import { isUuid } from '../../storage/uuid'
import type { CustomerLinkRecord, CustomerReferenceStore } from './customer-reference-store'

type LinkRow = {
  person_id: string
  external_id: string
  kind: CustomerLinkRecord['kind']
  review_reason: string | null
  reviewed_at: Date | string | null
}
const link = (r: LinkRow): CustomerLinkRecord => ({
  personId: r.person_id,
  externalId: r.external_id,
  kind: r.kind,
  reviewReason: r.review_reason,
  reviewedAt: r.reviewed_at === null ? null : new Date(r.reviewed_at),
})

/** CRM links in PostgreSQL. */
export function createCustomerReferenceStore(db: Database, organisationId: string): CustomerReferenceStore {
  const links = async (where: ReturnType<typeof sql>) =>
    (
      await rowsOf<LinkRow>(
        db,
        sql`select * from customer_references where organisation_id = ${organisationId} and ${where} order by external_id, person_id`,
      )
    ).map(link)
  return {
    async getConnection() {
      const [row] = await rowsOf<{ base_url: string; credentials: string }>(
        db,
        sql`select * from crm_connections where organisation_id = ${organisationId}`,
      )
      return row && { baseUrl: row.base_url, credentials: row.credentials }
    },
    async saveConnection(baseUrl, credentials) {
      await db.execute(sql`insert into crm_connections (organisation_id, base_url, credentials) values (${organisationId}, ${baseUrl}, ${credentials})
        on conflict (organisation_id) do update set base_url = excluded.base_url, credentials = excluded.credentials`)
    },
    links: (kind) => links(kind ? sql`kind = ${kind}` : sql`true`),
    async linkOf(personId) {
      if (!isUuid(personId)) return undefined
      return (await links(sql`person_id = ${personId}`))[0]
    },
    async referenceTo(externalId) {
      return (await links(sql`external_id = ${externalId} and kind = 'reference'`))[0]
    },
    async addLink(personId, externalId, kind) {
      await db.execute(
        sql`insert into customer_references (organisation_id, person_id, external_id, kind) values (${organisationId}, ${personId}, ${externalId}, ${kind})`,
      )
    },
    async setKind(personId, kind, reviewReason = null) {
      await db.execute(sql`update customer_references set kind = ${kind}, review_reason = ${reviewReason}
        where organisation_id = ${organisationId} and person_id = ${personId}`)
    },
    async markReviewed(personId, at) {
      if (!isUuid(personId)) return false
      const rows = await rowsOf<{ id: string }>(
        db,
        sql`update customer_references set reviewed_at = ${at.toISOString()}::timestamptz
             where organisation_id = ${organisationId} and person_id = ${personId} and kind = 'local' and reviewed_at is null returning id`,
      )
      return rows.length > 0
    },
    async lockCopies() {
      await db.execute(sql`select p.id from persons p join customer_references r on r.person_id = p.id
        where r.organisation_id = ${organisationId} and r.kind = 'copy' for update of p, r`)
    },
    knownElsewhere: (personId) => personKnownElsewhere(db, organisationId, personId),
    async repointPerson(from, to) {
      await db.execute(sql`delete from customer_references where organisation_id = ${organisationId} and person_id = ${from}`)
      await repointPersonRows(db, organisationId, from, to)
      // The copy goes when nothing else names it (another organisation may still know the person).
      await db.transaction((tx) => tx.execute(sql`delete from persons where id = ${from}`)).catch(() => undefined)
    },
  }
}
