import { VereinskitError } from '@vereinskit/core'
import { duplicateKeys, findDuplicates, type DuplicateCandidate, type DuplicateProbe, type PersonData } from '@vereinskit/core/people'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { DuplicateSubjectRecord } from './people-store'

/** A candidate with what staff need to recognise the person. */
export type DuplicateFinding = DuplicateCandidate & Pick<DuplicateSubjectRecord, 'name' | 'dateOfBirth' | 'city'>

/** The duplicate check (Dublettenprüfung) among the persons connected to the organisation. */
export async function findDuplicatePersons(
  storage: OrganisationStorage,
  probe: DuplicateProbe,
  mode: 'interactive' | 'automatic',
): Promise<DuplicateFinding[]> {
  const settings = await storage.finance.getSettings()
  const subjects = await storage.people.duplicateSubjects(duplicateKeys(probe))
  const byId = new Map(subjects.map((s) => [s.id, s]))
  return findDuplicates(probe, subjects, mode, settings.duplicateThresholds).map((c) => {
    const s = byId.get(c.personId)!
    return { ...c, name: s.name, dateOfBirth: s.dateOfBirth ?? null, city: s.city }
  })
}

/** Refuses a capture while candidates exist: the caller continues (`ignoreDuplicates`), cancels or links one. */
export function refuseDuplicates(candidates: readonly DuplicateFinding[]): void {
  if (candidates.length === 0) return
  throw new VereinskitError(
    'DUPLICATE_CANDIDATES',
    `${candidates.length} possible duplicate(s) found; link the existing person, or continue with ignoreDuplicates.`,
    {
      issues: candidates.map((c) => ({
        path: 'person',
        code: 'possible-duplicate',
        message: `${c.personId}: ${c.name}${c.dateOfBirth ? ` (${c.dateOfBirth})` : ''}, ${c.city}; score ${c.score} (${c.fields.join(', ')})`,
      })),
    },
  )
}

/** The probe of the duplicate check from a person's data. */
export function probeOf(
  person: Pick<PersonData, 'lastName' | 'firstName' | 'company' | 'dateOfBirth' | 'email' | 'postalAddress'>,
  ibans: string[] = [],
): DuplicateProbe {
  return {
    lastName: person.lastName,
    firstName: person.firstName,
    company: person.company,
    dateOfBirth: person.dateOfBirth,
    email: person.email,
    street: person.postalAddress.street,
    postcode: person.postalAddress.postcode,
    ibans,
  }
}
