import type { Database } from './database'
import { persons } from './shared-schema'
import type { PersonStore } from './person-store'

/** The shared address book in PostgreSQL. */
export function createPersonStore(db: Database): PersonStore {
  return {
    async create(person) {
      const [row] = await db
        .insert(persons)
        .values({
          salutation: person.salutation,
          title: person.title ?? null,
          firstName: person.firstName,
          lastName: person.lastName,
          dateOfBirth: person.dateOfBirth,
          street: person.address.street,
          postcode: person.address.postcode,
          city: person.address.city,
          country: person.address.country,
          email: person.email ?? null,
          phone: person.phone ?? null,
        })
        .returning({ id: persons.id })
      return row!
    },
  }
}
