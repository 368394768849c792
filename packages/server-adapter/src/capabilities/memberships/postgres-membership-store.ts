import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { PostalAddress, Salutation } from '@vereinskit/core/applications'
import type { PaymentMethod } from '@vereinskit/core/ledger'
import { displayName } from '@vereinskit/core/people'
import type { Database } from '../../storage/database'
import { mandates, memberships, membershipPersons } from './membership-schema'
import { persons } from '../../storage/shared-schema'
import type { AttachmentRecord, MembershipRecord, MembershipStore } from './membership-store'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'
import { listMemberships } from './list-memberships'

type PersonRow = typeof persons.$inferSelect

/** The address letters go to, and whether it is marked invalid (the billing address when one is set). */
function letterAddress(p: PersonRow) {
  const billing = p.billingAddress as PostalAddress | null
  return { billingAddress: billing, addressInvalid: billing ? p.billingAddressInvalid : p.postalAddressInvalid }
}

/** Memberships, their attached persons and their mandates in PostgreSQL. */
export function createMembershipStore(db: Database, organisationId: string): MembershipStore {
  const own = (id: string) => and(eq(memberships.organisationId, organisationId), eq(memberships.id, id))
  return {
    async create(input) {
      const [row] = await db
        .insert(memberships)
        .values({ organisationId, ...input })
        .returning({ id: memberships.id, number: memberships.number, personId: memberships.personId, joinedOn: memberships.joinedOn })
      return row!
    },
    async update(id, changes) {
      if (!isUuid(id)) return false
      const set = Object.fromEntries(
        Object.entries(changes)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
      )
      if (Object.keys(set).length === 0) return this.lock(id)
      const updated = await db.update(memberships).set(set).where(own(id)).returning({ id: memberships.id })
      return updated.length > 0
    },
    async lock(id) {
      if (!isUuid(id)) return false
      const [row] = await db.select({ id: memberships.id }).from(memberships).where(own(id)).for('update')
      return row !== undefined
    },
    async listForRuns() {
      const rows = await db
        .select({ membership: memberships, person: persons })
        .from(memberships)
        .innerJoin(persons, eq(persons.id, memberships.personId))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(asc(memberships.number))
      return rows.map(({ membership: m, person: p }) => ({
        id: m.id,
        number: m.number,
        joinedOn: m.joinedOn,
        endsOn: m.endsOn,
        paymentMethod: m.paymentMethod as PaymentMethod,
        processingBlocked: m.processingBlocked,
        ...letterAddress(p),
        name: [p.title, p.firstName, p.lastName].filter(Boolean).join(' ') || (p.company ?? ''),
        person: { salutation: p.salutation as Salutation, title: p.title, lastName: p.lastName },
        postalAddress: { street: p.street, postcode: p.postcode, city: p.city, country: p.country },
        email: p.email,
        preferredChannel: p.preferredChannel === 'email' ? 'email' : 'letter',
        markers: m.markers,
      }))
    },
    list: (request) => listMemberships(db, organisationId, request),
    async idsByNumbers(numbers) {
      if (numbers.length === 0) return new Map()
      const rows = await db
        .select({ id: memberships.id, number: memberships.number })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.number, [...new Set(numbers)])))
      return new Map(rows.map((r) => [r.number, r.id]))
    },
    async lowestFreeNumber(from) {
      // The start itself if free, else the lowest taken number from the start on whose successor is free.
      const [row] = await rowsOf<{ free: string }>(
        db,
        sql`select coalesce(
              (select ${from}::bigint where not exists (
                 select 1 from memberships where organisation_id = ${organisationId} and number = ${from})),
              (select min(m.number) + 1 from memberships m
                where m.organisation_id = ${organisationId} and m.number >= ${from}
                  and not exists (select 1 from memberships n where n.organisation_id = m.organisation_id and n.number = m.number + 1))
            ) as free`,
      )
      return Number(row!.free)
    },
    async get(id) {
      if (!isUuid(id)) return undefined
      // The person is reached only through this organisation's membership: that join is the visibility rule.
      const [row] = await db
        .select({ membership: memberships, person: persons })
        .from(memberships)
        .innerJoin(persons, eq(persons.id, memberships.personId))
        .where(own(id))
      if (!row) return undefined
      const mandateRows = await db
        .select()
        .from(mandates)
        .where(and(eq(mandates.organisationId, organisationId), eq(mandates.personId, row.person.id)))
        .orderBy(asc(mandates.createdAt))
      const attachedRows = await db
        .select({ attachment: membershipPersons, person: persons })
        .from(membershipPersons)
        .innerJoin(persons, eq(persons.id, membershipPersons.personId))
        .where(and(eq(membershipPersons.organisationId, organisationId), eq(membershipPersons.membershipId, id)))
        .orderBy(
          asc(membershipPersons.joinedOn),
          desc(membershipPersons.role),
          asc(persons.lastName),
          asc(persons.firstName),
          asc(membershipPersons.id),
        )
      const [successor] = await db
        .select({ id: memberships.id })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.takenOverFromMembershipId, id)))
      const { membership: m, person: p } = row
      const record: MembershipRecord = {
        id: m.id,
        organisationId: m.organisationId,
        number: m.number,
        joinedOn: m.joinedOn,
        feeClassGroupId: m.feeClassGroupId,
        endsOn: m.endsOn,
        paymentMethod: m.paymentMethod as PaymentMethod,
        processingBlocked: m.processingBlocked,
        onlineAppointmentsBlocked: m.onlineAppointmentsBlocked,
        ...letterAddress(p),
        joiningReason: m.joiningReason,
        membershipType: m.membershipType,
        terminationReceivedOn: m.terminationReceivedOn,
        leavingReason: m.leavingReason,
        markers: m.markers,
        recruitedByPersonId: m.recruitedByPersonId,
        alternatePayerPersonId: m.alternatePayerPersonId,
        previousAssociation: m.previousAssociation,
        takenOverFromMembershipId: m.takenOverFromMembershipId,
        takenOverByMembershipId: successor?.id ?? null,
        archivedOn: m.archivedOn,
        person: {
          id: p.id,
          salutation: p.salutation as Salutation,
          title: p.title,
          firstName: p.firstName,
          lastName: p.lastName,
          company: p.company,
          dateOfBirth: p.dateOfBirth,
          address: { street: p.street, postcode: p.postcode, city: p.city, country: p.country },
          email: p.email,
          phone: p.phonePrivate,
          preferredChannel: p.preferredChannel === 'email' ? 'email' : 'letter',
        },
        attached: attachedRows.map(({ attachment: a, person: ap }) => attachmentRecord(a, ap)),
        mandates: mandateRows.map((md) => ({
          id: md.id,
          reference: md.reference,
          accountHolder: md.accountHolder,
          iban: md.iban,
          bic: md.bic,
          signedOn: md.signedOn,
          creditorId: md.creditorId,
        })),
      }
      return record
    },
    async createMandate(mandate) {
      const [row] = await db
        .insert(mandates)
        .values({ organisationId, ...mandate })
        .returning({ id: mandates.id, reference: mandates.reference })
      return row!
    },
    async attach(membershipId, input) {
      const [row] = await db
        .insert(membershipPersons)
        .values({ organisationId, membershipId, ...input })
        .returning({ id: membershipPersons.id })
      return row!
    },
    async endAttachment(membershipId, attachmentId, leftOn) {
      if (!isUuid(attachmentId)) return undefined
      const [row] = await db
        .update(membershipPersons)
        .set({ leftOn })
        .where(
          and(
            eq(membershipPersons.organisationId, organisationId),
            eq(membershipPersons.membershipId, membershipId),
            eq(membershipPersons.id, attachmentId),
          ),
        )
        .returning()
      if (!row) return undefined
      const [person] = await db.select().from(persons).where(eq(persons.id, row.personId))
      return attachmentRecord(row, person!)
    },
    async placesOf(personId) {
      const mainOf = await db
        .select({ membershipId: memberships.id, endsOn: memberships.endsOn })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.personId, personId)))
      const attachedTo = await db
        .select({ membershipId: membershipPersons.membershipId, leftOn: membershipPersons.leftOn })
        .from(membershipPersons)
        .where(and(eq(membershipPersons.organisationId, organisationId), eq(membershipPersons.personId, personId)))
      return { mainOf, attachedTo }
    },
  }
}

function attachmentRecord(a: typeof membershipPersons.$inferSelect, p: PersonRow): AttachmentRecord {
  return {
    id: a.id,
    personId: a.personId,
    role: a.role === 'partner' ? 'partner' : 'beneficiary',
    name: displayName(p),
    joinedOn: a.joinedOn,
    leftOn: a.leftOn,
  }
}
