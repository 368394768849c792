import { beforeAll, describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { withDunningLevels } from '../dunning-fixtures'
import { useServer } from './harness'

const address = (street = 'Hauptstraße 1') => ({ street, postcode: '50667', city: 'Köln' })
const person = (lastName: string, firstName: string, extra: object = {}) => ({ lastName, firstName, postalAddress: address(), ...extra })

for (const engine of engines()) {
  describe(`memberships: capture, terminations, partners and the member list (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })
    let club: Awaited<ReturnType<typeof aClubWithFees>>
    const raw = (method: string, path: string, body?: unknown) =>
      server.call(method, `/organisations/${club.org}${path}`, { apiKey: club.apiKey, body })

    beforeAll(async () => {
      club = await aClubWithFees(server, { members: 0 })
    })

    it("captures a member in one step: person, number, partner and beneficiary, recruiter, payer, the group's classes", async () => {
      const recruiter = await club.staff('POST', '/persons', { person: person('Werber', 'Walter') })
      const payer = await club.staff('POST', '/persons', { person: person('Zahler', 'Zora') })
      const captured = await club.staff('POST', '/members', {
        person: person('Neumann', 'Nina', { dateOfBirth: '1990-02-03', email: 'nina@example.org' }),
        joinedOn: '2026-11-01',
        joiningReason: 'Empfehlung',
        membershipType: 'Vollmitglied',
        feeClassGroupId: club.groups.adults.id,
        recruitedByPersonId: recruiter.id,
        alternatePayerPersonId: payer.id,
        attached: [
          { person: person('Neumann', 'Nils'), role: 'partner' },
          { person: person('Neumann', 'Nele', { dateOfBirth: '2018-05-05' }), role: 'beneficiary' },
        ],
      })
      expect(captured.membership).toMatchObject({
        number: 1000,
        joinedOn: '2026-11-01',
        joiningReason: 'Empfehlung',
        membershipType: 'Vollmitglied',
        recruitedByPersonId: recruiter.id,
        alternatePayerPersonId: payer.id,
        state: 'active',
        attached: [
          { role: 'partner', name: 'Nils Neumann', joinedOn: '2026-11-01', leftOn: null },
          { role: 'beneficiary', name: 'Nele Neumann' },
        ],
      })
      const assignments = await club.staff('GET', `/memberships/${captured.membership.id}/fee-assignments`)
      expect(assignments.items.map((a: { feeClassId: string }) => a.feeClassId)).toEqual([club.feeClass.id])
      const roles = await club.staff('POST', '/persons/search', { criteria: { lastName: 'Neumann' } })
      expect(roles.items.map((h: { firstName: string; role: string; number: number }) => [h.firstName, h.role, h.number])).toEqual([
        ['Nele', 'L', 1000],
        ['Nils', 'P', 1000],
        ['Nina', 'H', 1000],
      ])
    })

    it('books an immediate payment as the charge due on joining plus its cash payment; the charge run does not charge it again', async () => {
      expect(
        (await raw('POST', '/members', { person: person('Bar', 'Bea'), feeClassGroupId: club.groups.adults.id, immediatePayment: true }))
          .json.code,
      ).toBe('CASH_ACCOUNT_NOT_SET')
      expect((await club.staff('POST', '/persons/search', { criteria: { lastName: 'Bar', firstName: 'Bea' } })).items).toEqual([])
      await club.staff('PATCH', '/settings', { cashAccountId: club.accounts.fee.id })
      const receivable = await raw('POST', '/members', {
        person: person('Bar', 'Bea'),
        feeClassGroupId: club.groups.adults.id,
        immediatePayment: true,
      })
      expect(receivable.json.code).toBe('CASH_ACCOUNT_NOT_SET')
      await club.staff('PATCH', '/settings', { cashAccountId: club.accounts.bank.id })
      const captured = await club.staff('POST', '/members', {
        person: person('Bar', 'Bea'),
        joinedOn: '2026-11-23',
        feeClassGroupId: club.groups.adults.id,
        immediatePayment: true,
      })
      expect(captured.immediatePayment).toBeGreaterThan(0)
      const account = await club.staff('GET', `/memberships/${captured.membership.id}/account`)
      expect(account.balance).toBe(0)
      expect(account.postings.map((p: { kind: string; amount: number }) => [p.kind, p.amount]).sort()).toEqual(
        [
          ['charge', -captured.immediatePayment],
          ['payment', captured.immediatePayment],
        ].sort(),
      )
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      expect(JSON.stringify(preview)).not.toContain(captured.membership.id)
    })

    it('refuses a fee-class group with a class not valid on the joining day, and writes nothing', async () => {
      const old = await club.staff('POST', '/fee-classes', {
        name: 'Alt',
        amount: 100,
        paymentPlanId: club.plans.yearly.id,
        validFrom: '2020-01-01',
        validUntil: '2021-12-31',
        accountId: club.accounts.fee.id,
        successorId: null,
      })
      const group = await club.staff('POST', '/fee-class-groups', { name: 'Veraltet', items: [{ feeClassId: old.id, amount: 100 }] })
      const refused = await raw('POST', '/members', { person: person('Alt', 'Anton'), feeClassGroupId: group.id })
      expect(refused.json).toMatchObject({ status: 422, code: 'FEE_CLASS_GROUP_NOT_OFFERED' })
      expect((await club.staff('POST', '/persons/search', { criteria: { lastName: 'Alt', firstName: 'Anton' } })).items).toEqual([])
    })

    it('a main member cannot be attached to another membership (§11.6 rule 20); an attachment ends on its exit date', async () => {
      const one = await club.staff('POST', '/members', { person: person('Eins', 'Erik') })
      const two = await club.staff('POST', '/members', { person: person('Zwei', 'Zoe') })
      const refused = await raw('POST', `/memberships/${two.membership.id}/attached`, {
        personId: one.membership.person.id,
        role: 'partner',
      })
      expect(refused.json).toMatchObject({ status: 422, errors: [{ code: 'main-member-elsewhere' }] })
      const kid = await club.staff('POST', '/persons', { person: person('Zwei', 'Zack') })
      const withKid = await club.staff('POST', `/memberships/${two.membership.id}/attached`, {
        personId: kid.id,
        role: 'beneficiary',
        joinedOn: '2026-11-23',
      })
      const ended = await club.staff('POST', `/memberships/${two.membership.id}/attached/${withKid.attached[0].id}/leave`, {
        leftOn: '2026-12-31',
      })
      expect(ended.attached[0]).toMatchObject({ leftOn: '2026-12-31' })
      expect(
        (await raw('POST', `/memberships/${two.membership.id}/attached`, { personId: kid.id, role: 'partner', joinedOn: '2026-12-01' }))
          .json.errors[0].code,
      ).toBe('already-attached')
      // …and the other way round: a current partner elsewhere does not become a main member.
      const partner = await club.staff('POST', '/persons', { person: person('Drei', 'Dora') })
      await club.staff('POST', `/memberships/${one.membership.id}/attached`, {
        personId: partner.id,
        role: 'partner',
        joinedOn: '2026-11-23',
      })
      const main = await raw('POST', '/members', { existingPersonId: partner.id })
      expect(main.json).toMatchObject({ status: 422, errors: [{ code: 'attached-elsewhere' }] })
      const self = await raw('POST', '/members', { existingPersonId: kid.id, alternatePayerPersonId: kid.id })
      expect(self.json.errors[0].code).toBe('payer-is-member')
    })

    it('terminations keep the notice period (3 months to the year end by default), can be overridden and withdrawn', async () => {
      const m = (await club.staff('POST', '/members', { person: person('Kündig', 'Karl'), joinedOn: '2020-01-01' })).membership
      const inTime = await club.staff('POST', `/memberships/${m.id}/termination`, { receivedOn: '2026-09-30', reason: 'Umzug' })
      expect(inTime).toMatchObject({ endsOn: '2026-12-31', terminationReceivedOn: '2026-09-30', leavingReason: 'Umzug', state: 'active' })
      expect((await raw('POST', `/memberships/${m.id}/termination`, { receivedOn: '2026-12-01' })).json.errors[0].code).toBe('out-of-range')
      const late = await raw('POST', `/memberships/${m.id}/termination`, { receivedOn: '2026-10-01', endsOn: '2026-12-31' })
      expect(late.json).toMatchObject({ status: 422, code: 'NOTICE_PERIOD_NOT_MET' })
      expect(late.json.detail).toContain('2027-12-31')
      expect((await club.staff('POST', `/memberships/${m.id}/termination`, { receivedOn: '2026-10-01' })).endsOn).toBe('2027-12-31')
      await club.staff('PATCH', '/settings', { noticePeriod: { months: 1, effectiveAt: 'month-end' } })
      expect((await club.staff('POST', `/memberships/${m.id}/termination`, { receivedOn: '2026-10-15' })).endsOn).toBe('2026-11-30')
      await club.staff('PATCH', '/settings', { noticePeriod: { months: 3, effectiveAt: 'year-end' } })
      const death = await club.staff('POST', `/memberships/${m.id}/termination`, {
        receivedOn: '2026-11-02',
        endsOn: '2026-10-31',
        overrideNoticePeriod: true,
        reason: 'verstorben',
      })
      expect(death).toMatchObject({ endsOn: '2026-10-31', state: 'inactive' })
      const back = await club.staff('DELETE', `/memberships/${m.id}/termination`)
      expect(back).toMatchObject({ endsOn: null, terminationReceivedOn: null, leavingReason: null, state: 'active' })
      expect((await raw('DELETE', `/memberships/${m.id}/termination`)).json.code).toBe('MEMBERSHIP_NOT_TERMINATED')
    })

    it('P übernimmt H: the old membership ends, the partner gets a new number from the next day, without fee classes', async () => {
      const old = (
        await club.staff('POST', '/members', {
          person: person('Paar', 'Hans'),
          joinedOn: '2015-01-01',
          feeClassGroupId: club.groups.adults.id,
          attached: [{ person: person('Paar', 'Petra'), role: 'partner' }],
        })
      ).membership
      const taken = await club.staff('POST', `/memberships/${old.id}/partner-takeover`, {
        attachmentId: old.attached[0].id,
        leavingOn: '2026-12-31',
        leavingReason: 'verstorben',
      })
      expect(taken).toMatchObject({ joinedOn: '2027-01-01', takenOverFromMembershipId: old.id, person: { id: old.attached[0].personId } })
      expect(taken.number).not.toBe(old.number)
      expect((await club.staff('GET', `/memberships/${taken.id}/fee-assignments`)).items).toEqual([])
      expect(await club.staff('GET', `/memberships/${old.id}`)).toMatchObject({
        endsOn: '2026-12-31',
        leavingReason: 'verstorben',
        attached: [{ leftOn: '2026-12-31' }],
      })
      const again = await raw('POST', `/memberships/${old.id}/partner-takeover`, {
        attachmentId: old.attached[0].id,
        leavingOn: '2027-06-30',
        leavingReason: 'x',
      })
      expect(again.status).toBe(404)
      // The ended membership stays ended: its end belongs to the takeover.
      expect((await raw('DELETE', `/memberships/${old.id}/termination`)).json.code).toBe('MEMBERSHIP_TAKEN_OVER')
      expect((await raw('PATCH', `/memberships/${old.id}`, { endsOn: null })).json.code).toBe('MEMBERSHIP_TAKEN_OVER')
      expect((await club.staff('GET', `/memberships/${old.id}`)).takenOverByMembershipId).toBe(taken.id)
    })

    it('the member list pages in a stable order without repeating or skipping, by number, name or joining date, with filters', async () => {
      for (const [last, first] of [
        ['Adler', 'Anna'],
        ['Ähre', 'Bert'],
        ['Zander', 'Zeno'],
        ['adler', 'Anton'],
      ] as const) {
        await club.staff('POST', '/members', {
          person: person(last, first),
          ignoreDuplicates: true,
          joinedOn: '2019-06-01',
          paymentMethod: 'direct-debit',
        })
      }
      const all = async (query: string) => {
        const rows: { number: number; name: string }[] = []
        let cursor: string | null = null
        do {
          const page: { items: { number: number; name: string }[]; nextCursor: string | null } = await club.staff(
            'GET',
            `/memberships?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
          )
          rows.push(...page.items)
          cursor = page.nextCursor
        } while (cursor)
        return rows
      }
      const byNumber = await all('sort=number')
      expect(byNumber.map((r) => r.number)).toEqual([...byNumber.map((r) => r.number)].sort((x, y) => x - y))
      expect(new Set(byNumber.map((r) => r.number)).size).toBe(byNumber.length)
      const full = await club.staff('GET', '/memberships?limit=200&sort=number')
      expect(byNumber.length).toBe(full.items.length)
      const byName = await all('sort=name&paymentMethod=direct-debit')
      expect(byName.map((r) => r.name)).toEqual(['Anna Adler', 'Anton adler', 'Bert Ähre', 'Zeno Zander'])
      expect((await all('sort=name&order=desc&paymentMethod=direct-debit')).map((r) => r.name)).toEqual([
        'Zeno Zander',
        'Bert Ähre',
        'Anton adler',
        'Anna Adler',
      ])
      const inactive = await club.staff('GET', '/memberships?state=inactive')
      expect(inactive.items.every((r: { state: string }) => r.state === 'inactive')).toBe(true)
      expect((await raw('GET', '/memberships?cursor=bm9uc2Vuc2U')).status).toBe(422)
    })

    it('advanced search: every filter must hold (AND), over membership, person, ledger and dunning data', async () => {
      const fritz = (
        await club.staff('POST', '/members', {
          person: person('Filter', 'Fritz', { dataProtectionRequested: true, admissionBlocked: true, dateOfBirth: '1950-01-01' }),
          feeClassGroupId: club.groups.adults.id,
          paymentMethod: 'direct-debit',
          joinedOn: '2018-03-01',
        })
      ).membership
      const frieda = (
        await club.staff('POST', '/members', {
          person: person('Filter', 'Frieda', { dataProtectionRequested: true, dateOfBirth: '1995-01-01' }),
          joinedOn: '2022-01-01',
        })
      ).membership
      await club.staff('PATCH', `/memberships/${fritz.id}`, { markers: ['Gewerbe'] })
      await club.staff('POST', `/memberships/${frieda.id}/postings`, {
        accountId: club.accounts.fee.id,
        date: '2026-01-10',
        amount: -1500,
        text: 'Kurs',
      })
      await withDunningLevels(club)
      await club.staff('POST', `/memberships/${frieda.id}/dunning/correction`, { level: 2, lastLetterOn: '2026-02-01' })
      const names = async (filters: object, criteria: object = { lastName: 'Filter' }) =>
        (await club.staff('POST', '/persons/search', { criteria, filters })).items.map((h: { firstName: string }) => h.firstName)
      expect(await names({ dataProtectionRequested: true })).toEqual(['Frieda', 'Fritz'])
      expect(await names({ dataProtectionRequested: true, admissionBlocked: true })).toEqual(['Fritz'])
      expect(await names({ feeClassId: club.feeClass.id })).toEqual(['Fritz'])
      expect(await names({ paymentMethod: 'invoice' })).toEqual(['Frieda'])
      expect(await names({ markers: ['Gewerbe'] })).toEqual(['Fritz'])
      expect(await names({ markers: ['Gewerbe', 'Zweitwohnung'] })).toEqual([])
      expect(await names({ joinedFrom: '2020-01-01' })).toEqual(['Frieda'])
      expect(await names({ bornTo: '1960-12-31' })).toEqual(['Fritz'])
      expect(await names({ balanceTo: -1 })).toEqual(['Frieda'])
      expect(await names({ balanceFrom: 0 })).toEqual(['Fritz'])
      expect(await names({ dunningLevelFrom: 2, dunningLevelTo: 2 })).toEqual(['Frieda'])
      expect(await names({ dunningLevelTo: 0 })).toEqual(['Fritz'])
      expect(await names({ state: 'active', role: 'H' })).toEqual(['Frieda', 'Fritz'])
      expect(await names({ markers: ['Gewerbe'] }, {})).toEqual(['Fritz'])
    })

    it('an archived membership is read-only, shown with its marker, and never put on a result list', async () => {
      const m = (await club.staff('POST', '/members', { person: person('Archiv', 'Alma'), joinedOn: '2010-01-01' })).membership
      await club.staff('POST', `/memberships/${m.id}/termination`, {
        receivedOn: '2015-01-01',
        endsOn: '2015-12-31',
        overrideNoticePeriod: true,
      })
      await server.connection.executeSql(`update memberships set archived_on = '2020-01-01' where id = $1`, [m.id])
      expect((await raw('PATCH', `/memberships/${m.id}`, { processingBlocked: true })).json.code).toBe('MEMBERSHIP_ARCHIVED')
      expect((await raw('DELETE', `/memberships/${m.id}/termination`)).json.code).toBe('MEMBERSHIP_ARCHIVED')
      const hit = (await club.staff('POST', '/persons/search', { criteria: { lastName: 'Archiv' } })).items[0]
      expect(hit).toMatchObject({ archived: true, inactive: true, role: 'H' })
      expect((await club.staff('POST', '/persons/search', { criteria: { lastName: 'Archiv' }, includeArchived: false })).items).toEqual([])
      const list = await club.staff('POST', '/result-lists', { name: 'Alle A' })
      const added = await club.staff('POST', `/result-lists/${list.id}/entries`, { search: { criteria: { lastName: 'A' } } })
      expect(added.skippedArchived).toBe(1)
      expect(JSON.stringify(await club.staff('GET', `/result-lists/${list.id}`))).not.toContain(m.id)
    })
  })
}
