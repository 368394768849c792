import type { Salutation } from '../applications/online-application'

/**
 * The salutation line of a German letter (Briefanrede): "Sehr geehrte Frau Dr. Muster," / "Sehr geehrter Herr
 * Muster,"; for a diverse or unstated salutation the neutral "Guten Tag Vorname Name,". Clubs override it with
 * their own template text.
 */
export function letterSalutation(person: {
  readonly salutation: Salutation
  readonly title: string | null
  readonly firstName?: string
  readonly lastName: string
}): string {
  const name = [person.title, person.lastName].filter(Boolean).join(' ')
  switch (person.salutation) {
    case 'ms':
      return `Sehr geehrte Frau ${name},`
    case 'mr':
      return `Sehr geehrter Herr ${name},`
    default:
      return `Guten Tag ${[person.firstName, person.lastName].filter(Boolean).join(' ')},`
  }
}
