import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { provisionOrganisation, type Storage } from '@vereinskit/server-adapter'

/** Ids of the demo club, remembered next to the data so restarts reuse it. */
export interface DemoClub {
  readonly organisationId: string
}

/**
 * Creates the demo club with its fee-class groups on first start and returns the staff API key only then (it is
 * stored hashed and cannot be shown again); later starts reuse the club.
 */
export async function seedDemoClub(storage: Storage, dataDir: string): Promise<DemoClub & { apiKey?: string }> {
  const file = join(dataDir, 'demo-club.json')
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as DemoClub
    if (await storage.organisations.get(saved.organisationId)) return saved
  }
  const { organisation, apiKey } = await provisionOrganisation(storage, {
    name: 'TSV Beispielstadt 1896 e.V.',
    creditorId: 'DE98ZZZ09999999999',
    privacyNoticeUrl: '/#datenschutz',
    membershipNumberRange: { from: 10_001, to: 19_999 },
    mandateReferencePrefix: 'TSVB',
    apiKeyLabel: 'demo staff key',
  })
  const groups = [
    { name: 'Erwachsene', description: '96 € im Jahr, vierteljährlich', offeredOnline: true, isDefault: true },
    { name: 'Kinder und Jugendliche', description: '48 € im Jahr', offeredOnline: true, isDefault: false },
    { name: 'Familien', description: '168 € im Jahr für alle im Haushalt', offeredOnline: true, isDefault: false },
    { name: 'Ehrenmitglieder', description: null, offeredOnline: false, isDefault: false },
  ]
  for (const group of groups) await storage.feeClassGroups.create(organisation.id, group)
  const demo: DemoClub = { organisationId: organisation.id }
  writeFileSync(file, JSON.stringify(demo, null, 2))
  return { ...demo, apiKey }
}
