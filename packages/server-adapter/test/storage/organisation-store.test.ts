import { expect, it } from 'vitest'
import { ApplicationSubmission } from '@vereinskit/core/applications'
import { anApplicationSubmission } from '@vereinskit/core/testing'
import { describeStore } from './storage-contract'

const arrived = { submittedAt: new Date('2026-11-23T10:00:00Z'), submittedOn: '2026-11-23' }

describeStore('organisation', (s) => {
  it('creates and reads organisations with defaults; unknown and malformed ids are not found', async () => {
    const { organisation } = await s.club()
    expect(await s.storage().organisations.get(organisation.id)).toEqual(organisation)
    expect(organisation.timeZone).toBe('Europe/Berlin')
    expect(organisation.websiteOrigins).toEqual(['https://tsv-test.example'])
    expect(await s.storage().organisations.get('00000000-0000-4000-8000-000000000000')).toBeUndefined()
    expect(await s.storage().organisations.get("x' or 1=1 --")).toBeUndefined()
    expect((await s.storage().organisations.list()).map((o) => o.id)).toContain(organisation.id)
  })

  it('reads, locks and changes only its own organisation through the scoped handle', async () => {
    const a = await s.club()
    const b = await s.club()
    expect(await a.store.organisation.get()).toEqual(a.organisation)
    const changed = await a.store.organisation.updateWebsite({ websiteOrigins: ['https://neu.example'], privacyNoticeUrl: null })
    expect(changed).toMatchObject({ id: a.organisation.id, websiteOrigins: ['https://neu.example'], privacyNoticeUrl: null })
    expect(await a.store.transaction((tx) => tx.organisation.getForUpdate())).toEqual(changed)
    expect(await b.store.organisation.get()).toEqual(b.organisation)
    expect(await a.store.organisation.updateWebsite({})).toEqual(changed)
  })

  it('rolls a transaction back completely when its work fails', async () => {
    const club = await s.club()
    await expect(
      club.store.transaction(async (tx) => {
        await tx.applications.insert(
          ApplicationSubmission.parse(anApplicationSubmission({ feeClassGroupId: club.groups.adults.id })),
          arrived,
        )
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect((await club.store.applications.list({ limit: 10 })).items).toEqual([])
  })

  it('creates an organisation and its first key atomically, or neither', async () => {
    const before = (await s.storage().organisations.list()).length
    await expect(
      s.storage().transaction(async (tx) => {
        await tx.organisations.create({ name: 'Halb angelegt' })
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await s.storage().organisations.list()).toHaveLength(before)
  })
})
