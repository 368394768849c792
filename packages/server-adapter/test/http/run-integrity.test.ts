import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`runs post what they report, and keys belong to one kind (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

    async function applyCharges(club: Awaited<ReturnType<typeof aClubWithFees>>, asOf: string) {
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf })
      return { preview, run: await club.staff('POST', '/charge-runs', { asOf, idempotencyKey: preview.idempotencyKey }) }
    }

    it('charges a deleted charge again on its own date; the run reports exactly the rows it posted (0002)', async () => {
      const club = await aClubWithFees(server, { joinedOn: '2024-01-01' })
      const m = club.memberships[0]!
      await applyCharges(club, '2026-11-23')
      const account = await club.staff('GET', `/memberships/${m.id}/account`)
      expect(account.postings.map((p: { date: string }) => p.date)).toEqual(['2024-01-01', '2025-01-01', '2026-01-01'])
      const deleted = account.postings[1]
      await club.staff('DELETE', `/postings/${deleted.id}`)

      const { preview, run } = await applyCharges(club, '2026-11-23')
      expect(preview.charges.map((c: { date: string; amount: number }) => [c.date, c.amount])).toEqual([['2025-01-01', 9600]])
      expect(run).toMatchObject({ chargesMade: 1, total: 9600 })
      const posted = (await club.staff('GET', `/charge-runs/${run.id}`)).postings
      expect(posted.map((p: { date: string; amount: number }) => [p.date, p.amount])).toEqual([['2025-01-01', -9600]])
      expect((await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })).charges).toEqual([])
      expect((await club.staff('GET', `/memberships/${m.id}/account`)).balance).toBe(-3 * 9600)
    })

    it('refuses to undo a run one of whose charges was reversed; the account stays as it is (0007)', async () => {
      const club = await aClubWithFees(server, { joinedOn: '2026-01-01' })
      const m = club.memberships[0]!
      const { run } = await applyCharges(club, '2026-11-23')
      const [charge] = (await club.staff('GET', `/charge-runs/${run.id}`)).postings
      const reversal = await club.staff('POST', `/postings/${charge.id}/reverse`, {})
      expect(reversal.text).toBe('Stornobuchung zu „Mitgliedsbeitrag“ vom 01.01.2026')
      const before = await club.staff('GET', `/memberships/${m.id}/account`)
      expect(before.balance).toBe(0)
      const undo = await server.call('POST', `/organisations/${club.org}/charge-runs/${run.id}/undo`, { apiKey: club.apiKey })
      expect(undo).toMatchObject({ status: 409, json: { code: 'CHARGE_RUN_HAS_DEPENDANTS', detail: expect.stringContaining('reversed') } })
      expect(await club.staff('GET', `/memberships/${m.id}/account`)).toEqual(before)
    })

    it('refuses to undo a run whose charge was written off or allocated by hand', async () => {
      const club = await aClubWithFees(server, { members: 2, joinedOn: '2026-01-01' })
      const [m1, m2] = club.memberships
      const { run } = await applyCharges(club, '2026-11-23')
      const charges = (await club.staff('GET', `/charge-runs/${run.id}`)).postings
      const charge1 = charges.find((c: { membershipId: string }) => c.membershipId === m1!.id)
      const credit = await club.staff('POST', `/memberships/${m1!.id}/postings`, {
        accountId: club.accounts.bank.id,
        date: '2026-02-01',
        amount: 1000,
      })
      await club.staff('PUT', `/postings/${credit.id}/allocations`, { parts: [] })
      await club.staff('PUT', `/postings/${credit.id}/allocations`, { parts: [{ debitId: charge1.id, amount: 500 }] })
      const manual = await server.call('POST', `/organisations/${club.org}/charge-runs/${run.id}/undo`, { apiKey: club.apiKey })
      expect(manual).toMatchObject({ status: 409, json: { code: 'CHARGE_RUN_HAS_DEPENDANTS', detail: expect.stringContaining('by hand') } })

      await club.staff('PUT', `/postings/${credit.id}/allocations`, { parts: [] })
      const plan = await club.staff('POST', '/write-offs/preview', { maxOpen: 9600 })
      await club.staff('POST', '/write-offs', { criteria: { maxOpen: 9600 }, idempotencyKey: plan.idempotencyKey })
      expect((await club.staff('GET', `/memberships/${m2!.id}/account`)).balance).toBe(0)
      const writtenOff = await server.call('POST', `/organisations/${club.org}/charge-runs/${run.id}/undo`, { apiKey: club.apiKey })
      expect(writtenOff).toMatchObject({
        status: 409,
        json: { code: 'CHARGE_RUN_HAS_DEPENDANTS', detail: expect.stringContaining('written off') },
      })
    })

    it('scopes idempotency keys by kind and refuses a key reused with another date', async () => {
      const club = await aClubWithFees(server, { joinedOn: '2026-01-01' })
      const invoicePreview = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      // An invoice-run key at the charge-run route is just a key that does not match the charge plan.
      const crossed = await server.call('POST', `/organisations/${club.org}/charge-runs`, {
        apiKey: club.apiKey,
        body: { asOf: '2026-11-23', idempotencyKey: invoicePreview.idempotencyKey },
      })
      expect(crossed).toMatchObject({ status: 409, json: { code: 'RUN_PLAN_CHANGED' } })

      const { preview, run } = await applyCharges(club, '2026-11-23')
      const sameKeyOtherDate = await server.call('POST', `/organisations/${club.org}/charge-runs`, {
        apiKey: club.apiKey,
        body: { asOf: '2026-11-24', idempotencyKey: preview.idempotencyKey },
      })
      expect(sameKeyOtherDate).toMatchObject({ status: 409, json: { code: 'IDEMPOTENCY_KEY_REUSED' } })
      const invoiceWithChargeKey = await server.call('POST', `/organisations/${club.org}/invoice-runs`, {
        apiKey: club.apiKey,
        body: { request: { invoiceDate: '2026-11-23' }, idempotencyKey: preview.idempotencyKey },
      })
      expect(invoiceWithChargeKey).toMatchObject({ status: 409, json: { code: 'RUN_PLAN_CHANGED' } })
      expect((await club.staff('GET', '/invoice-runs')).items).toEqual([])
      expect((await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })).id).toBe(run.id)
    })
  })
}
