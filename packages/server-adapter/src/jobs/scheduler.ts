import PgBoss from 'pg-boss'
import { capabilities } from '../capabilities'
import type { Clock } from '../clock'
import type { DatabaseConnection } from '../storage/database'
import type { Storage } from '../storage/storage'
import { dailyJobsOf, runDailyJobs } from './daily-jobs'
import { deliverQueuedMail, type MailSettings } from '../capabilities/correspondence/deliver-mail'
import { runFrequentJobs } from './frequent-jobs'
import { pullMemberDatabases, pushMemberDatabases, runMemberDatabaseSync } from './member-database-jobs'
import type { MemberDatabaseIntegration } from '../capabilities/member-database/member-database-integration'

/** A running scheduler. */
export interface Scheduler {
  /** Runs the due daily jobs now, here (tests, or a cron outside); each runs once per organisation and day. */
  runDue(): Promise<number>
  /** Runs the every-minute work now, here: frequent jobs (appointment reminders), then the mailer. */
  runFrequent(): Promise<void>
  /** Sends the member database outbox and pulls where due, now, here. */
  runMemberDatabaseSync(): Promise<void>
  /** Queues one tick for whichever instance's worker takes it first (PostgreSQL); runs it here on PGlite. */
  trigger(): Promise<void>
  stop(): Promise<void>
}

/** The pg-boss queue the daily tick runs on; pg-boss keeps one schedule for it however many instances register. */
const dailyQueue = 'vereinskit-daily'
/** The queue the mailer runs on, every minute. */
const mailQueue = 'vereinskit-mail'
// Arbitrary constant: the advisory lock vereinskit instances take while starting the job queue.
const jobQueueInstallLockKey = 720_415_002
/** Public rate-limit windows are ten minutes; older ones are dropped on each tick. */
const rateLimitWindowSeconds = 600

/**
 * Starts the daily jobs of every capability (today the successor switch of fee classes). On PostgreSQL they run on
 * pg-boss: one cron schedule shared by every instance, a tick every 15 minutes, delivered to one worker; claiming
 * the day per organisation makes each job run exactly once however the ticks land. On embedded PGlite (one process)
 * the same jobs run on a timer in this process.
 * @example const scheduler = await startScheduler({ connection, storage, clock: systemClock })
 */
export async function startScheduler(options: {
  connection: DatabaseConnection
  storage: Storage
  clock: Clock
  /** PGlite only: how often to look for due work; default 15 minutes. */
  intervalMs?: number
  /** Sends queued e-mails (letters, appointment confirmations and reminders) every minute; without it they wait in the outbox. */
  mail?: MailSettings
  /** PGlite only: how often to send queued e-mails; default one minute. */
  mailIntervalMs?: number
  /** External member databases (the same settings as the request handler's). */
  memberDatabase?: MemberDatabaseIntegration
  /**
   * How often every instance looks at the member database outbox (and whether a pull is due); default one second,
   * so a change reaches the member database within the push SLA of five seconds (docs/decisions/0023#push).
   */
  memberDatabaseIntervalMs?: number
  onError?: (error: unknown, organisationId: string | null, job: string) => void
}): Promise<Scheduler> {
  const jobs = dailyJobsOf(capabilities)
  const tick = async () => {
    await options.storage.rateLimits
      .clearExpired(options.clock.now(), rateLimitWindowSeconds)
      .catch((error: unknown) => options.onError?.(error, null, 'rate-limit-cleanup'))
    return runDailyJobs(options.storage, options.clock, jobs, options.onError)
  }
  const { mail } = options
  const frequent = capabilities.flatMap((c) => c.frequentJobs ?? [])
  const sendMail = async () => {
    await runFrequentJobs(options.storage, options.clock, frequent, options.onError)
    if (mail)
      await deliverQueuedMail(options.storage, mail, options.clock).catch((error: unknown) => options.onError?.(error, null, mailQueue))
  }

  // The outbox is a queue table of its own: every instance polls it, and a member's row lock hands each change to
  // exactly one of them. It runs the same on both engines.
  // Pushes and pulls run on timers of their own, so a slow pull never holds the pushes past their SLA.
  const syncMemberDatabases = () => runMemberDatabaseSync(options.storage, options.memberDatabase, options.clock, options.onError)
  let pushing: Promise<unknown> | undefined
  let pulling: Promise<unknown> | undefined
  const pushTimer = setInterval(() => {
    pushing ??= pushMemberDatabases(options.storage, options.memberDatabase, options.clock, options.onError).finally(
      () => (pushing = undefined),
    )
  }, options.memberDatabaseIntervalMs ?? 1000)
  const pullTimer = setInterval(() => {
    pulling ??= pullMemberDatabases(options.storage, options.memberDatabase, options.clock, options.onError).finally(
      () => (pulling = undefined),
    )
  }, 15_000)
  pushTimer.unref?.()
  pullTimer.unref?.()
  const stopSync = async () => {
    clearInterval(pushTimer)
    clearInterval(pullTimer)
    await pushing
    await pulling
  }

  if (options.connection.engine === 'postgres') {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => options.connection.executeSql(text, values) as Promise<{ rows: never[] }> },
      schema: 'pgboss',
    })
    boss.on('error', (error) => options.onError?.(error, null, dailyQueue))
    // Instances starting at once would race to install pg-boss's schema: they take turns.
    await options.connection.exclusively(jobQueueInstallLockKey, async () => {
      await boss.start()
      await boss.createQueue(dailyQueue)
      await boss.schedule(dailyQueue, '*/15 * * * *')
      await boss.createQueue(mailQueue)
      await boss.schedule(mailQueue, '* * * * *')
    })
    await boss.work(dailyQueue, { pollingIntervalSeconds: 0.5 }, async () => void (await tick()))
    await boss.work(mailQueue, { pollingIntervalSeconds: 0.5 }, sendMail)
    return {
      runDue: tick,
      runFrequent: sendMail,
      runMemberDatabaseSync: syncMemberDatabases,
      trigger: async () => void (await boss.send(dailyQueue, {})),
      stop: async () => {
        await stopSync()
        await boss.stop({ graceful: true, wait: true })
      },
    }
  }

  let running: Promise<unknown> | undefined
  const timer = setInterval(() => {
    running ??= tick().finally(() => (running = undefined))
  }, options.intervalMs ?? 900_000)
  timer.unref?.()
  let sending: Promise<unknown> | undefined
  const mailTimer = setInterval(() => {
    sending ??= sendMail().finally(() => (sending = undefined))
  }, options.mailIntervalMs ?? 60_000)
  mailTimer?.unref?.()
  return {
    runDue: tick,
    runFrequent: sendMail,
    runMemberDatabaseSync: syncMemberDatabases,
    trigger: async () => void (await tick()),
    async stop() {
      await stopSync()
      clearInterval(timer)
      if (mailTimer) clearInterval(mailTimer)
      await running
      await sending
    },
  }
}
