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
  })

  test.prop([scenario], { numRuns: 8 })('balances, open amounts and allocations are as before', async (s) => {
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
    await club.staff('POST', `/charge-runs/${run.id}/undo`)
    expect(await snapshot()).toEqual(before)
  })
})
