import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'
import { aFeeClassIn } from './finance-fixture'

describeStore('assignment', (s) => {
  async function setUp() {
    const club = await s.club()
    const { fees, feeClass } = await aFeeClassIn(club.store)
    const member = await s.member(club.store, 1000)
    const input = {
      membershipId: member.id,
      feeClassId: feeClass.id,
      validFrom: '2026-01-01',
      validUntil: null,
      paymentPlanId: null,
      amount: null,
    }
    return { club, fees, member, input }
  }

  it('creates, lists, changes and removes assignments of its own organisation', async () => {
    const { club, member, input } = await setUp()
    const other = await s.club()
    const later = await club.store.assignments.create({ ...input, validFrom: '2027-01-01' })
    const first = await club.store.assignments.create(input)
    expect((await club.store.assignments.listForMembership(member.id)).map((a) => a.id)).toEqual([first.id, later.id])
    expect(await other.store.assignments.listForMembership(member.id)).toEqual([])
    expect(await other.store.assignments.listAll()).toEqual([])
    expect(await other.store.assignments.getForUpdate(first.id)).toBeUndefined()
    expect(await club.store.assignments.update(first.id, { validUntil: '2026-12-31' })).toMatchObject({
      id: first.id,
      validUntil: '2026-12-31',
    })
    await other.store.assignments.remove(later.id)
    expect(await club.store.assignments.listAll()).toHaveLength(2)
    await club.store.assignments.remove(later.id)
    expect((await club.store.assignments.listAll()).map((a) => a.id)).toEqual([first.id])
    expect(await club.store.assignments.listForMembership('not-a-uuid')).toEqual([])
  })

  it('counts the charges made from an assignment, for its own organisation', async () => {
    const { club, fees, member, input } = await setUp()
    const assignment = await club.store.assignments.create(input)
    await club.store.ledger.insertPostings([
      {
        membershipId: member.id,
        accountId: fees.id,
        date: '2026-01-01',
        amount: -9600,
        text: 'Beitrag 2026',
        documentNumber: null,
        kind: 'charge',
        runId: null,
        chargeKey: `${assignment.id}:2026:9600`,
        chargeAssignmentId: assignment.id,
        chargeYear: 2026,
        reversalOf: null,
        createdBy: 'test',
      },
    ])
    expect(await club.store.assignments.countCharges(assignment.id)).toBe(1)
    expect(await (await s.club()).store.assignments.countCharges(assignment.id)).toBe(0)
  })
})
