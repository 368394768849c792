import { ValidationError, VereinskitError } from '@vereinskit/core'
import { applyPersonChanges, personFieldChanges, type PersonChanges } from '@vereinskit/core/people'
import { checkUnlocked } from '@vereinskit/core/sync'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { notFound } from '../../http/not-found-error'
import type { ChangeStamp } from './people-store'
import type { PersonRecord } from './person-record'

/**
 * Changes a person of the shared address book — for every organisation they belong to (sync-tenancy AB-07) —
 * and writes one audit line per changed field, all in one transaction: a refused change writes no line.
 * Every route that changes person data (persons, memberships) goes through here.
 * @see docs/decisions/0020-people-search-and-duplicates.md
 */
export async function changePerson(
  storage: OrganisationStorage,
  personId: string,
  changes: PersonChanges,
  stamp: ChangeStamp,
): Promise<PersonRecord> {
  return storage.transaction(async (tx) => {
    const before = await tx.people.getForUpdate(personId)
    if (!before) throw notFound('PERSON_NOT_FOUND', 'Person', personId)
    const lines = personFieldChanges(before, changes)
    // In a child holding a synced copy of the person's membership, the parent manages the contact data (UMB-12).
    const link = await tx.memberSyncs.personLink(personId)
    if (link)
      checkUnlocked(
        'person',
        lines.map((l) => l.field),
        link,
      )
    // A reference holds nothing personal here: its data lives in the CRM (REF-01).
    if (lines.length > 0 && (await tx.customerReferences.linkOf(personId))?.kind === 'reference') {
      throw new VereinskitError('REFERENCE_READ_ONLY', 'This person only references a CRM customer; change the data in the CRM.')
    }
    const after = applyPersonChanges(before, changes)
    if (after.lastName.trim() === '' && (after.company ?? '').trim() === '') {
      throw new ValidationError([{ path: 'lastName', code: 'name-required', message: 'Enter a last name or a company name.' }])
    }
    await tx.people.update(personId, after, lines, stamp)
    return { ...after, id: personId }
  })
}
