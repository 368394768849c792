import { expect, it } from 'vitest'
import { describeStore } from './storage-contract'

const at = new Date('2026-05-01T10:00:00Z')
const seconds = (n: number) => new Date(at.getTime() + n * 1000)

describeStore('run progress', (s) => {
  it('keeps progress per organisation and key, the latest write winning', async () => {
    const club = await s.club()
    const other = await s.club()
    expect(await club.store.runProgress.find('charge-k')).toEqual({ phase: 'unknown', done: 0, total: 0 })
    await club.store.runProgress.set('charge', 'charge-k', { phase: 'applying', done: 10, total: 20 }, at)
    await club.store.runProgress.set('charge', 'charge-k', { phase: 'applying', done: 20, total: 20 }, seconds(1))
    expect(await club.store.runProgress.find('charge-k')).toEqual({ phase: 'applying', done: 20, total: 20 })
    expect(await club.store.runProgress.find('charge-other')).toEqual({ phase: 'unknown', done: 0, total: 0 })
    expect(await other.store.runProgress.find('charge-k')).toEqual({ phase: 'unknown', done: 0, total: 0 })
  })

  it('finds a run’s progress by its key alone, within the organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    await club.store.runProgress.set('invoice', 'invoice-abc', { phase: 'done', done: 3, total: 3 }, at)
    expect(await club.store.runProgress.find('invoice-abc')).toEqual({ phase: 'done', done: 3, total: 3 })
    expect(await other.store.runProgress.find('invoice-abc')).toEqual({ phase: 'unknown', done: 0, total: 0 })
  })

  it('is readable while the run’s transaction is still open', async () => {
    const club = await s.club()
    await club.store.transaction(async (tx) => {
      await tx.runProgress.set('charge', 'open', { phase: 'applying', done: 1, total: 2 }, at)
      expect(await club.store.runProgress.find('open')).toEqual({ phase: 'applying', done: 1, total: 2 })
    })
  })
})

describeStore('rate limit', (s) => {
  it('counts attempts in a fixed window and starts a new window when it has passed', async () => {
    const limits = s.storage().rateLimits
    const key = `org|203.0.113.${Math.floor(Math.random() * 250)}`
    expect(await limits.hit(key, at, 600)).toEqual({ count: 1, startedAt: at })
    expect(await limits.hit(key, seconds(599), 600)).toEqual({ count: 2, startedAt: at })
    expect(await limits.hit(`${key}-other`, seconds(1), 600)).toMatchObject({ count: 1 })
    expect(await limits.hit(key, seconds(600), 600)).toEqual({ count: 1, startedAt: seconds(600) })
  })

  it('peeks at the open window without counting', async () => {
    const limits = s.storage().rateLimits
    const key = `peek|203.0.113.${Math.floor(Math.random() * 250)}`
    expect(await limits.peek(key, at, 600)).toEqual({ count: 0, startedAt: at })
    await limits.hit(key, at, 600)
    expect(await limits.peek(key, seconds(10), 600)).toEqual({ count: 1, startedAt: at })
    expect(await limits.peek(key, seconds(10), 600)).toEqual({ count: 1, startedAt: at })
    expect(await limits.peek(key, seconds(600), 600)).toEqual({ count: 0, startedAt: seconds(600) })
  })

  it('drops windows that ended', async () => {
    const limits = s.storage().rateLimits
    await limits.hit('old|198.51.100.1', at, 600)
    await limits.hit('new|198.51.100.2', seconds(500), 600)
    expect(await limits.clearExpired(seconds(700), 600)).toBeGreaterThanOrEqual(1)
    expect(await limits.hit('old|198.51.100.1', seconds(700), 600)).toMatchObject({ count: 1 })
    expect(await limits.hit('new|198.51.100.2', seconds(700), 600)).toMatchObject({ count: 2 })
  })
})

describeStore('daily job', (s) => {
  it('lets a job claim an organisation’s day once; a failed claim leaves the day free', async () => {
    const club = await s.club()
    const other = await s.club()
    await expect(
      club.store.transaction(async (tx) => {
        expect(await tx.dailyJobs.claim('successor-switch', '2026-05-01', at)).toBe(true)
        throw new Error('job failed')
      }),
    ).rejects.toThrow('job failed')
    expect(await club.store.dailyJobs.claim('successor-switch', '2026-05-01', at)).toBe(true)
    expect(await club.store.dailyJobs.claim('successor-switch', '2026-05-01', seconds(5))).toBe(false)
    expect(await club.store.dailyJobs.claim('successor-switch', '2026-05-02', seconds(5))).toBe(true)
    expect(await club.store.dailyJobs.claim('other-job', '2026-05-01', at)).toBe(true)
    expect(await other.store.dailyJobs.claim('successor-switch', '2026-05-01', at)).toBe(true)
    expect(await club.store.dailyJobs.count('successor-switch')).toBe(2)
  })
})
