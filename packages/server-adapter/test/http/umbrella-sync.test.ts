import { beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

const address = (street = 'Markt 1') => ({ street, postcode: '50667', city: 'Köln', country: 'DE' })

for (const engine of engines()) {
  describe(`umbrella structures and member sync (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })
    type Caller = (method: string, path: string, body?: unknown) => Promise<any>
    const as = (organisationId: string, apiKey: string) => {
      const raw = (method: string, path: string, body?: unknown) =>
        server.call(method, `/organisations/${organisationId}${path}`, { apiKey, body })
      const ok: Caller = async (method, path, body) => {
        const r = await raw(method, path, body)
        if (process.env.VK_DEBUG) console.log(method, path, r.status)
        if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${r.text}`)
        return r.json
      }
      return Object.assign(ok, { raw, organisationId, apiKey })
    }
    type Staff = ReturnType<typeof as>

    /** A parent P with administrator X (x@club.de) and children A and B created by X; X is recorded in A, not in B. */
    async function aStructure() {
      const p = await aClubWithFees(server, { members: 0 })
      const org = as(p.org, p.apiKey)
      const x = await org('POST', '/administrators', {
        loginEmail: 'x@club.de',
        name: 'X',
        permissions: { members: 'read-write', organisation: 'read-write', finance: 'read-write', 'direct-debit': 'read-write' },
      })
      const { apiKey: xKey } = await org('POST', `/administrators/${x.id}/api-keys`, { label: 'X' })
      const P = as(p.org, xKey)
      const a = await P('POST', '/children', { name: 'Verein A' })
      const b = await P('POST', '/children', { name: 'Verein B', administrator: { loginEmail: 'b@club.de', name: 'Bea' } })
      const switched = await P('POST', `/children/${a.id}/switch`)
      const A = as(a.id, switched.apiKey)
      return { p, org, P, A, a, b, x }
    }

    async function aMember(
      P: Staff,
      p: Awaited<ReturnType<typeof aClubWithFees>>,
      lastName = 'Muster',
      email = `${lastName.toLowerCase()}@x.de`,
    ) {
      const captured = await P('POST', '/members', {
        person: { firstName: 'Max', lastName, email, postalAddress: address() },
        joinedOn: '2020-01-01',
        paymentMethod: 'direct-debit',
        feeClassGroupId: p.groups.adults.id,
      })
      await P('POST', `/memberships/${captured.membership.id}/mandates`, {
        validFrom: '2020-01-01',
        signedOn: '2020-01-01',
        iban: 'DE89370400440532013000',
        accountHolder: `Max ${lastName}`,
      })
      return captured.membership as { id: string; number: number; person: { id: string } }
    }

    let s: Awaited<ReturnType<typeof aStructure>>
    let m: Awaited<ReturnType<typeof aMember>>
    let copyId: string
    beforeAll(async () => {
      s = await aStructure()
      m = await aMember(s.P, s.p)
    })

    it('T2.1 Standard sync of one member to one child', async () => {
      const synced = await s.P('POST', `/memberships/${m.id}/syncs`, { childId: s.a.id })
      copyId = synced.childMembershipId
      const inP = await s.P('GET', `/memberships/${m.id}`)
      const inA = await s.A('GET', `/memberships/${copyId}`)
      for (const field of ['number', 'joinedOn', 'endsOn', 'paymentMethod'] as const) expect(inA[field]).toEqual(inP[field])
      expect(inA.person).toEqual(inP.person)
      expect(inA.mandates.map((d: any) => [d.reference, d.iban, d.accountHolder, d.signedOn])).toEqual(
        inP.mandates.map((d: any) => [d.reference, d.iban, d.accountHolder, d.signedOn]),
      )
      const view = await s.A('GET', `/synced-members/${copyId}`)
      expect(view.lockedFields.membership).toEqual(['number', 'joinedOn', 'endsOn', 'paymentMethod'])
      expect(view.lockedFields.person).toEqual(expect.arrayContaining(['postalAddress', 'email', 'firstName', 'lastName']))
      expect(view.lockedFields.mandate).toEqual(expect.arrayContaining(['iban', 'reference']))
      expect(await s.P('GET', `/memberships/${m.id}/syncs`)).toEqual({
        items: [{ childId: s.a.id, childName: 'Verein A', childMembershipId: copyId }],
      })
      // Not in B: B's administrator finds nobody.
      const bKey = await bKeyOf()
      expect((await bKey('GET', '/memberships')).items).toEqual([])
    })

    /** A key for B's own administrator Bea (B's staff; X has no record there). */
    async function bKeyOf() {
      const { generateApiKey, hashApiKey } = await import('../../src/auth/api-key')
      const key = generateApiKey()
      const structure = server.storage.forOrganisation(s.b.id).structure
      const [bea] = await structure.administrators()
      await structure.issueKey({ organisationId: s.b.id, keyHash: hashApiKey(key), label: 'Bea', administratorId: bea!.id })
      return as(s.b.id, key)
    }

    it('T2.2 Locked fields reject child edits; parent edits flow down', async () => {
      const mandateInA = (await s.A('GET', `/memberships/${copyId}`)).mandates[0]
      const before = JSON.stringify([await s.P('GET', `/memberships/${m.id}`), await s.A('GET', `/memberships/${copyId}`)])
      const refused = await s.A.raw('PATCH', `/mandates/${mandateInA.id}`, { iban: 'DE02120300000000202051' })
      expect(refused.status).toBe(409)
      expect(refused.json).toMatchObject({ code: 'MEMBER_FIELD_LOCKED' })
      expect(JSON.stringify([await s.P('GET', `/memberships/${m.id}`), await s.A('GET', `/memberships/${copyId}`)])).toBe(before)
      await s.P('PATCH', `/persons/${m.person.id}`, { postalAddress: address('Parentweg 7') })
      expect((await s.A('GET', `/memberships/${copyId}`)).person.address.street).toBe('Parentweg 7')
      await s.P('PATCH', `/memberships/${m.id}`, { paymentMethod: 'transfer' })
      expect((await s.A('GET', `/memberships/${copyId}`)).paymentMethod).toBe('transfer')
      await s.P('PATCH', `/mandates/${(await s.P('GET', `/memberships/${m.id}`)).mandates[0].id}`, { iban: 'DE02120300000000202051' })
      expect((await s.A('GET', `/memberships/${copyId}`)).mandates[0].iban).toBe('DE02120300000000202051')
      // A still bills the member itself (UMB-13): its own account, booked in A only.
      const accounts = await s.A('POST', '/accounts', {
        number: '4000',
        name: 'Spartenbeitrag',
        type: 'receivable',
        receivableKind: 'main',
        priority: 1,
      })
      await s.A('POST', `/memberships/${copyId}/postings`, {
        accountId: accounts.id,
        date: '2026-11-01',
        amount: -1200,
        text: 'Spartenbeitrag',
      })
      expect((await s.A('GET', `/memberships/${copyId}/account`)).balance).toBe(-1200)
      expect(JSON.stringify(await s.P('GET', `/memberships/${m.id}/account`))).not.toContain('Spartenbeitrag')
    })

    it('T2.3 Bidirectional member data removes the lock and syncs up', async () => {
      const child = await s.P('POST', '/children', { name: 'Verein C' })
      await s.P('PUT', `/children/${child.id}/options`, { options: { bidirectional: true } })
      const C = as(child.id, (await s.P('POST', `/children/${child.id}/switch`)).apiKey)
      const copy = (await s.P('POST', `/memberships/${m.id}/syncs`, { childId: child.id })).childMembershipId
      await C('PATCH', `/persons/${m.person.id}`, { postalAddress: address('Neue Str. 1') })
      expect((await s.P('GET', `/memberships/${m.id}`)).person.address.street).toBe('Neue Str. 1')
      await C('PATCH', `/memberships/${copy}`, { paymentMethod: 'invoice' })
      expect((await s.P('GET', `/memberships/${m.id}`)).paymentMethod).toBe('invoice')
      // And on to the other copies (docs/decisions/0023#bidirectional).
      expect((await s.A('GET', `/memberships/${copyId}`)).paymentMethod).toBe('invoice')
      const mandate = (await C('GET', `/memberships/${copy}`)).mandates[0]
      await C('PATCH', `/mandates/${mandate.id}`, { accountHolder: 'Maxi Muster' })
      expect((await s.P('GET', `/memberships/${m.id}`)).mandates[0].accountHolder).toBe('Maxi Muster')
      // A, under standard sync, still may not.
      expect((await s.A.raw('PATCH', `/memberships/${copyId}`, { paymentMethod: 'cash' })).json.code).toBe('MEMBER_FIELD_LOCKED')
    })

    it('T2.4 One-way optional options flow only when enabled', async () => {
      const n = await aMember(s.P, s.p, 'Ehrlich')
      await s.P('PATCH', `/persons/${n.person.id}`, { notes: 'Ehrenamt' })
      await s.P('PATCH', `/memberships/${n.id}`, { paymentMethod: 'invoice' })
      await s.P('POST', `/memberships/${n.id}/postings`, {
        accountId: s.p.accounts.fee.id,
        date: '2026-11-01',
        amount: -9600,
        text: 'Beitrag 2026',
      })
      await s.P('POST', '/invoice-runs', {
        request: { invoiceDate: '2026-11-23' },
        idempotencyKey: (await s.P('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })).idempotencyKey,
      })
      const copy = (await s.P('POST', `/memberships/${n.id}/syncs`, { childId: s.a.id })).childMembershipId
      const off = await s.A('GET', `/synced-members/${copy}`)
      expect(off).toMatchObject({ notes: null, invoices: null, events: null, groups: null })
      expect((await s.A('GET', `/persons/${n.person.id}`)).notes).toBeNull()
      await s.P('PUT', `/children/${s.a.id}/options`, { options: { notes: true } })
      expect((await s.A('GET', `/synced-members/${copy}`)).notes).toBe('Ehrenamt')
      expect((await s.A('GET', `/persons/${n.person.id}`)).notes).toBe('Ehrenamt')
      await s.P('PUT', `/children/${s.a.id}/options`, { options: { notes: false, invoices: true } })
      const withInvoices = await s.A('GET', `/synced-members/${copy}`)
      expect(withInvoices.notes).toBeNull()
      expect(withInvoices.invoices.length).toBeGreaterThan(0)
      expect(withInvoices.invoices[0]).toMatchObject({ paid: false })
      expect(withInvoices.invoices[0].open).toBeGreaterThan(0)
      // Paid in P: A shows it paid.
      await s.P('POST', `/memberships/${n.id}/postings`, { accountId: s.p.accounts.bank.id, date: '2026-11-20', amount: 9600 })
      expect((await s.A('GET', `/synced-members/${copy}`)).invoices[0]).toMatchObject({ paid: true, open: 0 })
      await s.P('PUT', `/children/${s.a.id}/options`, { options: { invoices: false, events: true } })
      const withEvents = await s.A('GET', `/synced-members/${copy}`)
      expect(withEvents.events).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'notes', after: '"Ehrenamt"' })]))
      await s.P('PUT', `/children/${s.a.id}/options`, { options: { events: false } })
    })

    it('T2.5 Members created in a child, and the shared number range', async () => {
      const p = await aClubWithFees(server, { members: 0 })
      const org = as(p.org, p.apiKey)
      const x = await org('POST', '/administrators', {
        loginEmail: 'x@club.de',
        name: 'X',
        permissions: { members: 'read-write', organisation: 'read-write' },
      })
      const P = as(p.org, (await org('POST', `/administrators/${x.id}/api-keys`, { label: 'X' })).apiKey)
      const a = await P('POST', '/children', { name: 'Sparte A' })
      const A = as(a.id, (await P('POST', `/children/${a.id}/switch`)).apiKey)
      const person = (lastName: string) => ({ person: { firstName: 'N', lastName, postalAddress: address() } })
      await A('POST', '/members', person('Ohne'))
      expect((await P('POST', '/persons/search', { criteria: { lastName: 'Ohne' } })).items).toEqual([])
      await P('PUT', `/children/${a.id}/options`, { options: { showChildMembersInParent: true } })
      const n2 = (await A('POST', '/members', person('Mit'))).membership
      const inP = (await P('GET', '/memberships')).items.find((i: { name: string }) => i.name.includes('Mit'))
      expect(inP).toMatchObject({ number: n2.number })
      expect((await A('GET', `/synced-members/${n2.id}`)).parent).toMatchObject({ id: p.org, membershipId: inP.id })
      await P('PUT', `/children/${a.id}/options`, { options: { showChildMembersInParent: false, sharedNumberRange: true } })
      // Numbers 1000 and 1001 are in use in P, 1000 and 1001 in A: the structure's next free number is 1002.
      const fromP = (await P('POST', '/members', person('Erster'))).membership.number
      const fromA = (await A('POST', '/members', person('Zweiter'))).membership.number
      expect([fromP, fromA]).toEqual([1002, 1003])
    })

    it('T2.6 CSV sync import: one row per member and division, keyed by login e-mail or username', async () => {
      const anna = await aMember(s.P, s.p, 'Anna', 'anna@x.de')
      const ben = await aMember(s.P, s.p, 'Ben', 'ben@x.de')
      const csv = `login;division\nanna@x.de;Verein A\nanna@x.de;Verein B\n${ben.number};Verein A\nnobody@x.de;Verein A\n`
      const strict = await s.P.raw('POST', '/sync-imports', { content: csv })
      expect(strict.status).toBe(422)
      expect(strict.json).toMatchObject({ code: 'SYNC_IMPORT_INVALID', errors: [{ path: 'line 5', code: 'unmatched' }] })
      expect((await s.P('GET', `/memberships/${anna.id}/syncs`)).items).toEqual([])
      const report = await s.P('POST', '/sync-imports', { content: csv, skipInvalidRows: true })
      expect(report.applied.map((r: { line: number }) => r.line)).toEqual([2, 3, 4])
      expect(report.issues).toEqual([{ line: 5, code: 'unmatched', message: 'No member with the login nobody@x.de.' }])
      expect((await s.P('GET', `/memberships/${anna.id}/syncs`)).items.map((i: { childName: string }) => i.childName)).toEqual([
        'Verein A',
        'Verein B',
      ])
      expect((await s.P('GET', `/memberships/${ben.id}/syncs`)).items.map((i: { childName: string }) => i.childName)).toEqual(['Verein A'])
      const again = await s.P('POST', '/sync-imports', { content: csv, skipInvalidRows: true })
      expect(again).toMatchObject({ applied: [], alreadySynced: [{ line: 2 }, { line: 3 }, { line: 4 }] })
    })

    it('T2.7 Admin roles and per-module rights', async () => {
      const t = await aStructure()
      const xInA = (await t.A('GET', '/administrators')).items.find((a: { loginEmail: string }) => a.loginEmail === 'x@club.de')
      const y = await t.A('POST', '/administrators', { loginEmail: 'y@club.de', name: 'Y', permissions: { members: 'read-write' } })
      const Y = as(t.a.id, (await t.A('POST', `/administrators/${y.id}/api-keys`, { label: 'Y' })).apiKey)
      await t.A('PATCH', `/administrators/${xInA.id}`, { permissions: { members: 'read', finance: 'none', organisation: 'read' } })
      const XA = as(t.a.id, (await t.P('POST', `/children/${t.a.id}/switch`)).apiKey)
      expect((await XA.raw('GET', '/memberships')).status).toBe(200)
      expect((await XA.raw('GET', '/accounts')).json.code).toBe('MODULE_FORBIDDEN')
      expect((await XA.raw('POST', '/members', { person: { lastName: 'Neu', postalAddress: address() } })).json.code).toBe(
        'MODULE_READ_ONLY',
      )
      const out = await XA('POST', '/logout')
      expect(out).toEqual({ returnTo: t.p.org })
      expect((await XA.raw('GET', '/memberships')).status).toBe(401)
      expect((await t.P.raw('GET', '/memberships')).status).toBe(200)
      const intoB = await t.P.raw('POST', `/children/${t.b.id}/switch`)
      expect(intoB.json.code).toBe('ADMIN_SWITCH_DENIED')
      expect((await server.call('GET', `/organisations/${t.p.org}/memberships`, { apiKey: Y.apiKey })).json.code).toBe('FORBIDDEN')
      expect((await server.call('GET', `/organisations/${t.b.id}/memberships`, { apiKey: Y.apiKey })).json.code).toBe('FORBIDDEN')
      expect((await Y.raw('GET', '/memberships')).status).toBe(200)
      expect((await Y.raw('POST', `/children/${t.b.id}/switch`)).status).toBe(403)
    })

    it('T2.8 Only member data syncs; other modules stay separate', async () => {
      const t = await aStructure()
      const member = await aMember(t.P, t.p, 'Separat')
      const copy = (await t.P('POST', `/memberships/${member.id}/syncs`, { childId: t.a.id })).childMembershipId
      // P: a calendar entry (a consultant's hours), a mailing template, a booking on the member's account.
      const office = await t.org('POST', '/consultation-locations', {
        name: 'Geschäftsstelle P',
        street: 'Ring 1',
        postcode: '50667',
        city: 'Köln',
      })
      await t.org('POST', '/consultants', { name: 'Beraterin P', defaultDurationMinutes: 30, defaultLocationId: office.id })
      await t.org('POST', '/letter-templates', {
        name: 'Rundschreiben P',
        kind: 'dunning',
        subject: 'Hallo',
        blocks: [{ type: 'open-items' }],
      })
      await t.org('POST', `/memberships/${member.id}/postings`, {
        accountId: t.p.accounts.fee.id,
        date: '2026-11-01',
        amount: -4200,
        text: 'Beitrag P',
      })
      // A: its own member group and an invoice of its own on the copy.
      await t.A('POST', '/fee-class-groups', { name: 'Gruppe A', description: null, offeredOnline: false, isDefault: false })
      const accountA = await t.A('POST', '/accounts', {
        number: '4000',
        name: 'Beitrag A',
        type: 'receivable',
        receivableKind: 'main',
        priority: 1,
      })
      await t.A('POST', `/memberships/${copy}/postings`, { accountId: accountA.id, date: '2026-11-01', amount: -1200, text: 'Rechnung A' })
      const inA = JSON.stringify([
        await t.A('GET', '/consultants'),
        await t.A('GET', '/consultation-locations'),
        await t.A('GET', '/letter-templates'),
        await t.A('GET', `/memberships/${copy}/account`),
      ])
      for (const text of ['Beraterin P', 'Geschäftsstelle P', 'Rundschreiben P', 'Beitrag P']) expect(inA).not.toContain(text)
      const inP = JSON.stringify([await t.org('GET', '/fee-class-groups'), await t.org('GET', `/memberships/${member.id}/account`)])
      for (const text of ['Gruppe A', 'Rechnung A']) expect(inP).not.toContain(text)
      // Only the synced member profile is shared.
      expect((await t.A('GET', '/memberships')).items.map((i: { name: string }) => i.name)).toEqual(['Max Separat'])
    })

    it('a grandchild cannot change, through its own bidirectional link, what the grandparent locks one level up', async () => {
      const t = await aStructure()
      const member = await aMember(t.P, t.p, 'Enkel')
      const inA = (await t.P('POST', `/memberships/${member.id}/syncs`, { childId: t.a.id })).childMembershipId
      const group = await t.A('POST', '/children', { name: 'Gruppe', administrator: { loginEmail: 'g@club.de', name: 'G' } })
      await t.A('PUT', `/children/${group.id}/options`, { options: { bidirectional: true } })
      const inGroup = (await t.A('POST', `/memberships/${inA}/syncs`, { childId: group.id })).childMembershipId
      const structure = server.storage.forOrganisation(group.id).structure
      const [g] = await structure.administrators()
      const { generateApiKey, hashApiKey } = await import('../../src/auth/api-key')
      const key = generateApiKey()
      await structure.issueKey({ organisationId: group.id, keyHash: hashApiKey(key), label: 'G', administratorId: g!.id })
      const G = as(group.id, key)
      expect((await G.raw('PATCH', `/memberships/${inGroup}`, { paymentMethod: 'cash' })).json.code).toBe('MEMBER_FIELD_LOCKED')
      expect((await G.raw('PATCH', `/persons/${member.person.id}`, { postalAddress: address('Enkelweg 1') })).json.code).toBe(
        'MEMBER_FIELD_LOCKED',
      )
      expect((await t.P('GET', `/memberships/${member.id}`)).paymentMethod).toBe('direct-debit')
      // The grandparent's own change still reaches every level.
      await t.P('PATCH', `/memberships/${member.id}`, { paymentMethod: 'transfer' })
      expect((await G('GET', `/memberships/${inGroup}`)).paymentMethod).toBe('transfer')
    })

    it("ending a sync leaves the child its own record: its edits no longer reach the parent's person", async () => {
      const t = await aStructure()
      const member = await aMember(t.P, t.p, 'Getrennt')
      const copy = (await t.P('POST', `/memberships/${member.id}/syncs`, { childId: t.a.id })).childMembershipId
      await t.P('DELETE', `/memberships/${member.id}/syncs/${t.a.id}`)
      const own = await t.A('GET', `/memberships/${copy}`)
      expect(own.person.id).not.toBe(member.person.id)
      expect(own.person.lastName).toBe('Getrennt')
      await t.A('PATCH', `/persons/${own.person.id}`, { postalAddress: address('Eigener Weg 2') })
      await t.A('PATCH', `/memberships/${copy}`, { paymentMethod: 'cash' })
      const inP = await t.P('GET', `/memberships/${member.id}`)
      expect(inP.person.address.street).toBe('Markt 1')
      expect(inP.paymentMethod).toBe('direct-debit')
    })
  })
}
