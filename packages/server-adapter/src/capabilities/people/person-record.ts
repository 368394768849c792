import type { PostalAddress, Salutation } from '@vereinskit/core/applications'
import type { PersonData } from '@vereinskit/core/people'
import type { persons } from '../../storage/shared-schema'

type PersonRow = typeof persons.$inferSelect

/** A stored person: its id and data. */
export interface PersonRecord extends PersonData {
  readonly id: string
}

/** The row of the shared address book as person data. */
export function personFromRow(row: PersonRow): PersonRecord {
  return {
    id: row.id,
    salutation: row.salutation as Salutation,
    title: row.title,
    firstName: row.firstName,
    lastName: row.lastName,
    company: row.company,
    dateOfBirth: row.dateOfBirth,
    postalAddress: { street: row.street, postcode: row.postcode, city: row.city, country: row.country },
    postalAddressInvalid: row.postalAddressInvalid,
    billingAddress: row.billingAddress as PostalAddress | null,
    billingAddressInvalid: row.billingAddressInvalid,
    phonePrivate: row.phonePrivate,
    phoneWork: row.phoneWork,
    phoneMobile: row.phoneMobile,
    email: row.email,
    preferredChannel: row.preferredChannel === 'email' ? 'email' : 'letter',
    dataProtectionRequested: row.dataProtectionRequested,
    admissionBlocked: row.admissionBlocked,
    notes: row.notes,
  }
}

/** Person data as row values (the whole row but its id). */
export function rowFromPerson(person: PersonData): Omit<PersonRow, 'id' | 'createdAt'> {
  const { postalAddress, ...rest } = person
  return {
    ...rest,
    street: postalAddress.street,
    postcode: postalAddress.postcode,
    city: postalAddress.city,
    country: postalAddress.country,
  }
}
