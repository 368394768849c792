import { expect, it } from 'vitest'
import { defaultTemplates } from '@vereinskit/core/correspondence'
import { describeStore } from './storage-contract'

const data = {
  club: { name: 'Verein', address: null },
  member: { number: 1000, salutation: 'Guten Tag,', name: 'Erika Muster' },
  address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' },
  letter: { number: 1, date: '2025-05-16' },
}

/** A dunning letter of membership `membershipId` with the built-in template. */
const aLetter = (membershipId: string, channel: 'letter' | 'email') => ({
  membershipId,
  kind: 'dunning' as const,
  title: 'Mahnung',
  createdOn: '2025-05-16',
  channel,
  runId: null,
  template: defaultTemplates.dunning,
  data,
})

describeStore('correspondence', (s) => {
  it('keeps templates and text blocks per organisation, one default per kind', async () => {
    const club = await s.club()
    const other = await s.club()
    const own = await club.store.letterTemplates.create({ ...defaultTemplates.dunning, name: 'Unsere Mahnung' })
    await expect(club.store.letterTemplates.create({ ...defaultTemplates.dunning, name: 'Zweite' })).rejects.toMatchObject({
      code: 'TEMPLATE_KIND_TAKEN',
    })
    await club.store.letterTemplates.create({ ...defaultTemplates.dunning, name: 'Stufe 3', isDefault: false })
    expect(await other.store.letterTemplates.create({ ...defaultTemplates.dunning, name: 'B' })).toMatchObject({ name: 'B' })
    expect((await club.store.letterTemplates.defaultFor('dunning'))?.id).toBe(own.id)
    expect(await club.store.letterTemplates.defaultFor('exclusion')).toBeNull()
    expect(await other.store.letterTemplates.get(own.id)).toBeNull()
    expect(await other.store.letterTemplates.update(own.id, { ...own, name: 'B' })).toBeNull()
    expect(await club.store.letterTemplates.update(own.id, { ...own, valid: false })).toMatchObject({ valid: false })
    expect((await club.store.letterTemplates.list()).map((t) => t.name)).toEqual(['Stufe 3', 'Unsere Mahnung'])

    await club.store.letterTemplates.putTextBlock({ name: 'Gruß', text: 'Viele Grüße', assignments: ['letters'] })
    await club.store.letterTemplates.putTextBlock({ name: 'Gruß', text: 'Herzliche Grüße', assignments: ['letters', 'documents'] })
    expect(await club.store.letterTemplates.listTextBlocks()).toEqual([
      { name: 'Gruß', text: 'Herzliche Grüße', assignments: ['letters', 'documents'] },
    ])
    expect(await other.store.letterTemplates.listTextBlocks()).toEqual([])
  })

  it('keeps documents with a shared template snapshot, their content, print state and trash per organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const m = await s.member(club.store, 1000)
    const letter = aLetter(m.id, 'letter')
    const [a, b] = await club.store.documents.insertMany([letter, { ...letter, title: 'Mahnung 2', channel: 'email' }])
    expect(await club.store.documents.get(a!)).toMatchObject({
      title: 'Mahnung',
      template: defaultTemplates.dunning,
      data,
      contentKey: null,
    })
    expect(await other.store.documents.get(a!)).toBeNull()
    // The database refuses another organisation's document for this membership, and its e-mail for this document.
    await expect(other.store.documents.insertMany([letter])).rejects.toThrow()
    await expect(
      other.store.mailDeliveries.queue([{ documentId: a!, recipient: 'x@example.org', messageId: '<x@x>' }], new Date()),
    ).rejects.toThrow()
    expect(await other.store.documents.listForMembership(m.id)).toEqual([])
    expect((await club.store.documents.printQueue()).map((d) => d.id)).toEqual([a])
    expect(await other.store.documents.markPrinted([a!], new Date())).toBe(0)
    await club.store.documentContents.put('k1', new Uint8Array([1, 2, 3]))
    await club.store.documents.setContent(a!, 'k1', 3)
    expect(await club.store.documents.get(a!)).toMatchObject({ contentKey: 'k1', size: 3 })
    expect([...(await club.store.documentContents.get('k1'))!]).toEqual([1, 2, 3])
    expect(await other.store.documentContents.get('k1')).toBeNull()
    expect(await club.store.documents.markPrinted([a!], new Date('2025-05-17T00:00:00Z'))).toBe(1)
    expect(await club.store.documents.printQueue()).toEqual([])
    await other.store.documents.discard([b!], new Date())
    expect((await club.store.documents.get(b!))?.deletedAt).toBeNull()
    await club.store.documents.discard([b!], new Date('2025-05-18T00:00:00Z'))
    expect((await club.store.documents.get(b!))?.deletedAt).toEqual(new Date('2025-05-18T00:00:00Z'))
  })

  it('claims each due e-mail once, retries, abandons, marks stale sends uncertain, per organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const m = await s.member(club.store, 1000)
    const letter = aLetter(m.id, 'email')
    const [a, b] = await club.store.documents.insertMany([letter, letter])
    const at = new Date('2025-05-16T10:00:00Z')
    const plus = (minutes: number) => new Date(at.getTime() + minutes * 60_000)
    await club.store.mailDeliveries.queue(
      [
        { documentId: a!, recipient: 'a@example.org', messageId: '<a@x>' },
        { documentId: b!, recipient: 'b@example.org', messageId: '<b@x>' },
      ],
      at,
    )
    expect(await other.store.mailDeliveries.claimDue(plus(1), plus(6), 10)).toEqual([])
    const claimed = await club.store.mailDeliveries.claimDue(plus(1), plus(6), 1)
    expect(claimed).toEqual([expect.objectContaining({ status: 'sending', attempts: 1 })])
    const second = await club.store.mailDeliveries.claimDue(plus(1), plus(6), 10)
    expect(second.map((d) => d.id)).not.toContain(claimed[0]!.id)
    await club.store.mailDeliveries.markFailed(second[0]!.id, 'busy', plus(3))
    expect(await club.store.mailDeliveries.claimDue(plus(2), plus(7), 10)).toEqual([])
    expect(await club.store.mailDeliveries.claimDue(plus(3), plus(8), 10)).toEqual([
      expect.objectContaining({ id: second[0]!.id, attempts: 2 }),
    ])
    await club.store.mailDeliveries.markFailed(second[0]!.id, 'no such user', null)
    expect(await other.store.mailDeliveries.markStale(plus(60))).toBe(0)
    expect(await club.store.mailDeliveries.markStale(plus(60))).toBe(1)
    expect((await club.store.mailDeliveries.list({})).map((d) => d.status).sort()).toEqual(['abandoned', 'uncertain'])
    expect(await other.store.mailDeliveries.list({})).toEqual([])
    expect(await other.store.mailDeliveries.retry(second[0]!.id, plus(61))).toBeNull()
    expect(await club.store.mailDeliveries.retry(second[0]!.id, plus(61))).toMatchObject({ status: 'queued' })
    const again = await club.store.mailDeliveries.claimDue(plus(62), plus(67), 10)
    await club.store.mailDeliveries.markSent(again[0]!.id, plus(62))
    expect(await club.store.mailDeliveries.retry(again[0]!.id, plus(63))).toBeNull()
    await club.store.mailDeliveries.cancelForDocuments([a!, b!])
    expect((await club.store.mailDeliveries.list({ documentIds: [a!, b!] })).map((d) => d.status).sort()).toEqual(['cancelled', 'sent'])
    await expect(
      club.store.mailDeliveries.queue([{ documentId: a!, recipient: 'a@example.org', messageId: '<a2@x>' }], at),
    ).rejects.toThrow()
  })
})
