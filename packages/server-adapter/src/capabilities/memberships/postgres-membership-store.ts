import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { PostalAddress, Salutation } from '@vereinskit/core/applications'
import type { PaymentMethod } from '@vereinskit/core/ledger'
import type { Database } from '../../storage/database'
import { mandates, memberships } from './membership-schema'
import { persons } from '../../storage/shared-schema'
import type { MembershipRecord, MembershipStore } from './membership-store'
import { isUuid } from '../../storage/uuid'
import { rowsOf } from '../../storage/rows'

/** Memberships and their mandates in PostgreSQL. */
export function createMembershipStore(db: Database, organisationId: string): MembershipStore {
  return {
    async create(input) {
      const [row] = await db
        .insert(memberships)
        .values({ organisationId, ...input })
        .returning({ id: memberships.id, number: memberships.number, personId: memberships.personId, joinedOn: memberships.joinedOn })
      return row!
    },
    async update(id, { preferredChannel, ...changes }) {
      if (!isUuid(id)) return false
      if (preferredChannel !== undefined) {
        // The person is reached through this organisation's membership only.
        await db
          .update(persons)
          .set({ preferredChannel })
          .where(
            inArray(
              persons.id,
              db
                .select({ id: memberships.personId })
                .from(memberships)
                .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, id))),
            ),
          )
      }
      const set = Object.fromEntries(
        Object.entries(changes)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
      )
      if (Object.keys(set).length === 0) {
        const [row] = await db
          .select({ id: memberships.id })
          .from(memberships)
          .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, id)))
        return row !== undefined
      }
      const updated = await db
        .update(memberships)
        .set(set)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, id)))
        .returning({ id: memberships.id })
      return updated.length > 0
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
        addressInvalid: m.addressInvalid,
        name: [p.title, p.firstName, p.lastName].filter(Boolean).join(' '),
        person: { salutation: p.salutation as Salutation, title: p.title, lastName: p.lastName },
        postalAddress: { street: p.street, postcode: p.postcode, city: p.city, country: p.country },
        billingAddress: m.billingAddress as PostalAddress | null,
        email: p.email,
        preferredChannel: p.preferredChannel === 'email' ? 'email' : 'letter',
        markers: m.markers,
      }))
    },
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
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.id, id)))
      if (!row) return undefined
      const mandateRows = await db
        .select()
        .from(mandates)
        .where(and(eq(mandates.organisationId, organisationId), eq(mandates.personId, row.person.id)))
        .orderBy(asc(mandates.createdAt))
      const { membership, person } = row
      const record: MembershipRecord = {
        id: membership.id,
        organisationId: membership.organisationId,
        number: membership.number,
        joinedOn: membership.joinedOn,
        feeClassGroupId: membership.feeClassGroupId,
        endsOn: membership.endsOn,
        paymentMethod: membership.paymentMethod as PaymentMethod,
        processingBlocked: membership.processingBlocked,
        addressInvalid: membership.addressInvalid,
        billingAddress: membership.billingAddress as PostalAddress | null,
        leavingReason: membership.leavingReason,
        markers: membership.markers,
        person: {
          id: person.id,
          salutation: person.salutation as Salutation,
          title: person.title,
          firstName: person.firstName,
          lastName: person.lastName,
          dateOfBirth: person.dateOfBirth,
          address: { street: person.street, postcode: person.postcode, city: person.city, country: person.country },
          email: person.email,
          phone: person.phone,
          preferredChannel: person.preferredChannel === 'email' ? 'email' : 'letter',
        },
        mandates: mandateRows.map((m) => ({
          id: m.id,
          reference: m.reference,
          accountHolder: m.accountHolder,
          iban: m.iban,
          bic: m.bic,
          signedOn: m.signedOn,
          creditorId: m.creditorId,
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
  }
}
