import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'

describeStore('fee-class group', (s) => {
  it('keeps fee-class groups per organisation, with at most one default', async () => {
    const a = await s.club()
    const b = await s.club()
    expect((await a.store.feeClassGroups.list()).map((g) => g.id).sort()).toEqual(
      Object.values(a.groups)
        .map((g) => g.id)
        .sort(),
    )
    expect((await b.store.feeClassGroups.list()).some((g) => g.id === a.groups.adults.id)).toBe(false)
    await expect(
      a.store.feeClassGroups.create({ name: 'Zweiter Standard', description: null, offeredOnline: true, isDefault: true }),
    ).rejects.toThrow()
  })

  it('changes a group of its own organisation only; making one the default unsets the other', async () => {
    const a = await s.club()
    const b = await s.club()
    expect(await b.store.feeClassGroups.update(a.groups.youth.id, { name: 'Fremd' })).toBe(false)
    expect(await a.store.feeClassGroups.update(a.groups.youth.id, { isDefault: true, offeredOnline: false })).toBe(true)
    const groups = await a.store.feeClassGroups.list()
    expect(groups.filter((g) => g.isDefault).map((g) => g.id)).toEqual([a.groups.youth.id])
    expect(groups.find((g) => g.id === a.groups.youth.id)).toMatchObject({ offeredOnline: false, name: 'Jugend' })
    expect(await a.store.feeClassGroups.update('not-a-uuid', { name: 'x' })).toBe(false)
  })
})
