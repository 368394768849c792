import { expect, it } from 'vitest'
import { lowestFreeNumber } from '@vereinskit/core/members'
import { describeStore } from './storage-contract'

describeStore('membership', (s) => {
  it('shows a person only through a membership of the asking organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const membership = await s.member(club.store, 1000)
    expect((await club.store.memberships.get(membership.id))?.person.lastName).toBe('Mustermann')
    expect(await other.store.memberships.get(membership.id)).toBeUndefined()
    expect(await club.store.memberships.lowestFreeNumber(1000)).toBe(1001)
    expect(await other.store.memberships.lowestFreeNumber(1000)).toBe(1000)
    expect((await other.store.memberships.listForRuns()).map((m) => m.id)).not.toContain(membership.id)
  })

  it('finds the next free number in sequence, not above the highest: an imported top number does not move it', async () => {
    const club = await s.club()
    const taken = [1000, 1001, 1003, 1999, 5]
    for (const number of taken) await s.member(club.store, number)
    expect(await club.store.memberships.lowestFreeNumber(1000)).toBe(lowestFreeNumber(1000, taken))
    expect(await club.store.memberships.lowestFreeNumber(1000)).toBe(1002)
    expect(await club.store.memberships.lowestFreeNumber(1999)).toBe(2000)
    expect(await club.store.memberships.lowestFreeNumber(4)).toBe(4)
    expect(await club.store.memberships.lowestFreeNumber(5)).toBe(6)
    const byNumber = await club.store.memberships.idsByNumbers([1000, 1003, 4242])
    expect([...byNumber.keys()].sort()).toEqual([1000, 1003])
  })

  it('refuses a duplicate membership number and a mandate reference differing only in case', async () => {
    const club = await s.club()
    const membership = await s.member(club.store, 1500)
    const input = {
      personId: membership.personId,
      number: 1500,
      feeClassGroupId: null,
      joinedOn: '2026-01-01',
      paymentMethod: 'invoice' as const,
    }
    await expect(club.store.memberships.create(input)).rejects.toThrow()
    const mandate = {
      personId: membership.personId,
      membershipId: membership.id,
      reference: 'TSV-1500-1',
      accountHolder: 'Erika Mustermann',
      iban: 'DE89370400440532013000',
      bic: null,
      creditorId: 'DE98ZZZ09999999999',
      signedOn: '2026-01-01',
      validFrom: '2026-01-01',
    }
    await club.store.memberships.createMandate(mandate)
    await expect(club.store.memberships.createMandate({ ...mandate, reference: 'tsv-1500-1' })).rejects.toThrow()
    expect((await club.store.memberships.get(membership.id))?.mandates).toMatchObject([{ reference: 'TSV-1500-1', signedOn: '2026-01-01' }])
  })

  it('changes only the given fields of its own memberships, and the runs see the change', async () => {
    const club = await s.club()
    const other = await s.club()
    const membership = await s.member(club.store, 1200)
    expect(await other.store.memberships.update(membership.id, { processingBlocked: true })).toBe(false)
    expect(await club.store.memberships.update(membership.id, { endsOn: '2026-12-31', processingBlocked: true })).toBe(true)
    expect(await club.store.memberships.update(membership.id, {})).toBe(true)
    const [forRuns] = await club.store.memberships.listForRuns()
    expect(forRuns).toMatchObject({
      id: membership.id,
      endsOn: '2026-12-31',
      processingBlocked: true,
      addressInvalid: false,
      paymentMethod: 'invoice',
    })
    expect(forRuns?.name).toContain('Mustermann')
  })
})
