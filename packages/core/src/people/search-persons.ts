import { compareDates, type CalendarDate } from '../calendar/calendar-date'
import { digitsOf, foldText, foldTextSs } from './fold-text'
import { likeMatches } from './like-pattern'
import type { CompiledSearch, TextSearchField } from './search-criteria'

/**
 * Roles in a membership (handbook §4.1, §11.6): H Hauptmitglied (main member), P Partnermitglied (partner member),
 * L leistungsempfangsberechtigte Person (beneficiary).
 */
export type MembershipRole = 'H' | 'P' | 'L'

/** A person as the search sees them: their own data and their places in the organisation's memberships. */
export interface SearchablePerson {
  readonly id: string
  readonly lastName: string
  readonly firstName: string
  readonly company: string | null
  readonly street: string
  readonly city: string
  readonly phones: readonly (string | null)[]
  readonly dateOfBirth: CalendarDate | null
  /** The SEPA mandates of this organisation only (the server searches its own mandates, never another's). */
  readonly mandates: readonly { readonly reference: string; readonly iban: string }[]
  readonly roles: readonly SearchableRole[]
}

/** One place of a person in a membership. `endsOn` is when that place ends (membership end, or leaving as P/L). */
export interface SearchableRole {
  readonly membershipId: string
  readonly number: number
  readonly role: MembershipRole
  readonly endsOn: CalendarDate | null
  readonly archived: boolean
}

/** A result row: one per person and membership place, or one for a person without any (Person Stammdaten). */
export interface PersonSearchHit {
  readonly personId: string
  readonly membershipId: string | null
  readonly number: number | null
  readonly role: MembershipRole | null
  /** Red "!": the membership has ended. */
  readonly inactive: boolean
  /** Red "A": the membership is archived. */
  readonly archived: boolean
}

function textMatches(value: string | null, pattern: string, ssPattern: string): boolean {
  if (value === null) return false
  return likeMatches(foldText(value), pattern) || likeMatches(foldTextSs(value), ssPattern)
}

/** Whether a person's own data meet every condition that is about the person. */
export function personMatches(person: SearchablePerson, search: CompiledSearch): boolean {
  for (const { field, pattern, ssPattern } of search.text) {
    if (!textMatches(person[field satisfies TextSearchField], pattern, ssPattern)) return false
  }
  if (search.phone !== null && !person.phones.some((p) => p !== null && likeMatches(digitsOf(p), search.phone!))) return false
  if (search.dateOfBirth !== null && person.dateOfBirth !== search.dateOfBirth) return false
  if (search.personId !== null && person.id !== search.personId) return false
  if (search.mandateReference !== null && !person.mandates.some((m) => m.reference.toUpperCase() === search.mandateReference)) return false
  if (search.ibanPrefix !== null && !person.mandates.some((m) => m.iban.startsWith(search.ibanPrefix!))) return false
  if (search.membershipNumber !== null && !person.roles.some((r) => r.number === search.membershipNumber)) return false
  return true
}

/**
 * Where a page of results ends: the sort key of its last row (folded names, person, number or -1, membership or
 * ''). The next page holds the rows after it, so pages never repeat or skip a row.
 */
export interface SearchPosition {
  readonly lastName: string
  readonly firstName: string
  readonly personId: string
  readonly number: number
  readonly membershipId: string
}

/** The position of a result row whose person has these names. */
export function searchPositionOf(hit: PersonSearchHit, names: { lastName: string; firstName: string }): SearchPosition {
  return {
    lastName: foldText(names.lastName),
    firstName: foldText(names.firstName),
    personId: hit.personId,
    number: hit.number ?? -1,
    membershipId: hit.membershipId ?? '',
  }
}

function comparePositions(a: SearchPosition, b: SearchPosition): number {
  return (
    compareCodePoints(a.lastName, b.lastName) ||
    compareCodePoints(a.firstName, b.firstName) ||
    compareCodePoints(a.personId, b.personId) ||
    a.number - b.number ||
    compareCodePoints(a.membershipId, b.membershipId)
  )
}

/** Compares by Unicode code points (what the database's "C" collation does on UTF-8). */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a)
  const y = Array.from(b)
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!
    if (d !== 0) return d
  }
  return x.length - y.length
}

/**
 * The standard search in memory (the portal's offline cache uses it; the server runs the same patterns in
 * PostgreSQL). Results are ordered by folded last name, folded first name, person id, membership number (a person
 * without membership first) and membership id, start after `after` and are cut at `limit`.
 */
export function searchPersons(
  persons: readonly SearchablePerson[],
  search: CompiledSearch,
  options: { asOf: CalendarDate; limit: number; includeArchived?: boolean; after?: SearchPosition | undefined },
): PersonSearchHit[] {
  const rows: { hit: PersonSearchHit; last: string; first: string }[] = []
  for (const person of persons) {
    if (!personMatches(person, search)) continue
    const roles = person.roles.filter(
      (r) =>
        (search.membershipNumber === null || r.number === search.membershipNumber) && (options.includeArchived !== false || !r.archived),
    )
    const last = foldText(person.lastName)
    const first = foldText(person.firstName)
    if (person.roles.length === 0) {
      rows.push({
        hit: { personId: person.id, membershipId: null, number: null, role: null, inactive: false, archived: false },
        last,
        first,
      })
    }
    for (const r of roles) {
      rows.push({
        hit: {
          personId: person.id,
          membershipId: r.membershipId,
          number: r.number,
          role: r.role,
          inactive: r.endsOn !== null && compareDates(r.endsOn, options.asOf) < 0,
          archived: r.archived,
        },
        last,
        first,
      })
    }
  }
  const position = (r: (typeof rows)[number]): SearchPosition => ({
    lastName: r.last,
    firstName: r.first,
    personId: r.hit.personId,
    number: r.hit.number ?? -1,
    membershipId: r.hit.membershipId ?? '',
  })
  rows.sort((a, b) => comparePositions(position(a), position(b)))
  const after = options.after
  const rest = after ? rows.filter((r) => comparePositions(position(r), after) > 0) : rows
  return rest.slice(0, options.limit).map((r) => r.hit)
}
