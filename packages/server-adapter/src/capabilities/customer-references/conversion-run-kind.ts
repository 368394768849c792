import { VereinskitError } from '@vereinskit/core'
import { personDefaults, type PersonData } from '@vereinskit/core/people'
import { planReferenceConversion, type ReferenceConversionSummary } from '@vereinskit/core/sync'
import type { ExternalPerson, LocalCopy } from '@vereinskit/core/sync'
import { defineRunKind } from '../../runs/run-kind'
import type { CustomerDirectory } from './customer-directory'

/** A person with nothing personal left: what a reference and an erased copy hold. */
export const blankPerson: PersonData = {
  ...personDefaults,
  lastName: '',
  postalAddress: { street: '', postcode: '', city: '', country: 'DE' },
} as PersonData

/**
 * The conversion run (Umstellung v1 → v2, REF-07–REF-14): credentials first (REF-10), then every local copy compared
 * with the CRM; applying converts, warns, keeps locally for GDPR review or merges, all in one transaction that
 * holds the copies locked (REF-09: other edits of them wait, and find references afterwards). Not reversible:
 * the personal data of converted copies is gone by design.
 */
export function conversionRunKind(directory: CustomerDirectory) {
  return defineRunKind({
    kind: 'reference-conversion',
    label: 'Conversion into CRM references',
    parameters: () => ({}),
    async plan(storage, _request: Record<string, never>, context) {
      // Inside the run's transaction this holds the copies until it commits: an edit meanwhile waits (REF-09).
      await storage.customerReferences.lockCopies()
      const valid = await directory.checkCredentials()
      if (!valid)
        throw new VereinskitError('CONNECTOR_CREDENTIALS_INVALID', 'The CRM refused the stored token; nothing was compared or changed.')
      const copies: LocalCopy[] = []
      for (const linked of await storage.customerReferences.links('copy')) {
        const person = await storage.people.get(linked.personId)
        if (person)
          copies.push({
            personId: linked.personId,
            externalId: linked.externalId,
            firstName: person.firstName,
            lastName: person.lastName,
            email: person.email,
          })
      }
      const external = new Map<string, ExternalPerson>()
      for (const externalId of new Set(copies.map((c) => c.externalId))) {
        const found = await directory.get(externalId)
        if (found) external.set(externalId, found)
      }
      const references = new Map((await storage.customerReferences.links('reference')).map((r) => [r.externalId, r.personId]))
      return planReferenceConversion({ copies, external, references, asOf: context.today })
    },
    runPlan: (plan) => plan,
    changedMessage: () => 'The copies or the CRM changed since the preview; preview the conversion again.',
    async apply(tx, plan, _run, report, context) {
      const stamp = { actor: context.actor, at: context.clock.now() }
      const lines = (plan.summary as ReferenceConversionSummary).lines
      for (const [index, line] of lines.entries()) {
        if (line.outcome === 'convert' || line.outcome === 'convert-with-warning') {
          await tx.people.erase(line.personId, blankPerson, stamp, 'converted into a CRM reference')
          await tx.customerReferences.setKind(line.personId, 'reference')
        } else if (line.outcome === 'make-local') {
          await tx.customerReferences.setKind(
            line.personId,
            'local',
            'The CRM customer had been deleted before the conversion: check whether this data may be kept.',
          )
        } else {
          await tx.people.erase(line.personId, blankPerson, stamp, 'merged into a CRM reference')
          await tx.customerReferences.repointPerson(line.personId, line.referencePersonId)
        }
        report(index + 1, lines.length)
      }
    },
  })
}
