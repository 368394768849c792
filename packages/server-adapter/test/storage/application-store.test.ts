import { expect, it } from 'vitest'
import { ApplicationSubmission } from '@vereinskit/core/applications'
import { anApplicationSubmission } from '@vereinskit/core/testing'
import { describeStore } from './storage-contract'

const arrived = { submittedAt: new Date('2026-11-23T10:00:00Z'), submittedOn: '2026-11-23' }

describeStore('application', (s) => {
  const submission = (groupId: string, lastName = 'Mustermann') =>
    ApplicationSubmission.parse(anApplicationSubmission({ feeClassGroupId: groupId, lastName }))

  it('stores applications as submitted and lists them newest first, page by page, per organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const ids: string[] = []
    for (const [i, lastName] of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].entries()) {
      const at = { submittedAt: new Date(Date.UTC(2026, 10, 23, 10, i)), submittedOn: '2026-11-23' }
      ids.push((await club.store.applications.insert(submission(club.groups.adults.id, lastName), at)).id)
    }
    await other.store.applications.insert(submission(other.groups.adults.id), arrived)

    const first = await club.store.applications.list({ limit: 2 })
    const second = await club.store.applications.list({ limit: 2, cursor: first.nextCursor! })
    const third = await club.store.applications.list({ limit: 2, cursor: second.nextCursor! })
    const listed = [...first.items, ...second.items, ...third.items]
    expect(third.nextCursor).toBeNull()
    expect(listed.map((a) => a.id).sort()).toEqual([...ids].sort())
    const times = listed.map((a) => a.submittedAt.getTime())
    expect(times).toEqual([...times].sort((x, y) => y - x))
    expect(listed[0]).toMatchObject({
      status: 'pending',
      feeClassGroupName: 'Erwachsene',
      membershipNumber: null,
      submittedOn: '2026-11-23',
    })
    expect(await other.store.applications.get(ids[0]!)).toBeUndefined()
    await expect(club.store.applications.list({ limit: 2, cursor: 'garbage' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
  })

  it('records a decision with its moment, filters by status, and decides only its own organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const accepted = await club.store.applications.insert(submission(club.groups.adults.id, 'Angenommen'), arrived)
    const rejected = await club.store.applications.insert(submission(club.groups.adults.id, 'Abgelehnt'), arrived)
    const member = await s.member(club.store, 1000)
    const decidedAt = new Date('2026-11-24T08:00:00Z')
    await club.store.applications.markAccepted(accepted.id, { personId: member.personId, membershipId: member.id }, decidedAt)
    const refused = await club.store.applications.markRejected(rejected.id, 'doppelt', decidedAt)
    expect(refused).toMatchObject({ status: 'rejected', rejectionReason: 'doppelt', decidedAt })
    expect(await club.store.applications.get(accepted.id)).toMatchObject({ status: 'accepted', membershipNumber: 1000, decidedAt })
    expect((await club.store.applications.list({ limit: 10, status: 'pending' })).items).toEqual([])
    expect((await club.store.applications.list({ limit: 10, status: 'rejected' })).items.map((a) => a.id)).toEqual([rejected.id])
    expect(await other.store.applications.getForUpdate(accepted.id)).toBeUndefined()
    expect(await club.store.transaction((tx) => tx.applications.getForUpdate(accepted.id))).toMatchObject({ id: accepted.id })
  })
})
