import { and, asc, between, eq, max } from 'drizzle-orm'
import type { MembershipView } from '@vereinskit/core/contract'
import type { Database } from '../database'
import { mandates, memberships, persons } from '../schema'
import type { MembershipStore } from '../storage'
import { isUuid } from '../uuid'

/** Memberships and their mandates in PostgreSQL. */
export function createMembershipStore(db: Database): MembershipStore {
  return {
    async create(organisationId, input) {
      const [row] = await db
        .insert(memberships)
        .values({ organisationId, ...input })
        .returning({ id: memberships.id, number: memberships.number, personId: memberships.personId, joinedOn: memberships.joinedOn })
      return row!
    },
    async highestNumberInRange(organisationId, range) {
      const [row] = await db
        .select({ highest: max(memberships.number) })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), between(memberships.number, range.from, range.to)))
      return row?.highest == null ? undefined : Number(row.highest)
    },
    async get(organisationId, id) {
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
      const view: MembershipView = {
        id: membership.id,
        organisationId: membership.organisationId,
        number: membership.number,
        joinedOn: membership.joinedOn,
        feeClassGroupId: membership.feeClassGroupId,
        person: {
          id: person.id,
          salutation: person.salutation as MembershipView['person']['salutation'],
          title: person.title,
          firstName: person.firstName,
          lastName: person.lastName,
          dateOfBirth: person.dateOfBirth,
          address: { street: person.street, postcode: person.postcode, city: person.city, country: person.country },
          email: person.email,
          phone: person.phone,
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
      return view
    },
    async createMandate(organisationId, mandate) {
      const [row] = await db
        .insert(mandates)
        .values({ organisationId, ...mandate })
        .returning({ id: mandates.id, reference: mandates.reference })
      return row!
    },
  }
}
