import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'
import { aLedger } from './ledger-fixture'

describeStore('invoice', (s) => {
  it('stores the invoices of a run in number order, cancels them, and shows them to their organisation only', async () => {
    const l = await aLedger(s)
    const other = await s.club()
    const run = await l.store.runs.create({ kind: 'invoice', idempotencyKey: 'inv', asOf: '2026-02-01', parameters: {}, summary: {} })
    const letter = (membershipNumber: number) => ({
      membershipNumber,
      recipient: { name: 'Erika Mustermann', address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' } },
      items: [{ debitId: 'd', date: '2026-01-15', text: 'Beitrag', open: 9600 }],
    })
    await l.store.invoices.insertForRun(run.id, [
      { number: 2, membershipId: l.second.id, invoiceDate: '2026-02-01', dueOn: '2026-02-15', total: 9600, letter: letter(1001) },
      { number: 1, membershipId: l.first.id, invoiceDate: '2026-02-01', dueOn: '2026-02-15', total: 9600, letter: letter(1000) },
    ])
    await l.store.invoices.insertForRun(run.id, [])
    const invoices = await l.store.invoices.ofRun(run.id)
    expect(invoices.map((i) => i.number)).toEqual([1, 2])
    expect(invoices[0]).toMatchObject({ membershipId: l.first.id, cancelled: false, letter: letter(1000) })
    expect(await other.store.invoices.ofRun(run.id)).toEqual([])
    await other.store.invoices.cancelOfRun(run.id, new Date('2026-03-01T00:00:00Z'))
    expect((await l.store.invoices.ofRun(run.id)).every((i) => !i.cancelled)).toBe(true)
    await l.store.invoices.cancelOfRun(run.id, new Date('2026-03-01T00:00:00Z'))
    expect((await l.store.invoices.ofRun(run.id)).every((i) => i.cancelled)).toBe(true)
    await expect(
      l.store.invoices.insertForRun(run.id, [
        { number: 1, membershipId: l.first.id, invoiceDate: '2026-02-01', dueOn: '2026-02-15', total: 1, letter: letter(1000) },
      ]),
    ).rejects.toThrow()
  })
})
