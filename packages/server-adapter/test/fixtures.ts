import { anApplicationSubmission } from '@vereinskit/core/testing'
import type { ApplicationSubmissionInput } from '@vereinskit/core/applications'
import { provisionOrganisation } from '../src/provision-organisation'
import type { NewOrganisation, Storage } from '../src/storage/storage'

/** An organisation with two online fee-class groups, one offline group, and a staff API key. */
export async function aClub(storage: Storage, overrides: Partial<NewOrganisation> = {}) {
  const { organisation, apiKey } = await provisionOrganisation(storage, {
    name: `TSV Test ${Math.random().toString(36).slice(2, 8)}`,
    creditorId: 'DE98ZZZ09999999999',
    websiteOrigins: ['https://tsv-test.example'],
    privacyNoticeUrl: 'https://tsv-test.example/datenschutz',
    membershipNumberRange: { from: 1000, to: 1999 },
    mandateReferencePrefix: 'TSV',
    ...overrides,
  })
  const adults = await storage.forOrganisation(organisation.id).feeClassGroups.create({
    name: 'Erwachsene',
    description: '96 € im Jahr',
    offeredOnline: true,
    isDefault: true,
  })
  const youth = await storage.forOrganisation(organisation.id).feeClassGroups.create({
    name: 'Jugend',
    description: '48 € im Jahr',
    offeredOnline: true,
    isDefault: false,
  })
  const honorary = await storage.forOrganisation(organisation.id).feeClassGroups.create({
    name: 'Ehrenmitglieder',
    description: null,
    offeredOnline: false,
    isDefault: false,
  })
  return { organisation, apiKey, groups: { adults, youth, honorary } }
}

/** A valid submission for the club's default group. */
export function submissionFor(club: Awaited<ReturnType<typeof aClub>>, overrides: Partial<ApplicationSubmissionInput> = {}) {
  return anApplicationSubmission({ feeClassGroupId: club.groups.adults.id, ...overrides })
}
