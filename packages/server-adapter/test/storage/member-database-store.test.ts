import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'

const link = {
  baseUrl: 'http://remote',
  region: 'DV Köln',
  credentials: 'v1.sealed',
  pullIntervalMinutes: 10,
  conflictPolicy: 'newest-wins' as const,
}
const at = (time: string) => new Date(`2031-03-03T${time}Z`)

describeStore('member database', (s) => {
  it('keeps the link per organisation; a pull is claimed once until it is finished or released', async () => {
    const club = await s.club()
    const other = await s.club()
    await club.store.memberDatabase.saveLink(link)
    expect(await club.store.memberDatabase.getLink()).toMatchObject({ ...link, pullCursor: null, lastPullAt: null })
    expect(await other.store.memberDatabase.getLink()).toBeUndefined()
    const claimed = await club.store.memberDatabase.claimPull(at('10:00:00'), at('10:05:00'), false)
    expect(claimed).toBeDefined()
    expect(await club.store.memberDatabase.claimPull(at('10:01:00'), at('10:06:00'), true)).toBeUndefined()
    await club.store.memberDatabase.finishPull('42', at('10:02:00'))
    expect(await club.store.memberDatabase.claimPull(at('10:05:00'), at('10:10:00'), false)).toBeUndefined()
    expect(await club.store.memberDatabase.claimPull(at('10:12:00'), at('10:17:00'), false)).toMatchObject({ pullCursor: '42' })
    await club.store.memberDatabase.releasePull()
    expect(await other.store.memberDatabase.claimPull(at('10:12:00'), at('10:17:00'), true)).toBeUndefined()
  })

  it('the outbox is written by the database for linked organisations only, and is settled per membership', async () => {
    const club = await s.club()
    const unlinked = await s.club()
    await club.store.memberDatabase.saveLink(link)
    const member = await s.member(club.store, 1000)
    await s.member(unlinked.store, 1000)
    expect(await club.store.memberDatabase.dueMemberships(at('10:00:00'), 10)).toEqual([member.id])
    expect(await unlinked.store.memberDatabase.dueMemberships(at('10:00:00'), 10)).toEqual([])
    const due = await club.store.memberDatabase.dueChanges(member.id, at('10:00:00'))
    expect(await unlinked.store.memberDatabase.dueChanges(member.id, at('10:00:00'))).toEqual([])
    await club.store.memberDatabase.markFailed(
      due.map((d) => d.id),
      'timeout',
      at('10:00:10'),
    )
    expect(await club.store.memberDatabase.dueMemberships(at('10:00:05'), 10)).toEqual([])
    expect(await club.store.memberDatabase.dueMemberships(at('10:00:10'), 10)).toEqual([member.id])
    await club.store.memberDatabase.markDone(
      due.map((d) => d.id),
      at('10:00:11'),
    )
    expect((await club.store.memberDatabase.getMember(member.id))?.pendingChanges).toBe(0)
  })

  it('local only withdraws what is queued and keeps the trigger quiet; remote ids find their member in their organisation only', async () => {
    const club = await s.club()
    const other = await s.club()
    await club.store.memberDatabase.saveLink(link)
    await other.store.memberDatabase.saveLink(link)
    const member = await s.member(club.store, 1000)
    await club.store.memberDatabase.setMode(member.id, 'local-only')
    expect(await club.store.memberDatabase.dueMemberships(at('10:00:00'), 10)).toEqual([])
    await club.store.memberships.update(member.id, { paymentMethod: 'transfer' })
    expect(await club.store.memberDatabase.dueMemberships(at('10:00:00'), 10)).toEqual([])
    await club.store.memberDatabase.setMode(member.id, 'synced')
    await club.store.memberDatabase.updateMember(member.id, { remoteId: 'R-1', base: { nachname: 'X' } })
    expect((await club.store.memberDatabase.findByRemoteId('R-1'))?.membershipId).toBe(member.id)
    expect(await other.store.memberDatabase.findByRemoteId('R-1')).toBeUndefined()
    expect([...(await club.store.memberDatabase.linkedRemoteIds()).keys()]).toEqual(['R-1'])
    expect(await other.store.memberDatabase.getMember(member.id)).toMatchObject({ remoteId: null, pendingChanges: 0 })
  })

  it('conflicts are listed until decided, and only in their organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const member = await s.member(club.store, 1000)
    await club.store.memberDatabase.addConflicts(member.id, [
      { field: 'street', remoteField: 'strasse', baseValue: 'A', localValue: 'B', remoteValue: 'C' },
    ])
    const [conflict] = await club.store.memberDatabase.openConflicts()
    expect(conflict).toMatchObject({ membershipId: member.id, field: 'street', localValue: 'B', remoteValue: 'C' })
    expect(await other.store.memberDatabase.openConflicts()).toEqual([])
    expect(await other.store.memberDatabase.decideConflict(conflict!.id, 'local', at('10:00:00'))).toBeUndefined()
    expect(await club.store.memberDatabase.decideConflict(conflict!.id, 'remote', at('10:00:00'))).toMatchObject({ id: conflict!.id })
    expect(await club.store.memberDatabase.openConflicts()).toEqual([])
  })
})
