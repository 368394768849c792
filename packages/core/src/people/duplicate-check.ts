import type { CalendarDate } from '../calendar/calendar-date'
import { foldTextSs } from './fold-text'

/**
 * Duplicate check (Dublettenprüfung) on member capture and on accepting an application (handbook §8.1, §8.4).
 * The handbook's rule — the same last and first name, or the same company — always makes a candidate. Beyond it,
 * each agreeing field adds its weight; a person reaching the threshold is a candidate too. Interactive capture
 * (a person decides) and automatic intake (the "?" on online applications) have their own thresholds.
 * @see docs/decisions/0020-people-search-and-duplicates.md
 */
export interface DuplicateProbe {
  readonly lastName: string
  readonly firstName: string
  readonly company?: string | null | undefined
  readonly dateOfBirth?: CalendarDate | null | undefined
  readonly email?: string | null | undefined
  readonly street?: string | null | undefined
  readonly postcode?: string | null | undefined
  readonly ibans?: readonly string[] | undefined
}

/** A known person compared with the probe. */
export interface DuplicateSubject extends DuplicateProbe {
  readonly id: string
}

/** Fields that can agree, with their weights (out of 100). */
export const duplicateWeights = {
  lastName: 20,
  firstName: 15,
  dateOfBirth: 25,
  email: 30,
  address: 15,
  iban: 25,
  company: 40,
} as const
export type DuplicateField = keyof typeof duplicateWeights

/** Thresholds: interactive capture shows more candidates than automatic intake flags. */
export interface DuplicateThresholds {
  readonly interactive: number
  readonly automatic: number
}
export const defaultDuplicateThresholds: DuplicateThresholds = { interactive: 40, automatic: 60 }

/** A possible duplicate, with why. */
export interface DuplicateCandidate {
  readonly personId: string
  /** The handbook's rule matched: the same last and first name, or the same company. */
  readonly sameName: boolean
  readonly sameCompany: boolean
  readonly score: number
  readonly fields: readonly DuplicateField[]
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.trim() !== '' && foldTextSs(a.trim()) === foldTextSs(b.trim())
const email = (v: string | null | undefined) => v?.trim().toLowerCase() || null

/** How the probe compares with one known person. */
export function compareForDuplicate(probe: DuplicateProbe, subject: DuplicateSubject): DuplicateCandidate {
  const fields: DuplicateField[] = []
  if (same(probe.lastName, subject.lastName)) fields.push('lastName')
  if (same(probe.firstName, subject.firstName)) fields.push('firstName')
  if (probe.dateOfBirth && probe.dateOfBirth === subject.dateOfBirth) fields.push('dateOfBirth')
  if (email(probe.email) && email(probe.email) === email(subject.email)) fields.push('email')
  if (same(probe.street, subject.street) && same(probe.postcode, subject.postcode)) fields.push('address')
  const ibans = new Set(probe.ibans ?? [])
  if ((subject.ibans ?? []).some((i) => ibans.has(i))) fields.push('iban')
  if (same(probe.company, subject.company)) fields.push('company')
  const score = Math.min(
    100,
    fields.reduce((sum, f) => sum + duplicateWeights[f], 0),
  )
  return {
    personId: subject.id,
    sameName: fields.includes('lastName') && fields.includes('firstName'),
    sameCompany: fields.includes('company'),
    score,
    fields,
  }
}

/**
 * The candidates among `known`: the handbook's rule always counts in interactive mode; otherwise the score must
 * reach the mode's threshold. Best first (score, then id).
 */
export function findDuplicates(
  probe: DuplicateProbe,
  known: readonly DuplicateSubject[],
  mode: 'interactive' | 'automatic',
  thresholds: DuplicateThresholds = defaultDuplicateThresholds,
): DuplicateCandidate[] {
  const threshold = thresholds[mode]
  return known
    .map((subject) => compareForDuplicate(probe, subject))
    .filter((c) => (mode === 'interactive' && (c.sameName || c.sameCompany)) || c.score >= threshold)
    .sort((a, b) => b.score - a.score || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0))
}

/** Folded keys a store uses to preselect candidates (any agreeing field can contribute). */
export function duplicateKeys(probe: DuplicateProbe) {
  return {
    lastName: foldTextSs(probe.lastName.trim()),
    firstName: foldTextSs(probe.firstName.trim()),
    company: probe.company?.trim() ? foldTextSs(probe.company.trim()) : null,
    email: email(probe.email),
    dateOfBirth: probe.dateOfBirth ?? null,
    street: probe.street?.trim() ? foldTextSs(probe.street.trim()) : null,
    ibans: [...(probe.ibans ?? [])],
  }
}
