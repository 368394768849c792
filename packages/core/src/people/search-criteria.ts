import * as z from 'zod'
import { CalendarDateSchema } from '../calendar/calendar-date-schema'
import { digitsOf, foldText, foldTextSs } from './fold-text'
import { escapeLike, escapeLikeKeepingWildcards } from './like-pattern'
import type { FieldIssue } from '../errors/vereinskit-error'

const text = z.string().trim().min(1).max(100)

/**
 * The standard search (Standardsuche, handbook §4.1). Filled fields are combined with AND. Field kinds follow
 * docs/decisions/0000#d18: exact (membership number, date of birth, person id, mandate reference), IBAN by prefix,
 * prefix (last name, first name, company) and contains (street, city, phone digits).
 */
export const PersonSearchCriteria = z.strictObject({
  membershipNumber: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
  dateOfBirth: CalendarDateSchema.optional(),
  personId: z.uuid().optional(),
  mandateReference: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9+?/:().,' -]{1,35}$/, "A mandate reference has letters, digits and + ? / : ( ) . , ' - only.")
    .optional(),
  /** Spaces are ignored and letters upper-cased; matches IBANs beginning with it. */
  iban: z
    .string()
    .max(50)
    .transform((v) => v.replace(/\s+/g, '').toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9]{2,34}$/, 'An IBAN has letters and digits only.'))
    .optional(),
  lastName: text.optional(),
  firstName: text.optional(),
  company: text.optional(),
  street: text.optional(),
  city: text.optional(),
  /** Digits only count (docs/decisions/0000#d21): `030-123` searches `030123`. */
  phone: z
    .string()
    .max(40)
    .refine((v) => digitsOf(v).length > 0, 'Enter at least one digit.')
    .optional(),
})
export type PersonSearchCriteria = z.infer<typeof PersonSearchCriteria>

/** The text fields of the standard search; `%` and `_` may be wildcards in all of them (docs/decisions/0000#d19). */
export const textSearchFields = ['lastName', 'firstName', 'company', 'street', 'city'] as const
export type TextSearchField = (typeof textSearchFields)[number]

const fieldKind: Record<TextSearchField, 'prefix' | 'contains'> = {
  lastName: 'prefix',
  firstName: 'prefix',
  company: 'prefix',
  street: 'contains',
  city: 'contains',
}

/** One text field's condition: the LIKE pattern over the folded value, and the one over its `ss` spelling. */
export interface TextCondition {
  readonly field: TextSearchField
  readonly pattern: string
  readonly ssPattern: string
}

/** Criteria compiled into the patterns both the in-memory and the database search evaluate. */
export interface CompiledSearch {
  readonly text: readonly TextCondition[]
  /** LIKE pattern over a phone's digits. */
  readonly phone: string | null
  readonly membershipNumber: number | null
  readonly dateOfBirth: string | null
  readonly personId: string | null
  /** Upper-cased; compared case-insensitively. */
  readonly mandateReference: string | null
  /** IBAN prefix, upper case without spaces. */
  readonly ibanPrefix: string | null
}

/** Settings of the search: `SucheWildcards` (docs/decisions/0000#d19). */
export interface SearchOptions {
  readonly wildcards: boolean
}

function patternOf(input: string, kind: 'prefix' | 'contains', wildcards: boolean, fold: (s: string) => string): string {
  const folded = fold(input)
  if (wildcards && /[%_]/.test(input)) return escapeLikeKeepingWildcards(folded)
  const literal = escapeLike(folded)
  return kind === 'prefix' ? `${literal}%` : `%${literal}%`
}

/** Compiles criteria into LIKE patterns: the only place user input becomes a pattern. */
export function compileSearch(criteria: PersonSearchCriteria, options: SearchOptions): CompiledSearch {
  const text: TextCondition[] = []
  for (const field of textSearchFields) {
    const input = criteria[field]
    if (input === undefined) continue
    text.push({
      field,
      pattern: patternOf(input, fieldKind[field], options.wildcards, foldText),
      ssPattern: patternOf(input, fieldKind[field], options.wildcards, foldTextSs),
    })
  }
  return {
    text,
    phone: criteria.phone === undefined ? null : `%${digitsOf(criteria.phone)}%`,
    membershipNumber: criteria.membershipNumber ?? null,
    dateOfBirth: criteria.dateOfBirth ?? null,
    personId: criteria.personId?.toLowerCase() ?? null,
    mandateReference: criteria.mandateReference?.toUpperCase() ?? null,
    ibanPrefix: criteria.iban ?? null,
  }
}

/**
 * Input the search refuses although the schema accepts it: with wildcards on, a pattern of nothing but `%` and `_`
 * ("everyone") would read the whole address book; it needs at least one other character.
 */
export function checkSearchInput(criteria: PersonSearchCriteria, options: SearchOptions): FieldIssue[] {
  if (!options.wildcards) return []
  return textSearchFields
    .filter((field) => criteria[field] !== undefined && /^[%_\s]+$/.test(criteria[field]!))
    .map((field) => ({ path: `criteria.${field}`, code: 'wildcards-only', message: 'Add at least one letter or digit to the wildcards.' }))
}

/** Whether the criteria name anything to search for. */
export function isEmptySearch(criteria: PersonSearchCriteria): boolean {
  return Object.values(criteria).every((v) => v === undefined)
}
