import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { paymentPlanTemplates } from '@vereinskit/core/fees'
import { provisionOrganisation, type Storage } from '@vereinskit/server-adapter'
import { seedDemoCalendar, type DemoMember } from './seed-demo-calendar'

/** Ids of the demo club, remembered next to the data so restarts reuse it. */
export interface DemoClub {
  readonly organisationId: string
  /** Who books appointments on the demo's second page. */
  readonly member?: DemoMember
}

/**
 * Creates the demo club on first start — accounts, payment plans, fee classes and the fee-class groups the form
 * offers, consultation hours for appointment booking — and returns the staff API key only then (it is stored hashed and cannot be shown again); later starts reuse
 * the club.
 */
export async function seedDemoClub(storage: Storage, dataDir: string, bookingPageUrl: string): Promise<DemoClub & { apiKey?: string }> {
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
  const { finance, feeClassGroups } = storage.forOrganisation(organisation.id)
  const fees = await finance.createAccount({
    number: '4000',
    name: 'Mitgliedsbeitrag',
    type: 'receivable',
    receivableKind: 'main',
    priority: 1,
  })
  const admission = await finance.createAccount({
    number: '4010',
    name: 'Aufnahmegebühr',
    type: 'receivable',
    receivableKind: 'main',
    priority: 1,
  })
  await finance.createAccount({
    number: '4100',
    name: 'Mahngebühren',
    type: 'receivable',
    receivableKind: 'secondary',
    priority: 2,
  })
  await finance.createAccount({ number: '1200', name: 'Bank', type: 'cash', receivableKind: null, priority: 0 })
  const yearly = await finance.createPlan({ name: 'Jährlich', ...paymentPlanTemplates.yearly })
  const quarterly = await finance.createPlan({ name: 'Vierteljährlich', ...paymentPlanTemplates.quarterly })
  const oneOff = await finance.createPlan({ name: 'Einmalig', ...paymentPlanTemplates.oneOff })
  const feeClass = (name: string, amount: number, paymentPlanId: string, accountId = fees.id) =>
    finance.createFeeClass({
      name,
      amount,
      paymentPlanId,
      validFrom: '2020-01-01',
      validUntil: null,
      accountId,
      successorId: null,
      showInMembership: true,
    })
  const adults = await feeClass('Erwachsene', 9600, quarterly.id)
  const youth = await feeClass('Kinder und Jugendliche', 4800, yearly.id)
  const family = await feeClass('Familie', 16800, yearly.id)
  const honorary = await feeClass('Ehrenmitglied', 0, yearly.id)
  const entry = await feeClass('Aufnahmegebühr', 1000, oneOff.id, admission.id)
  const groups = [
    {
      name: 'Erwachsene',
      description: '96 € im Jahr, vierteljährlich; 10 € Aufnahmegebühr',
      offeredOnline: true,
      isDefault: true,
      items: [adults, entry],
    },
    { name: 'Kinder und Jugendliche', description: '48 € im Jahr', offeredOnline: true, isDefault: false, items: [youth] },
    {
      name: 'Familien',
      description: '168 € im Jahr für alle im Haushalt; 10 € Aufnahmegebühr',
      offeredOnline: true,
      isDefault: false,
      items: [family, entry],
    },
    { name: 'Ehrenmitglieder', description: null, offeredOnline: false, isDefault: false, items: [honorary] },
  ]
  for (const { items, ...group } of groups) {
    const created = await feeClassGroups.create(group)
    await finance.setGroupItems(
      created.id,
      items.map((c) => ({ feeClassId: c.id, amount: c.amount })),
    )
  }
  const member = await seedDemoCalendar(storage, organisation.id, apiKey, bookingPageUrl)
  const demo: DemoClub = { organisationId: organisation.id, member }
  writeFileSync(file, JSON.stringify(demo, null, 2))
  return { ...demo, apiKey }
}
