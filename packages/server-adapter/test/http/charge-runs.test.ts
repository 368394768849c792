import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

for (const engine of engines()) {
  describe(`charge runs over HTTP (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

    it('previews, applies once, and posts what the preview showed', async () => {
      const club = await aClubWithFees(server, { members: 2, joinedOn: '2025-04-15' })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      expect(preview).toMatchObject({ membershipsChecked: 2, total: 2 * (7200 + 9600) })
      expect(preview.charges.map((c: { date: string; amount: number }) => [c.date, c.amount])).toEqual([
        ['2025-04-15', 7200],
        ['2026-01-01', 9600],
        ['2025-04-15', 7200],
        ['2026-01-01', 9600],
      ])
      const run = await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      expect(run).toMatchObject({ chargesMade: 4, total: 33600, membershipsChecked: 2, reversedAt: null })

      const again = await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      expect(again.id).toBe(run.id)
      const account = await club.staff('GET', `/memberships/${club.memberships[0]!.id}/account`)
      expect(account.balance).toBe(-16800)
      expect(account.postings.map((p: { text: string; kind: string; open: number }) => [p.text, p.kind, p.open])).toEqual([
        ['Mitgliedsbeitrag', 'charge', 7200],
        ['Mitgliedsbeitrag', 'charge', 9600],
      ])
      const second = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      expect(second.charges).toEqual([])
    })

    it('refuses a stale preview key with RUN_PLAN_CHANGED and posts nothing', async () => {
      const club = await aClubWithFees(server)
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      await club.staff('PATCH', `/memberships/${club.memberships[0]!.id}`, { processingBlocked: true })
      const response = await server.call('POST', `/organisations/${club.org}/charge-runs`, {
        apiKey: club.apiKey,
        body: { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey },
      })
      expect(response).toMatchObject({ status: 409, json: { code: 'RUN_PLAN_CHANGED' } })
      expect((await club.staff('GET', `/memberships/${club.memberships[0]!.id}/account`)).postings).toEqual([])
    })

    it('undoes a run, restoring every account exactly, and applies the same plan again afterwards', async () => {
      const club = await aClubWithFees(server, { members: 2 })
      const [m1, m2] = club.memberships
      await club.staff('POST', `/memberships/${m1!.id}/postings`, { accountId: club.accounts.bank.id, date: '2025-01-10', amount: 5000 })
      const before = await Promise.all([m1, m2].map((m) => club.staff('GET', `/memberships/${m!.id}/account`)))
      expect(before[0].postings[0].open).toBe(5000) // unallocated credit, nothing owed yet

      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      const run = await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      const during = await club.staff('GET', `/memberships/${m1!.id}/account`)
      expect(during.postings.find((p: { kind: string }) => p.kind === 'payment').open).toBe(0) // credit settled the charge (docs/decisions/0000#d3)

      const undone = await club.staff('POST', `/charge-runs/${run.id}/undo`)
      expect(undone.reversedAt).not.toBeNull()
      const after = await Promise.all([m1, m2].map((m) => club.staff('GET', `/memberships/${m!.id}/account`)))
      expect(after).toEqual(before)

      const again = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      expect(again.idempotencyKey).toBe(preview.idempotencyKey)
      const reapplied = await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: again.idempotencyKey })
      expect(reapplied.id).not.toBe(run.id)
      const twice = await server.call('POST', `/organisations/${club.org}/charge-runs/${run.id}/undo`, { apiKey: club.apiKey })
      expect(twice.json.code).toBe('RUN_ALREADY_REVERSED')
    })

    it('refuses undo once an invoice run used its charges, and allows it again after that run is reversed (rule D5 (docs/decisions/0000))', async () => {
      const club = await aClubWithFees(server)
      const cr1Preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2025-06-01' })
      const cr1 = await club.staff('POST', '/charge-runs', { asOf: '2025-06-01', idempotencyKey: cr1Preview.idempotencyKey })
      const cr2Preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      const cr2 = await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: cr2Preview.idempotencyKey })
      expect(cr2.chargesMade).toBe(1)

      const invoicePreview = await club.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      const invoiceRun = await club.staff('POST', '/invoice-runs', {
        request: { invoiceDate: '2026-11-23' },
        idempotencyKey: invoicePreview.idempotencyKey,
      })
      for (const run of [cr1, cr2]) {
        const refused = await server.call('POST', `/organisations/${club.org}/charge-runs/${run.id}/undo`, { apiKey: club.apiKey })
        expect(refused).toMatchObject({ status: 409, json: { code: 'CHARGE_RUN_IN_USE' } })
      }
      const deleteUsed = await server.call('DELETE', `/organisations/${club.org}/postings/${invoicePreview.invoices[0].items[0].debitId}`, {
        apiKey: club.apiKey,
      })
      expect(deleteUsed.json).toMatchObject({ code: 'POSTING_IN_USE', detail: expect.stringContaining('invoice') })

      await club.staff('POST', `/invoice-runs/${invoiceRun.id}/reverse`)
      expect((await club.staff('POST', `/charge-runs/${cr2.id}/undo`)).reversedAt).not.toBeNull()
      expect((await club.staff('POST', `/charge-runs/${cr1.id}/undo`)).reversedAt).not.toBeNull()
    })

    it('leaves out memberships under a processing block', async () => {
      const club = await aClubWithFees(server, { members: 2 })
      await club.staff('PATCH', `/memberships/${club.memberships[1]!.id}`, { processingBlocked: true })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      expect(preview.skipped).toEqual([{ membershipId: club.memberships[1]!.id, reason: 'processing-blocked' }])
      expect(new Set(preview.charges.map((c: { membershipId: string }) => c.membershipId))).toEqual(new Set([club.memberships[0]!.id]))
    })

    it("lists runs, shows a run's postings, exports them as CSV and reports progress", async () => {
      const club = await aClubWithFees(server, { members: 2 })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      const run = await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      expect((await club.staff('GET', '/charge-runs')).items.map((r: { id: string }) => r.id)).toEqual([run.id])
      expect((await club.staff('GET', `/charge-runs/${run.id}`)).postings).toHaveLength(4)
      const csv = await server.call('GET', `/organisations/${club.org}/charge-runs/${run.id}/postings.csv`, { apiKey: club.apiKey })
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const lines = csv.text.replace('\uFEFF', '').trim().split('\r\n')
      expect(lines[0]).toBe('Mitgliedsnummer;Datum;Konto;Buchungstext;Betrag;Belegnummer')
      expect(lines.slice(1)).toContain(`${club.memberships[0]!.number};2026-01-01;Mitgliedsbeitrag;Mitgliedsbeitrag;-96,00;`)
      const progress = await club.staff('GET', `/run-progress/${preview.idempotencyKey}`)
      expect(progress).toEqual({ phase: 'done', done: 4, total: 4 })
    })
  })
}
