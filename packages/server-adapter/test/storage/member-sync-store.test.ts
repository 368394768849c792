import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'

describeStore('member syncs', (s) => {
  it('copies a member into a child, once; the copy follows the parent and refuses its own changes of locked fields', async () => {
    const parent = await s.club()
    const child = await parent.store.structure.createChild('Sparte')
    const member = await s.member(parent.store, 1000)
    const copy = await parent.store.memberSyncs.copyInto(member.id, child.id)
    await expect(parent.store.memberSyncs.copyInto(member.id, child.id)).rejects.toMatchObject({ code: 'MEMBER_ALREADY_SYNCED' })
    expect(await parent.store.memberSyncs.copiesOf(member.id)).toEqual([
      { childId: child.id, childName: 'Sparte', childMembershipId: copy },
    ])
    const inChild = s.storage().forOrganisation(child.id)
    expect(await inChild.memberSyncs.sourceOf(copy)).toMatchObject({ parentId: parent.organisation.id, parentMembershipId: member.id })
    expect(await inChild.memberSyncs.personLink(member.personId)).toMatchObject({ bidirectional: false })
    await parent.store.memberships.update(member.id, { paymentMethod: 'transfer' })
    expect((await inChild.memberships.get(copy))?.paymentMethod).toBe('transfer')
    await expect(inChild.transaction((tx) => tx.memberships.update(copy, { paymentMethod: 'cash' }))).rejects.toSatisfy(
      (e: { cause?: unknown }) => String(e.cause).includes('MEMBER_FIELD_LOCKED:paymentMethod'),
    )
  })

  it('releases copies: the child keeps its own unlocked record; another organisation releases nothing', async () => {
    const parent = await s.club()
    const stranger = await s.club()
    const child = await parent.store.structure.createChild('Kind')
    const member = await s.member(parent.store, 1000)
    const copy = await parent.store.memberSyncs.copyInto(member.id, child.id)
    expect(await stranger.store.memberSyncs.release(member.id, child.id)).toBeUndefined()
    expect(await stranger.store.memberSyncs.copiesOf(member.id)).toEqual([])
    expect(await parent.store.memberSyncs.release(member.id, child.id)).toBe(copy)
    const inChild = s.storage().forOrganisation(child.id)
    expect(await inChild.memberSyncs.sourceOf(copy)).toBeUndefined()
    await inChild.memberships.update(copy, { paymentMethod: 'cash' })
    expect((await inChild.memberships.get(copy))?.paymentMethod).toBe('cash')
  })

  it('finds members by e-mail or number in its own organisation only', async () => {
    const club = await s.club()
    const other = await s.club()
    const member = await s.member(club.store, 1234)
    expect(await club.store.memberSyncs.membershipsByLogin('1234')).toEqual([member.id])
    expect(await other.store.memberSyncs.membershipsByLogin('1234')).toEqual([])
    expect(await club.store.memberSyncs.sharedNumberScope()).toBeUndefined()
  })
})
