import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'

describeStore('organisation structure', (s) => {
  it('creates children below an organisation, lists them, and walks the whole tree from any node', async () => {
    const parent = await s.club()
    const child = await parent.store.structure.createChild('Sparte')
    expect(child).toMatchObject({ name: 'Sparte', parentId: parent.organisation.id, paysOwnInvoice: true })
    expect((await parent.store.structure.children()).map((c) => c.id)).toEqual([child.id])
    const grandchild = await s.storage().forOrganisation(child.id).structure.createChild('Gruppe')
    const tree = await s.storage().forOrganisation(grandchild.id).structure.treeNodes()
    expect(tree.map((n) => n.id).sort()).toEqual([parent.organisation.id, child.id, grandchild.id].sort())
    const stranger = await s.club()
    expect((await stranger.store.structure.treeNodes()).map((n) => n.id)).toEqual([stranger.organisation.id])
  })

  it('sets link options only on its own children', async () => {
    const parent = await s.club()
    const other = await s.club()
    const child = await parent.store.structure.createChild('Kind')
    const options = {
      bidirectional: true,
      groupMemberships: false,
      notes: true,
      invoices: false,
      events: false,
      showChildMembersInParent: false,
      sharedNumberRange: false,
    }
    await other.store.structure.setLinkOptions(child.id, options, false)
    expect((await parent.store.structure.nodeOf(child.id))?.syncOptions.bidirectional).toBe(false)
    await parent.store.structure.setLinkOptions(child.id, options, false)
    expect(await parent.store.structure.nodeOf(child.id)).toMatchObject({ syncOptions: options, paysOwnInvoice: false })
  })

  it('keeps administrators per organisation, unique by login e-mail without case', async () => {
    const club = await s.club()
    const other = await s.club()
    const x = await club.store.structure.addAdministrator({ loginEmail: 'X@Club.de', name: 'X', permissions: { members: 'read' } })
    await expect(club.store.structure.addAdministrator({ loginEmail: 'x@club.de', name: 'X2', permissions: {} })).rejects.toMatchObject({
      code: 'DUPLICATE_NAME',
    })
    await other.store.structure.addAdministrator({ loginEmail: 'x@club.de', name: 'X in B', permissions: {} })
    expect(await other.store.structure.getAdministrator(x.id)).toBeUndefined()
    expect(await other.store.structure.updateAdministrator(x.id, { name: 'von B' })).toBe(false)
    expect(await club.store.structure.updateAdministrator(x.id, { permissions: { members: 'read-write' } })).toBe(true)
    expect((await club.store.structure.getAdministrator(x.id))?.permissions).toEqual({ members: 'read-write' })
    expect((await other.store.structure.administrators(club.organisation.id)).map((a) => a.name)).toEqual(['X'])
  })
})
