import { describe, expect } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { addDays } from '@vereinskit/core'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

const [pglite] = engines()

describe('applying then undoing a charge run restores every account exactly (property, PGlite)', () => {
  const server = useServer(pglite!, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

  const scenario = fc.record({
    members: fc.integer({ min: 1, max: 3 }),
    joinedOffset: fc.integer({ min: 0, max: 700 }),
    quarterly: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    payments: fc.array(
      fc.record({ member: fc.nat(), amount: fc.integer({ min: 1, max: 30_000 }), day: fc.integer({ min: 0, max: 900 }) }),
      { maxLength: 4 },
    ),
    earlierRun: fc.option(fc.integer({ min: 0, max: 600 }), { nil: undefined }),
    asOfOffset: fc.integer({ min: 0, max: 900 }),
    /** What staff do to the run's charges before undoing it. */
    action: fc.constantFrom('none' as const, 'reverse' as const, 'write-off' as const, 'manual-allocation' as const),
    pick: fc.nat(),
  })

  test.prop([scenario], { numRuns: 16 })('balances, open amounts and allocations are as before', async (s) => {
    const joinedOn = addDays('2024-01-01', s.joinedOffset)
    const club = await aClubWithFees(server, { members: s.members, joinedOn })
    for (const [i, m] of club.memberships.entries()) {
      if (s.quarterly[i]) {
        const [assignment] = (await club.staff('GET', `/memberships/${m.id}/fee-assignments`)).items
        await club.staff('PATCH', `/fee-assignments/${assignment.id}`, { paymentPlanId: club.plans.quarterly.id })
      }
    }
    if (s.earlierRun !== undefined) {
      const asOf = addDays(joinedOn, s.earlierRun)
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf })
      await club.staff('POST', '/charge-runs', { asOf, idempotencyKey: preview.idempotencyKey })
    }
    for (const payment of s.payments) {
      const m = club.memberships[payment.member % club.memberships.length]!
      await club.staff('POST', `/memberships/${m.id}/postings`, {
        accountId: club.accounts.bank.id,
        date: addDays(joinedOn, payment.day),
        amount: payment.amount,
      })
    }
    const snapshot = async () =>
      Promise.all(
        club.memberships.map(async (m) => {
          const account = await club.staff('GET', `/memberships/${m.id}/account`)
          const allocations = await Promise.all(
            account.postings.map((p: { id: string }) => club.staff('GET', `/postings/${p.id}/allocations`)),
          )
          return { account, allocations }
        }),
      )
    const before = await snapshot()
    const asOf = addDays(joinedOn, s.asOfOffset)
    const preview = await club.staff('POST', '/charge-runs/preview', { asOf })
    const run = await club.staff('POST', '/charge-runs', { asOf, idempotencyKey: preview.idempotencyKey })
    const during = await Promise.all(club.memberships.map((m) => club.staff('GET', `/memberships/${m.id}/account`)))
    const totalDuring = during.reduce((sum, a) => sum + a.balance, 0)
    const totalBefore = before.reduce((sum, b) => sum + b.account.balance, 0)
    expect(totalBefore - totalDuring).toBe(preview.total) // the run moved exactly its total
    const charges: { id: string; membershipId: string; amount: number; open: number }[] = (
      await club.staff('GET', `/charge-runs/${run.id}`)
    ).postings
    let dependsOnRun = false
    if (s.action !== 'none' && charges.length > 0) {
      const charge = charges[s.pick % charges.length]!
      if (s.action === 'reverse') {
        await club.staff('POST', `/postings/${charge.id}/reverse`, {})
        dependsOnRun = true
      } else if (s.action === 'write-off') {
        const plan = await club.staff('POST', '/write-offs/preview', {})
        await club.staff('POST', '/write-offs', { criteria: {}, idempotencyKey: plan.idempotencyKey })
        dependsOnRun = plan.items.some((i: { debitId: string }) => charges.some((c) => c.id === i.debitId))
      } else {
        // A payment of the charge's member, allocated by hand to this charge (as much as both allow).
        const credit = await club.staff('POST', `/memberships/${charge.membershipId}/postings`, {
          accountId: club.accounts.bank.id,
          date: asOf,
          amount: 1,
        })
        const open = (await club.staff('GET', `/memberships/${charge.membershipId}/account`)).postings.find(
          (p: { id: string }) => p.id === charge.id,
        ).open
        const parts = open > 0 ? [{ debitId: charge.id, amount: 1 }] : []
        await club.staff('PUT', `/postings/${credit.id}/allocations`, { parts })
        dependsOnRun = parts.length > 0
      }
    }
    const beforeUndo = await snapshot()
    const undo = await server.call('POST', `/organisations/${club.org}/charge-runs/${run.id}/undo`, { apiKey: club.apiKey })
    if (dependsOnRun) {
      // Refused with its own code, and nothing changed.
      expect(undo).toMatchObject({ status: 409, json: { code: 'CHARGE_RUN_HAS_DEPENDANTS' } })
      expect(await snapshot()).toEqual(beforeUndo)
      return
    }
    expect(undo.status).toBe(200)
    const after = await snapshot()
    for (const [i, m] of club.memberships.entries()) {
      // The run's charges are gone, and with them exactly their amount; open debt still equals minus the balance.
      const runTotal = charges.filter((c) => c.membershipId === m.id).reduce((sum, c) => sum + c.amount, 0)
      expect(after[i]!.account.balance + 0).toBe(beforeUndo[i]!.account.balance - runTotal + 0) // + 0: no -0
      expect(after[i]!.account.postings.some((p: { id: string }) => charges.some((c) => c.id === p.id))).toBe(false)
      const open = after[i]!.account.postings.reduce(
        (sum: number, p: { amount: number; open: number }) => sum + (p.amount < 0 ? p.open : -p.open),
        0,
      )
      expect(open + 0).toBe(-after[i]!.account.balance + 0)
    }
    if (s.action === 'none') expect(after).toEqual(before)
  })
})
