import * as z from 'zod'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { PostalAddress, Salutation } from '../applications/online-application'

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()/-]{3,25}$/, 'Please enter a valid phone number.')
  .nullable()
const optionalText = (max: number) => z.string().trim().max(max).nullable()

/**
 * A person of the shared address book (Person, handbook §11.3): one record for everyone — members, partners,
 * payers, applicants, contacts — shared by every organisation connected to them. A person is either a private
 * person (last name required) or a company (company name required; the last name may be a contact's).
 */
export const personShape = {
  salutation: Salutation,
  title: optionalText(40),
  firstName: z.string().trim().max(100),
  lastName: z.string().trim().max(100),
  /** Name der Firma. */
  company: optionalText(100),
  dateOfBirth: CalendarDateSchema.nullable(),
  /** Postanschrift: the default address of all mail. */
  postalAddress: PostalAddress,
  /** Adresse ungültig (after returned mail): no automatic letters go to it. */
  postalAddressInvalid: z.boolean(),
  /** Rechnungs-/Mahnanschrift; null means "use the postal address". */
  billingAddress: PostalAddress.nullable(),
  billingAddressInvalid: z.boolean(),
  phonePrivate: phone,
  phoneWork: phone,
  phoneMobile: phone,
  email: z.email().max(254).nullable(),
  /** Bevorzugte Kommunikationsart: letters posted, or sent as PDF by e-mail. */
  preferredChannel: z.enum(['letter', 'email']),
  /** Schutz der Personendaten gewünscht: a marker, no automatism (§11.3 rule 23). */
  dataProtectionRequested: z.boolean(),
  /** Aufnahmesperre: a marker, no automatism. */
  admissionBlocked: z.boolean(),
  /** Memo zur Person. */
  notes: optionalText(4000),
} as const

export type PersonData = z.infer<z.ZodObject<typeof personShape>>

/** The fields every person has; the audit log follows them. */
export const personFields = Object.keys(personShape) as (keyof PersonData)[]

/** The defaults of what a capture leaves out. */
export const personDefaults = {
  salutation: 'none',
  title: null,
  firstName: '',
  company: null,
  dateOfBirth: null,
  postalAddressInvalid: false,
  billingAddress: null,
  billingAddressInvalid: false,
  phonePrivate: null,
  phoneWork: null,
  phoneMobile: null,
  email: null,
  preferredChannel: 'letter',
  dataProtectionRequested: false,
  admissionBlocked: false,
  notes: null,
} as const satisfies Partial<PersonData>

const nameRule = (p: { lastName?: string | undefined; company?: string | null | undefined }) =>
  (p.lastName ?? '').trim() !== '' || (p.company ?? '').trim() !== ''
const nameMessage = { message: 'Enter a last name or a company name.', path: ['lastName'] }

/** A new person: the postal address and a last name or company are required, the rest defaults. */
export const PersonInput = z
  .strictObject({ ...personShape, lastName: personShape.lastName.default('') })
  .partial()
  .required({ postalAddress: true })
  .refine(nameRule, nameMessage)
export type PersonInput = z.infer<typeof PersonInput>

/** Changes to a person: any field; a null clears an optional one. */
export const PersonChanges = z.strictObject(personShape).partial()
export type PersonChanges = z.infer<typeof PersonChanges>

/** A complete person from an input: the defaults filled in. */
export function completePerson(input: PersonInput): PersonData {
  return {
    ...personDefaults,
    ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
    lastName: input.lastName ?? '',
  } as PersonData
}

/** The full name for lists and letters: title, first and last name, else the company. */
export function displayName(person: Pick<PersonData, 'title' | 'firstName' | 'lastName' | 'company'>): string {
  const name = [person.title, person.firstName, person.lastName].filter((p) => p && p.trim() !== '').join(' ')
  return name !== '' ? name : (person.company ?? '')
}
