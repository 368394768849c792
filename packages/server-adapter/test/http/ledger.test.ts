import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`member ledger over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

    async function accountWithDebits() {
      const club = await aClubWithFees(server)
      const m = club.memberships[0]!.id
      const others = await club.staff('POST', '/accounts', {
        number: '4900',
        name: 'Sonstiges',
        type: 'receivable',
        receivableKind: 'secondary',
        priority: 0,
      })
      const book = (accountId: string, amount: number, date = '2026-01-10', text?: string) =>
        club.staff('POST', `/memberships/${m}/postings`, { accountId, date, amount, ...(text && { text }) })
      const fee = await book(club.accounts.fee.id, -6000)
      const cost = await book(club.accounts.cost.id, -300)
      const other = await book(others.id, -1000)
      return { club, m, book, fee, cost, other, others }
    }

    it('allocates a payment by account priority, then leaves the rest open', async () => {
      const { club, m, book, fee, cost, other } = await accountWithDebits()
      expect(fee.text).toBe('Mitgliedsbeitrag') // the account name is the default text
      expect(fee.createdBy).toMatch(/^api-key:[0-9a-f-]{36}$/)
      const payment = await book(club.accounts.bank.id, 6200, '2026-02-01', 'Überweisung')
      expect(payment.open).toBe(0)
      const account = await club.staff('GET', `/memberships/${m}/account`)
      const open = Object.fromEntries(account.postings.map((p: { id: string; open: number }) => [p.id, p.open]))
      expect([open[fee.id], open[cost.id], open[other.id]]).toEqual([0, 100, 1000])
      expect(account.balance).toBe(-6000 - 300 - 1000 + 6200)

      const allocations = await club.staff('GET', `/postings/${payment.id}/allocations`)
      expect(allocations.items.map((a: { debitId: string; amount: number }) => [a.debitId, a.amount])).toEqual([
        [fee.id, 6000],
        [cost.id, 200],
      ])
    })

    it('keeps surplus credit and settles later debits with it (docs/decisions/0000#d3)', async () => {
      const { club, book } = await accountWithDebits()
      const payment = await book(club.accounts.bank.id, 10000)
      expect(payment.open).toBe(2700)
      const later = await book(club.accounts.fee.id, -2000, '2026-03-01')
      expect(later.open).toBe(0)
    })

    it('lets staff correct an allocation by hand, within the open amounts', async () => {
      const { club, book, cost, other } = await accountWithDebits()
      const payment = await book(club.accounts.bank.id, 1000)
      const corrected = await club.staff('PUT', `/postings/${payment.id}/allocations`, {
        parts: [
          { debitId: other.id, amount: 700 },
          { debitId: cost.id, amount: 300 },
        ],
      })
      expect(corrected.items.map((a: { debitId: string; amount: number }) => [a.debitId, a.amount]).sort()).toEqual(
        [
          [cost.id, 300],
          [other.id, 700],
        ].sort(),
      )
      const tooMuch = await server.call('PUT', `/organisations/${club.org}/postings/${payment.id}/allocations`, {
        apiKey: club.apiKey,
        body: { parts: [{ debitId: cost.id, amount: 301 }] },
      })
      expect(tooMuch).toMatchObject({ status: 422, json: { code: 'ALLOCATION_INVALID' } })
    })

    it('changes only text and document number after saving', async () => {
      const { club, fee } = await accountWithDebits()
      const edited = await club.staff('PATCH', `/postings/${fee.id}`, { text: 'Beitrag 2026', documentNumber: 'B-1' })
      expect(edited).toMatchObject({ text: 'Beitrag 2026', documentNumber: 'B-1', amount: -6000 })
      const refused = await server.call('PATCH', `/organisations/${club.org}/postings/${fee.id}`, {
        apiKey: club.apiKey,
        body: { amount: -1 },
      })
      expect(refused).toMatchObject({ status: 422, json: { code: 'POSTING_FIELD_IMMUTABLE' } })
    })

    it('reverses with a counter-posting naming the original, once, and never a direct-debit posting', async () => {
      const { club, m, fee } = await accountWithDebits()
      const reversal = await club.staff('POST', `/postings/${fee.id}/reverse`, {})
      expect(reversal).toMatchObject({
        amount: 6000,
        text: 'Stornobuchung zu „Mitgliedsbeitrag“ vom 10.01.2026',
        date: '2026-11-23',
        kind: 'reversal',
        reversalOf: fee.id,
        open: 0,
      })
      const account = await club.staff('GET', `/memberships/${m}/account`)
      expect(account.postings.find((p: { id: string }) => p.id === fee.id)).toMatchObject({ open: 0, reversedBy: reversal.id })
      const again = await server.call('POST', `/organisations/${club.org}/postings/${fee.id}/reverse`, { apiKey: club.apiKey, body: {} })
      expect(again.json.code).toBe('POSTING_ALREADY_REVERSED')

      const [directDebit] = await server.storage.forOrganisation(club.org).ledger.insertPostings([
        {
          membershipId: m,
          accountId: club.accounts.bank.id,
          date: '2026-02-02',
          amount: 300,
          text: 'Lastschrift',
          documentNumber: null,
          kind: 'direct-debit',
          runId: null,
          chargeKey: null,
          chargeAssignmentId: null,
          chargeYear: null,
          reversalOf: null,
          createdBy: 'test',
        },
      ])
      const refused = await server.call('POST', `/organisations/${club.org}/postings/${directDebit!.id}/reverse`, {
        apiKey: club.apiKey,
        body: {},
      })
      expect(refused).toMatchObject({ status: 409, json: { code: 'POSTING_NOT_REVERSIBLE' } })
    })

    it('reversing a payment reopens the debits it had settled', async () => {
      const { club, m, book, fee } = await accountWithDebits()
      const payment = await book(club.accounts.bank.id, 6000)
      await club.staff('POST', `/postings/${payment.id}/reverse`, {})
      const account = await club.staff('GET', `/memberships/${m}/account`)
      expect(account.postings.find((p: { id: string }) => p.id === fee.id).open).toBe(6000)
      expect(account.balance).toBe(-7300)
    })

    it('deletes a debit only while nothing is allocated to it', async () => {
      const { club, book, fee, other } = await accountWithDebits()
      await book(club.accounts.bank.id, 100)
      const refused = await server.call('DELETE', `/organisations/${club.org}/postings/${fee.id}`, { apiKey: club.apiKey })
      expect(refused).toMatchObject({ status: 409, json: { code: 'POSTING_IN_USE' } })
      expect(await club.staff('DELETE', `/postings/${other.id}`)).toEqual({ deleted: true })
      const gone = await server.call('GET', `/organisations/${club.org}/postings/${other.id}/allocations`, { apiKey: club.apiKey })
      expect(gone.json.code).toBe('POSTING_NOT_FOUND')
    })

    it('books a debit with its cash payment in one step, and checks the account types', async () => {
      const { club, m } = await accountWithDebits()
      const both = await club.staff('POST', `/memberships/${m}/debit-with-cash-credit`, {
        date: '2026-03-01',
        amount: 500,
        debitAccountId: club.accounts.cost.id,
        debitText: 'Schreibgebühr',
        creditAccountId: club.accounts.bank.id,
      })
      expect(both.debit).toMatchObject({ amount: -500, text: 'Schreibgebühr', open: 0 })
      expect(both.credit).toMatchObject({ amount: 500, text: 'Bank', open: 0 })
      const wrong = await server.call('POST', `/organisations/${club.org}/memberships/${m}/debit-with-cash-credit`, {
        apiKey: club.apiKey,
        body: { date: '2026-03-01', amount: 500, debitAccountId: club.accounts.bank.id, creditAccountId: club.accounts.fee.id },
      })
      expect(wrong).toMatchObject({ status: 422, json: { code: 'ACCOUNT_TYPE_MISMATCH' } })
    })

    it('quick-books many payments by membership number, all or nothing', async () => {
      const club = await aClubWithFees(server, { members: 3 })
      const numbers = club.memberships.map((m) => m.number)
      const refused = await server.call('POST', `/organisations/${club.org}/quick-bookings`, {
        apiKey: club.apiKey,
        body: {
          accountId: club.accounts.bank.id,
          text: 'Kontoauszug 12',
          date: '2026-03-01',
          entries: [
            { membershipNumber: numbers[0], amount: 9600 },
            { membershipNumber: 99999, amount: 100 },
          ],
        },
      })
      expect(refused).toMatchObject({
        status: 422,
        json: { errors: [{ path: 'entries.1.membershipNumber', code: 'unknown-membership-number' }] },
      })
      expect((await club.staff('GET', `/memberships/${club.memberships[0]!.id}/account`)).postings).toEqual([])

      const booked = await club.staff('POST', '/quick-bookings', {
        accountId: club.accounts.bank.id,
        text: 'Kontoauszug 12',
        documentNumber: 'KA-12',
        date: '2026-03-01',
        entries: numbers.map((membershipNumber) => ({ membershipNumber, amount: 9600 })),
      })
      expect(booked).toEqual({ count: 3, total: 28800 })
      const balances = await club.staff('GET', '/balance-list?balanceFrom=9600&balanceTo=9600')
      expect(balances.items).toHaveLength(3)
    })

    it("answers whether January's charge was still open in June (open-items list at a cutoff)", async () => {
      const { club, book, fee } = await accountWithDebits()
      await book(club.accounts.bank.id, 7300, '2026-07-10')
      const june = await club.staff('GET', '/open-items?cutoff=2026-06-30&bookedFrom=2026-01-01&bookedTo=2026-01-31')
      expect(june.items.map((i: { postingId: string; open: number }) => [i.postingId, i.open])).toContainEqual([fee.id, 6000])
      const august = await club.staff('GET', '/open-items?cutoff=2026-08-01')
      expect(august.items).toEqual([])
      const wrong = await server.call(
        'GET',
        `/organisations/${club.org}/open-items?cutoff=2026-06-30&bookedFrom=2026-02-01&bookedTo=2026-01-01`,
        { apiKey: club.apiKey },
      )
      expect(wrong.json.code).toBe('INVALID_RANGE')
    })

    it('lists balances by range and payment method, refusing a range given the wrong way round', async () => {
      const club = await aClubWithFees(server, { members: 3 })
      const [m1, m2, m3] = club.memberships
      await club.staff('POST', `/memberships/${m1!.id}/postings`, { accountId: club.accounts.fee.id, date: '2026-01-01', amount: -25000 })
      await club.staff('POST', `/memberships/${m2!.id}/postings`, { accountId: club.accounts.fee.id, date: '2026-01-01', amount: -5000 })
      await club.staff('POST', `/memberships/${m3!.id}/postings`, { accountId: club.accounts.fee.id, date: '2026-01-01', amount: -1000 })
      await club.staff('PATCH', `/memberships/${m3!.id}`, { paymentMethod: 'direct-debit' })
      const list = await club.staff('GET', '/balance-list?balanceFrom=-20000&balanceTo=-1000')
      expect(list.items.map((r: { membershipId: string }) => r.membershipId).sort()).toEqual([m2!.id, m3!.id].sort())
      const invoicePayers = await club.staff('GET', '/balance-list?balanceFrom=-20000&balanceTo=-1000&paymentMethod=invoice')
      expect(invoicePayers.items.map((r: { membershipId: string }) => r.membershipId)).toEqual([m2!.id])
      const wrong = await server.call('GET', `/organisations/${club.org}/balance-list?balanceFrom=-1000&balanceTo=-20000`, {
        apiKey: club.apiKey,
      })
      expect(wrong).toMatchObject({ status: 422, json: { code: 'INVALID_RANGE' } })
    })

    it('exports the member statement as CSV and XLSX', async () => {
      const { club, m, book } = await accountWithDebits()
      await book(club.accounts.bank.id, 6200, '2026-02-01', 'Überweisung')
      const csv = await server.call('GET', `/organisations/${club.org}/memberships/${m}/statement.csv`, { apiKey: club.apiKey })
      expect(csv.text).toContain('2026-01-10;Mahngebühren;Mahngebühren;;3,00;;1,00')
      expect(csv.text).toContain('2026-02-01;Überweisung;Bank;;;62,00;')
      const xlsx = await server.call('GET', `/organisations/${club.org}/memberships/${m}/statement.xlsx`, { apiKey: club.apiKey })
      expect(xlsx.headers.get('content-type')).toContain('spreadsheetml')
      expect([...xlsx.bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
    })

    it('writes off open receivables by criteria: preview, then exactly that, booked today, once', async () => {
      const { club, m, cost } = await accountWithDebits()
      const preview = await club.staff('POST', '/write-offs/preview', { accountId: club.accounts.cost.id })
      expect(preview).toMatchObject({ count: 1, total: 300, date: '2026-11-23', items: [{ debitId: cost.id, amount: 300 }] })
      const done = await club.staff('POST', '/write-offs', {
        criteria: { accountId: club.accounts.cost.id },
        idempotencyKey: preview.idempotencyKey,
      })
      expect(done).toMatchObject({ count: 1, total: 300 })
      expect(
        await club.staff('POST', '/write-offs', { criteria: { accountId: club.accounts.cost.id }, idempotencyKey: preview.idempotencyKey }),
      ).toEqual(done)
      const account = await club.staff('GET', `/memberships/${m}/account`)
      expect(account.postings.find((p: { kind: string }) => p.kind === 'write-off')).toMatchObject({
        amount: 300,
        date: '2026-11-23',
        text: 'Ausbuchung',
        open: 0,
      })
      expect(account.postings.find((p: { id: string }) => p.id === cost.id).open).toBe(0)
      const stale = await server.call('POST', `/organisations/${club.org}/write-offs`, {
        apiKey: club.apiKey,
        body: { criteria: {}, idempotencyKey: preview.idempotencyKey + 'x' },
      })
      expect(stale.json.code).toBe('RUN_PLAN_CHANGED')
    })
  })
}
