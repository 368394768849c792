import { expect, it } from 'vitest'
import { compileSearch, completePerson, PersonInput } from '@vereinskit/core/people'
import { describeStore } from './storage-contract'

const stamp = { actor: 'api-key:test', at: new Date('2026-11-23T10:00:00Z') }
const aPerson = (lastName: string) =>
  completePerson(PersonInput.parse({ lastName, firstName: 'Erika', postalAddress: { street: 'Weg 1', postcode: '12345', city: 'Köln' } }))

describeStore('people', (s) => {
  it('reads, changes, audits and searches only persons connected to the organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const person = await club.store.people.create(aPerson('Kontakt'), stamp, { asContact: true })
    expect((await club.store.people.get(person.id))?.lastName).toBe('Kontakt')
    expect(await other.store.people.get(person.id)).toBeUndefined()
    expect(await other.store.people.getForUpdate(person.id)).toBeUndefined()
    expect(await other.store.people.places(person.id)).toEqual([])
    const search = compileSearch({ lastName: 'Kontakt' }, { wildcards: true })
    const run = { asOf: '2026-11-23', limit: 10, includeArchived: true, filters: {} }
    expect((await club.store.people.search(search, run)).map((h) => h.personId)).toEqual([person.id])
    expect(await other.store.people.search(search, run)).toEqual([])
    const keys = { lastName: 'kontakt', firstName: 'erika', company: null, email: null, dateOfBirth: null, street: null, ibans: [] }
    expect((await club.store.people.duplicateSubjects(keys)).map((d) => d.id)).toEqual([person.id])
    expect(await other.store.people.duplicateSubjects(keys)).toEqual([])
  })

  it('a person recorded without a connection is seen by nobody until one exists; a membership connects', async () => {
    const club = await s.club()
    const loose = await club.store.people.create(aPerson('Lose'), stamp, { asContact: false })
    expect(await club.store.people.get(loose.id)).toBeUndefined()
    await club.store.memberships.create({
      personId: loose.id,
      number: 1000,
      feeClassGroupId: null,
      joinedOn: '2026-01-01',
      paymentMethod: 'invoice',
    })
    expect((await club.store.people.get(loose.id))?.lastName).toBe('Lose')
    expect(await club.store.people.places(loose.id)).toMatchObject([{ role: 'H', number: 1000, attachmentId: null }])
  })

  it('writes one audit line per changed field in the change, and lists them newest first in write order', async () => {
    const club = await s.club()
    const person = await club.store.people.create(aPerson('Alt'), stamp, { asContact: true })
    const later = { actor: 'api-key:other', at: new Date('2026-11-24T10:00:00Z') }
    await club.store.people.update(
      person.id,
      { ...person, lastName: 'Neu', email: 'neu@example.org' },
      [
        { field: 'lastName', before: 'Alt', after: 'Neu' },
        { field: 'email', before: null, after: 'neu@example.org' },
      ],
      later,
    )
    expect((await club.store.people.get(person.id))?.email).toBe('neu@example.org')
    const log = await club.store.people.auditLog(person.id)
    expect(log.map((l) => [l.field, l.actor, l.organisationId === club.organisation.id])).toEqual([
      ['lastName', 'api-key:other', true],
      ['email', 'api-key:other', true],
      ['created', 'api-key:test', true],
    ])
    await club.store.people.update(person.id, person, [], later)
    expect((await club.store.people.get(person.id))?.lastName).toBe('Neu')
  })
})

describeStore('result lists and membership periods', (s) => {
  it("keeps lists and periods per organisation; a personal list is its owner's", async () => {
    const club = await s.club()
    const other = await s.club()
    const list = await club.store.resultLists.create({ name: 'Meine', shared: false, owner: 'api-key:1' })
    expect(await club.store.resultLists.get(list.id, 'api-key:1')).toMatchObject({ name: 'Meine', entries: 0 })
    expect(await club.store.resultLists.get(list.id, 'api-key:2')).toBeUndefined()
    expect(await other.store.resultLists.get(list.id, 'api-key:1')).toBeUndefined()
    const member = await s.member(club.store, 1000)
    expect(await other.store.resultLists.places([{ personId: member.personId, membershipId: member.id }])).toEqual(new Map())
    expect((await club.store.resultLists.places([{ personId: member.personId, membershipId: member.id }])).size).toBe(1)
    expect(await club.store.resultLists.addEntries(list.id, [{ personId: member.personId, membershipId: member.id }])).toBe(1)
    expect(await club.store.resultLists.addEntries(list.id, [{ personId: member.personId, membershipId: member.id }])).toBe(0)
    expect(await other.store.resultLists.entries(list.id, '2026-11-23')).toEqual([])
    const [entry] = await club.store.resultLists.entries(list.id, '2026-11-23')
    expect(entry).toMatchObject({ role: 'H', number: 1000 })
    expect(await other.store.resultLists.removeEntry(list.id, entry!.entryId)).toBe(false)

    const period = await club.store.membershipPeriods.create({ name: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' })
    expect(await other.store.membershipPeriods.get(period.id)).toBeUndefined()
    expect(await other.store.membershipPeriods.list()).toEqual([])
    expect(await club.store.membershipPeriods.register(period.id, member.personId, '2026-02-01')).toBeDefined()
    expect(await club.store.membershipPeriods.register(period.id, member.personId, '2026-03-01')).toBeUndefined()
    const stranger = await s.member(other.store, 1000)
    await expect(other.store.membershipPeriods.register(period.id, stranger.personId, '2026-02-01')).rejects.toThrow()
    expect((await club.store.membershipPeriods.get(period.id))?.registrations).toBe(1)
  })
})
