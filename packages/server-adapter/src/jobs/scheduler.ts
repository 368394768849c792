import { calendarDateAt } from '@vereinskit/core'
import type { Clock } from '../clock'
import type { Storage } from '../storage/storage'
import { runSuccessorSwitch } from './successor-switch'

/** A running scheduler; `runDue` is what each tick does (tests call it directly). */
export interface Scheduler {
  runDue(): Promise<void>
  stop(): void
}

/**
 * Runs the daily jobs — today the fee-class successor switch (D6) — once per organisation and calendar day in that
 * organisation's time zone. Missed days need no catching up: the jobs themselves catch up and are idempotent.
 */
export function startScheduler(options: {
  storage: Storage
  clock: Clock
  /** How often to look for due work; default one hour. */
  intervalMs?: number
  onError?: (error: unknown, organisationId: string) => void
}): Scheduler {
  const lastRun = new Map<string, string>()
  let running: Promise<void> | undefined
  const runDue = async () => {
    for (const organisation of await options.storage.organisations.list()) {
      const today = calendarDateAt(options.clock.now(), organisation.timeZone)
      if (lastRun.get(organisation.id) === today) continue
      try {
        await runSuccessorSwitch(options.storage, organisation.id, today)
        lastRun.set(organisation.id, today)
      } catch (error) {
        options.onError?.(error, organisation.id)
      }
    }
  }
  const timer = setInterval(() => {
    running ??= runDue().finally(() => (running = undefined))
  }, options.intervalMs ?? 3_600_000)
  timer.unref?.()
  return { runDue, stop: () => clearInterval(timer) }
}
