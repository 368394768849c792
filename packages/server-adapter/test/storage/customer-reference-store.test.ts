import { expect, it } from 'vitest'
import { completePerson, PersonInput } from '@vereinskit/core/people'
import { describeStore } from './storage-contract'

const stamp = { actor: 'api-key:test', at: new Date('2026-11-23T10:00:00Z') }
const aPerson = (lastName: string) =>
  completePerson(PersonInput.parse({ lastName, firstName: 'Erika', postalAddress: { street: 'Weg 1', postcode: '12345', city: 'Köln' } }))

describeStore('customer references', (s) => {
  it('keeps links per organisation; one reference per customer; a link connects the person', async () => {
    const club = await s.club()
    const other = await s.club()
    const person = await club.store.people.create(aPerson('Kopie'), stamp, { asContact: false })
    expect(await club.store.people.get(person.id)).toBeUndefined()
    await club.store.customerReferences.addLink(person.id, 'MID-1', 'copy')
    expect((await club.store.people.get(person.id))?.lastName).toBe('Kopie')
    expect(await other.store.customerReferences.linkOf(person.id)).toBeUndefined()
    await club.store.customerReferences.setKind(person.id, 'reference')
    expect((await club.store.customerReferences.referenceTo('MID-1'))?.personId).toBe(person.id)
    const second = await club.store.people.create(aPerson('Zweite'), stamp, { asContact: false })
    await expect(club.store.customerReferences.addLink(second.id, 'MID-1', 'reference')).rejects.toThrow()
    expect(await other.store.customerReferences.referenceTo('MID-1')).toBeUndefined()
  })

  it('repoints every row of the organisation that names a copy to the reference, and removes the copy', async () => {
    const club = await s.club()
    const copy = await club.store.people.create(aPerson('Kopie'), stamp, { asContact: true })
    const reference = await club.store.people.create(aPerson('Referenz'), stamp, { asContact: true })
    await club.store.customerReferences.addLink(copy.id, 'MID-2', 'copy')
    await club.store.customerReferences.addLink(reference.id, 'MID-2', 'reference')
    const membership = await club.store.memberships.create({
      personId: copy.id,
      number: 1000,
      feeClassGroupId: null,
      joinedOn: '2026-01-01',
      paymentMethod: 'invoice',
    })
    await club.store.transaction((tx) => tx.customerReferences.repointPerson(copy.id, reference.id))
    expect((await club.store.memberships.get(membership.id))?.person.id).toBe(reference.id)
    expect(await club.store.people.get(copy.id)).toBeUndefined()
    expect(await club.store.customerReferences.linkOf(copy.id)).toBeUndefined()
  })

  it('settles a review once, and only of a person kept locally', async () => {
    const club = await s.club()
    const person = await club.store.people.create(aPerson('Lokal'), stamp, { asContact: false })
    await club.store.customerReferences.addLink(person.id, 'MID-3', 'copy')
    expect(await club.store.customerReferences.markReviewed(person.id, stamp.at)).toBe(false)
    await club.store.customerReferences.setKind(person.id, 'local', 'gone')
    expect(await club.store.customerReferences.markReviewed(person.id, stamp.at)).toBe(true)
    expect(await club.store.customerReferences.markReviewed(person.id, stamp.at)).toBe(false)
  })
})
