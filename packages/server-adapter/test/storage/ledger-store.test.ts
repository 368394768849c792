import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'
import { aLedger } from './ledger-fixture'
import { aFeeClassIn } from './finance-fixture'

describeStore('ledger', (s) => {
  it('books postings in order, never the same charge key twice, and shows them with their details', async () => {
    const l = await aLedger(s)
    const charge = l.debit(l.first.id, 9600, { chargeKey: 'a:2026:9600', chargeYear: 2026 })
    const [booked] = await l.store.ledger.insertPostings([charge])
    expect(await l.store.ledger.insertPostings([charge, l.debit(l.second.id, 4800)])).toHaveLength(1)
    const [detail] = await l.store.ledger.postingDetails({ ids: [booked!.id] })
    expect(detail).toMatchObject({ membershipNumber: 1000, accountName: 'Mitgliedsbeitrag', amount: -9600, open: 9600, reversedBy: null })
    expect(detail!.createdAt).toBeInstanceOf(Date)
    expect((await l.store.ledger.postingDetails({ membershipId: l.first.id })).map((p) => p.id)).toEqual([booked!.id])
    const other = await s.club()
    expect(await other.store.ledger.postingDetails({ ids: [booked!.id] })).toEqual([])
    expect(await other.store.ledger.getPosting(booked!.id)).toBeUndefined()
  })

  it('allocates, reports open amounts and balances, and deletes allocations of a credit', async () => {
    const l = await aLedger(s)
    const [fee, payment] = await l.store.ledger.insertPostings([l.debit(l.first.id, 9600), l.credit(l.first.id, 10000)])
    expect(await l.store.ledger.membershipsWithUnallocatedCredit([l.first.id, l.second.id])).toEqual([l.first.id])
    await l.store.ledger.insertAllocations([{ creditId: payment!.id, debitId: fee!.id, amount: 9600, allocatedOn: '2026-02-01' }])
    expect(await l.store.ledger.allocationsOf(fee!.id)).toMatchObject([{ amount: 9600 }])
    expect(await l.store.ledger.usage(fee!.id)).toEqual({ allocated: 9600, invoiced: false, directDebited: false, dunned: false })
    expect((await l.store.ledger.postingDetails({ ids: [payment!.id] }))[0]?.open).toBe(400)
    expect(await l.store.ledger.balances()).toEqual(new Map([[l.first.id, 400]]))
    expect(await l.store.ledger.balancesBeyond([l.first.id], 399)).toEqual([l.first.id])
    expect(await l.store.ledger.balancesBeyond([l.first.id], 400)).toEqual([])
    await l.store.ledger.deleteAllocationsOfCredit(payment!.id)
    expect(await l.store.ledger.allocationsOf(fee!.id)).toEqual([])
    const { postings, allocations } = await l.store.ledger.ledger([l.first.id])
    expect(postings.map((p) => p.id)).toEqual([fee!.id, payment!.id])
    expect(allocations).toEqual([])
  })

  it('edits, reverses and deletes single postings of its own organisation', async () => {
    const l = await aLedger(s)
    const [fee] = await l.store.ledger.insertPostings([l.debit(l.first.id, 9600)])
    await l.store.ledger.updatePosting(fee!.id, { text: 'Beitrag 2026', documentNumber: 'B-1' })
    expect(await l.store.ledger.getPosting(fee!.id)).toMatchObject({ text: 'Beitrag 2026', documentNumber: 'B-1' })
    expect(await l.store.ledger.isReversed(fee!.id)).toBe(false)
    await l.store.ledger.insertPostings([l.credit(l.first.id, 9600, { kind: 'reversal', reversalOf: fee!.id, accountId: l.fees.id })])
    expect(await l.store.ledger.isReversed(fee!.id)).toBe(true)
    const other = await s.club()
    await other.store.ledger.deletePosting(fee!.id)
    expect(await l.store.ledger.getPosting(fee!.id)).toBeDefined()
  })

  it('records which runs used postings, only within the organisation, and what depends on a run', async () => {
    const l = await aLedger(s)
    const other = await s.club()
    const charge = await l.store.runs.create({ kind: 'charge', idempotencyKey: 'k1', asOf: '2026-01-15', parameters: {}, summary: {} })
    const invoice = await l.store.runs.create({ kind: 'invoice', idempotencyKey: 'k2', asOf: '2026-02-01', parameters: {}, summary: {} })
    const [fee] = await l.store.ledger.insertPostings([l.debit(l.first.id, 9600, { runId: charge.id })])
    expect(await l.store.ledger.postingIdsOfRun(charge.id)).toEqual([fee!.id])
    expect(await l.store.ledger.runInUse(charge.id)).toBe(false)
    // Another organisation can neither record nor remove a use of this organisation's postings.
    await other.store.ledger.addUses([{ postingId: fee!.id, runId: invoice.id, kind: 'invoice' }])
    expect(await l.store.ledger.usedPostingIds('invoice')).toEqual(new Set())
    await l.store.ledger.addUses([{ postingId: fee!.id, runId: invoice.id, kind: 'invoice' }])
    expect(await l.store.ledger.usedPostingIds('invoice')).toEqual(new Set([fee!.id]))
    expect(await l.store.ledger.runInUse(charge.id)).toBe(true)
    await other.store.ledger.removeUsesOfRun(invoice.id)
    expect(await l.store.ledger.runInUse(charge.id)).toBe(true)
    await l.store.ledger.removeUsesOfRun(invoice.id)
    expect(await l.store.ledger.runInUse(charge.id)).toBe(false)

    const [payment] = await l.store.ledger.insertPostings([l.credit(l.first.id, 1000)])
    await l.store.ledger.insertAllocations([{ creditId: payment!.id, debitId: fee!.id, amount: 1000, allocatedOn: '2026-02-01' }], 'manual')
    expect(await l.store.ledger.runDependants(charge.id)).toEqual({ reversals: 0, writeOffs: 0, manualAllocations: 1 })
    expect(await other.store.ledger.deleteRunPostings(charge.id)).toEqual([])
    expect(await l.store.ledger.deleteRunPostings(charge.id)).toEqual([l.first.id])
    expect(await l.store.ledger.getPosting(fee!.id)).toBeUndefined()
  })

  it('reports the charged years per assignment with their keys', async () => {
    const l = await aLedger(s)
    const { feeClass } = await aFeeClassIn(l.store, l.fees)
    const assignment = await l.store.assignments.create({
      membershipId: l.first.id,
      feeClassId: feeClass.id,
      validFrom: '2026-01-01',
      validUntil: null,
      paymentPlanId: null,
      amount: null,
    })
    const keyed = (slot: number, amount: number) =>
      l.debit(l.first.id, amount, { chargeKey: `${assignment.id}:2026:${slot}`, chargeAssignmentId: assignment.id, chargeYear: 2026 })
    await l.store.ledger.insertPostings([keyed(4800, 4800), keyed(9600, 4800)])
    const [year] = await l.store.ledger.chargedYears()
    expect(year).toMatchObject({ assignmentId: assignment.id, year: 2026, amount: 9600 })
    expect([...year!.chargeKeys].sort()).toEqual([`${assignment.id}:2026:4800`, `${assignment.id}:2026:9600`])
    expect(await (await s.club()).store.ledger.chargedYears()).toEqual([])
  })
})
