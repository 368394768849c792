import { describe, expect, it } from 'vitest'
import { engines } from '../engines'
import { aClubWithFees, withSuccessorClass } from '../money-fixtures'
import { startScheduler } from '../../src/jobs/scheduler'
import { useServer } from './harness'

const [pglite] = engines()

describe('daily jobs', () => {
  const server = useServer(pglite!, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })

  it('switch members to successor classes on the day, once per organisation and day', async () => {
    const club = await aClubWithFees(server)
    const successor = await withSuccessorClass(club)
    let now = new Date('2026-12-30T12:00:00Z')
    const scheduler = await startScheduler({
      connection: server.connection,
      storage: server.storage,
      clock: { now: () => now },
      intervalMs: 3_600_000,
    })
    const classes = async () =>
      (await club.staff('GET', `/memberships/${club.memberships[0]!.id}/fee-assignments`)).items.map(
        (a: { feeClassId: string }) => a.feeClassId,
      )
    try {
      await scheduler.runDue()
      expect(await classes()).toEqual([club.feeClass.id])
      now = new Date('2026-12-30T23:30:00Z') // 00:30 on 31 December in Berlin: the class's last valid day
      await scheduler.runDue()
      expect(await classes()).toEqual([club.feeClass.id, successor.id])
      await scheduler.runDue()
      expect(await classes()).toEqual([club.feeClass.id, successor.id])
    } finally {
      await scheduler.stop()
    }
  })
})
