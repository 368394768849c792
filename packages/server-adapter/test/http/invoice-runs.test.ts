import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`invoice runs over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

    async function clubWithBalances(balances: readonly [number, 'invoice' | 'direct-debit'][]) {
      const club = await aClubWithFees(server, { members: balances.length })
      for (const [i, [balance, method]] of balances.entries()) {
        const m = club.memberships[i]!.id
        await club.staff('PATCH', `/memberships/${m}`, { paymentMethod: method })
        if (balance !== 0) {
          const account = balance < 0 ? club.accounts.fee.id : club.accounts.bank.id
          await club.staff('POST', `/memberships/${m}/postings`, { accountId: account, date: '2026-01-01', amount: balance })
        }
      }
      return club
    }

    it('invoices invoice payers who owe money, with the whole open amount', async () => {
      const club = await clubWithBalances([
        [-2000, 'invoice'],
        [0, 'invoice'],
        [500, 'invoice'],
        [-5000, 'direct-debit'],
      ])
      const preview = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      expect(
        preview.invoices.map((i: { membershipId: string; total: number; number: number }) => [i.membershipId, i.total, i.number]),
      ).toEqual([[club.memberships[0]!.id, 2000, 1]])
      expect(preview.invoices[0]).toMatchObject({ dueOn: '2026-12-07', recipient: { name: 'Erika Mitglied0', address: { city: 'Köln' } } })
    })

    it('uses the minimum from the club settings, inclusive (docs/decisions/0000#d1)', async () => {
      const club = await clubWithBalances([
        [-500, 'invoice'],
        [-1000, 'invoice'],
        [-1500, 'invoice'],
      ])
      await club.staff('PATCH', '/settings', { invoiceMinimumDebt: 1000 })
      const preview = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      expect(preview.invoices.map((i: { membershipId: string }) => i.membershipId)).toEqual([
        club.memberships[1]!.id,
        club.memberships[2]!.id,
      ])
    })

    it('numbers invoices without gaps across runs, keeps numbers after a reversal, and applies each run once', async () => {
      const club = await clubWithBalances([
        [-2000, 'invoice'],
        [-3000, 'invoice'],
      ])
      const first = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      const run1 = await club.staff('POST', '/invoice-runs', {
        request: { invoiceDate: '2026-11-23' },
        idempotencyKey: first.idempotencyKey,
      })
      expect(run1).toMatchObject({ invoiceCount: 2, total: 5000 })
      // Every run kind reports progress through the one route; the key names its kind.
      expect(await club.staff('GET', `/run-progress/${first.idempotencyKey}`)).toEqual({ phase: 'done', done: 2, total: 2 })
      expect(
        (await club.staff('POST', '/invoice-runs', { request: { invoiceDate: '2026-11-23' }, idempotencyKey: first.idempotencyKey })).id,
      ).toBe(run1.id)

      const details = await club.staff('GET', `/invoice-runs/${run1.id}`)
      expect(details.invoices.map((i: { number: number; cancelled: boolean }) => [i.number, i.cancelled])).toEqual([
        [1, false],
        [2, false],
      ])
      const reversed = await club.staff('POST', `/invoice-runs/${run1.id}/reverse`)
      expect(reversed.reversedAt).not.toBeNull()
      expect((await club.staff('GET', `/invoice-runs/${run1.id}`)).invoices.every((i: { cancelled: boolean }) => i.cancelled)).toBe(true)
      const again = await server.call('POST', `/organisations/${club.org}/invoice-runs/${run1.id}/reverse`, { apiKey: club.apiKey })
      expect(again.json.code).toBe('RUN_ALREADY_REVERSED')
      // The audit trail: who applied the run and who took it back (the staff key here).
      const stored = await server.storage.forOrganisation(club.org).runs.get(run1.id, 'invoice')
      expect(stored).toMatchObject({ createdBy: expect.stringMatching(/^api-key:/), reversedBy: expect.stringMatching(/^api-key:/) })

      const second = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-24' })
      expect(second.invoices.map((i: { number: number }) => i.number)).toEqual([3, 4])
      const stale = await server.call('POST', `/organisations/${club.org}/invoice-runs`, {
        apiKey: club.apiKey,
        body: { request: { invoiceDate: '2026-11-24' }, idempotencyKey: first.idempotencyKey },
      })
      expect(stale.json.code).toBe('RUN_PLAN_CHANGED')
    })

    it('invoices only items not yet invoiced when the club says so', async () => {
      const club = await clubWithBalances([[-2000, 'invoice']])
      await club.staff('PATCH', '/settings', { invoiceItems: 'not-yet-invoiced' })
      const first = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      await club.staff('POST', '/invoice-runs', { request: { invoiceDate: '2026-11-23' }, idempotencyKey: first.idempotencyKey })
      expect((await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-24' })).invoices).toEqual([])
      await club.staff('POST', `/memberships/${club.memberships[0]!.id}/postings`, {
        accountId: club.accounts.cost.id,
        date: '2026-11-24',
        amount: -300,
      })
      const next = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-24' })
      expect(next.invoices.map((i: { total: number }) => i.total)).toEqual([300])
    })

    it('addresses the billing address, skips invalid addresses, and respects the postcode range', async () => {
      const club = await clubWithBalances([
        [-2000, 'invoice'],
        [-2000, 'invoice'],
      ])
      const billing = { street: 'Postfach 12 34', postcode: '50667', city: 'Köln', country: 'DE' }
      await club.staff('PATCH', `/memberships/${club.memberships[0]!.id}`, { billingAddress: billing })
      await club.staff('PATCH', `/memberships/${club.memberships[1]!.id}`, { addressInvalid: true })
      const preview = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      expect(preview.invoices.map((i: { recipient: { address: unknown } }) => i.recipient.address)).toEqual([billing])
      expect(preview.skipped).toEqual([{ membershipId: club.memberships[1]!.id, reason: 'invalid-address' }])
      const outside = await club.staff('POST', '/invoice-runs/preview', {
        invoiceDate: '2026-11-23',
        postcodeFrom: '80000',
        postcodeTo: '89999',
      })
      expect(outside.invoices).toEqual([])
    })
  })
}
