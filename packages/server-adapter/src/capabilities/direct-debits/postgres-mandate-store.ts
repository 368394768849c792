import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { PostalAddress, Salutation } from '@vereinskit/core/applications'
import type { PaymentMethod } from '@vereinskit/core/ledger'
import type { MandateKind, PreNotificationChannel, SequenceType } from '@vereinskit/core/direct-debit'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import { mandates, memberships } from '../memberships/membership-schema'
import { mandateDocuments } from './direct-debit-schema'
import type { MandateStore, StoredMandate } from './mandate-store'

type MandateRow = typeof mandates.$inferSelect

function mandateOf(row: MandateRow, hasDocument: boolean): StoredMandate {
  return {
    id: row.id,
    personId: row.personId,
    membershipId: row.membershipId,
    reference: row.reference,
    kind: row.kind as MandateKind,
    validFrom: row.validFrom,
    signedOn: row.signedOn,
    limitedUntil: row.limitedUntil,
    terminatedOn: row.terminatedOn,
    iban: row.iban,
    bic: row.bic,
    accountHolder: row.accountHolder,
    preNotificationChannel: row.preNotificationChannel as PreNotificationChannel,
    creditorId: row.creditorId,
    hasDocument,
  }
}

/** Mandates, their documents and collection history in PostgreSQL; every query is limited to the organisation. */
export function createMandateStore(db: Database, organisationId: string): MandateStore {
  const own = eq(mandates.organisationId, organisationId)
  const withDocuments = async (rows: MandateRow[]) => {
    if (rows.length === 0) return []
    const documented = new Set(
      (
        await db
          .select({ id: mandateDocuments.mandateId })
          .from(mandateDocuments)
          .where(
            and(
              eq(mandateDocuments.organisationId, organisationId),
              inArray(
                mandateDocuments.mandateId,
                rows.map((r) => r.id),
              ),
            ),
          )
      ).map((r) => r.id),
    )
    return rows.map((r) => mandateOf(r, documented.has(r.id)))
  }
  return {
    async payers(membershipIds) {
      if (membershipIds && membershipIds.filter(isUuid).length === 0) return []
      const rows = await rowsOf<{
        membership_id: string
        number: string
        payment_method: string
        processing_blocked: boolean
        person_id: string
        salutation: string
        title: string | null
        first_name: string
        last_name: string
        street: string
        postcode: string
        city: string
        country: string
        email: string | null
        alternate: boolean
        payer_number: string | null
      }>(
        db,
        sql`select m.id as membership_id, m.number, m.payment_method, m.processing_blocked,
                   p.id as person_id, p.salutation, p.title, p.first_name, p.last_name, p.street, p.postcode, p.city, p.country, p.email,
                   m.alternate_payer_person_id is not null as alternate,
                   (select min(o.number) from memberships o where o.organisation_id = ${organisationId} and o.person_id = p.id) as payer_number
            from memberships m
            join persons p on p.id = coalesce(m.alternate_payer_person_id, m.person_id)
            where m.organisation_id = ${organisationId}
            ${membershipIds ? sql`and m.id = any(${sql.param(membershipIds.filter(isUuid))}::uuid[])` : sql``}
            order by m.number`,
      )
      return rows.map((r) => ({
        membershipId: r.membership_id,
        membershipNumber: Number(r.number),
        paymentMethod: r.payment_method as PaymentMethod,
        processingBlocked: r.processing_blocked,
        payerPersonId: r.person_id,
        payerName: [r.title, r.first_name, r.last_name].filter(Boolean).join(' '),
        payerSalutation: r.salutation as Salutation,
        payerTitle: r.title,
        payerLastName: r.last_name,
        payerAddress: { street: r.street, postcode: r.postcode, city: r.city, country: r.country } satisfies PostalAddress,
        payerEmail: r.email,
        alternate: r.alternate,
        payerMembershipNumber: r.payer_number === null ? null : Number(r.payer_number),
      }))
    },

    async mandates(personIds) {
      const ids = personIds?.filter(isUuid)
      if (ids && ids.length === 0) return []
      const rows = await db
        .select()
        .from(mandates)
        .where(ids ? and(own, inArray(mandates.personId, ids)) : own)
        .orderBy(asc(mandates.validFrom), asc(mandates.createdAt))
      return withDocuments(rows)
    },

    async get(mandateId, options) {
      if (!isUuid(mandateId)) return undefined
      const query = db
        .select()
        .from(mandates)
        .where(and(own, eq(mandates.id, mandateId)))
      const [row] = options?.forUpdate ? await query.for('update') : await query
      return row ? (await withDocuments([row]))[0] : undefined
    },

    async referencesStartingWith(prefix) {
      const rows = await db
        .select({ reference: mandates.reference })
        .from(mandates)
        .where(and(own, sql`upper(${mandates.reference}) like ${`${prefix.toUpperCase().replace(/[\\%_]/g, '\\$&')}%`}`))
      return rows.map((r) => r.reference)
    },

    async create(mandate) {
      const [row] = await db
        .insert(mandates)
        .values({ organisationId, ...mandate })
        .returning()
      return mandateOf(row!, false)
    },

    async update(mandateId, changes) {
      const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined))
      if (Object.keys(set).length === 0 || !isUuid(mandateId)) return
      await db
        .update(mandates)
        .set(set)
        .where(and(own, eq(mandates.id, mandateId)))
    },

    async delete(mandateId) {
      if (!isUuid(mandateId)) return false
      const rows = await db
        .delete(mandates)
        .where(and(own, eq(mandates.id, mandateId)))
        .returning({ id: mandates.id })
      return rows.length > 0
    },

    async putDocument(mandateId, fileName, bytes) {
      await db
        .insert(mandateDocuments)
        .values({ mandateId, organisationId, fileName, bytes })
        // Only this organisation's document is replaced; another's mandate id fails the composite foreign key.
        .onConflictDoUpdate({
          target: mandateDocuments.mandateId,
          set: { fileName, bytes },
          setWhere: eq(mandateDocuments.organisationId, organisationId),
        })
    },

    async document(mandateId) {
      if (!isUuid(mandateId)) return undefined
      const [row] = await db
        .select({ fileName: mandateDocuments.fileName, bytes: mandateDocuments.bytes })
        .from(mandateDocuments)
        .where(and(eq(mandateDocuments.organisationId, organisationId), eq(mandateDocuments.mandateId, mandateId)))
      return row ? { fileName: row.fileName, bytes: new Uint8Array(row.bytes) } : undefined
    },

    async collections(mandateIds) {
      const ids = mandateIds?.filter(isUuid)
      if (ids && ids.length === 0) return []
      const rows = await rowsOf<{
        mandate_id: string
        collection_date: string
        status: string
        sequence_type: string
        reference: string
        iban: string
      }>(
        db,
        sql`select mandate_id, collection_date::text, status, sequence_type, reference, iban from direct_debits
            where organisation_id = ${organisationId}
            ${ids ? sql`and mandate_id = any(${sql.param(ids)}::uuid[])` : sql``}`,
      )
      return rows.map((r) => ({
        mandateId: r.mandate_id,
        collectionDate: r.collection_date,
        status: r.status as 'pending' | 'exported' | 'returned',
        sequenceType: r.sequence_type as SequenceType,
        reference: r.reference,
        iban: r.iban,
      }))
    },

    async setAlternatePayer(membershipId, personId) {
      if (!isUuid(membershipId)) return false
      const rows = await db
        .update(memberships)
        .set({ alternatePayerPersonId: personId })
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, membershipId)))
        .returning({ id: memberships.id })
      return rows.length > 0
    },
  }
}
