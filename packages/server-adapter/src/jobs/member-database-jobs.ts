import { calendarDateAt } from '@vereinskit/core'
import type { Clock } from '../clock'
import type { Storage } from '../storage/storage'
import type { MemberDatabaseIntegration } from '../capabilities/member-database/member-database-integration'
import { dispatchOutbox } from '../capabilities/member-database/push-member-changes'
import { pullMemberDatabase } from '../capabilities/member-database/pull-member-database'

/**
 * Sends every linked organisation's outbox. Safe on several instances at once: a member is sent under its row
 * lock (others skip it). A failure is reported and the other organisations go on.
 */
export async function pushMemberDatabases(
  storage: Storage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  onError?: (error: unknown, organisationId: string | null, job: string) => void,
): Promise<void> {
  for (const organisation of await storage.organisations.list()) {
    const own = storage.forOrganisation(organisation.id)
    if (!(await own.memberDatabase.getLink())) continue
    await dispatchOutbox(own, integration, clock).catch((error: unknown) => onError?.(error, organisation.id, 'member-database-push'))
  }
}

/** Pulls every linked organisation whose interval has passed; a pull is claimed per organisation. */
export async function pullMemberDatabases(
  storage: Storage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  onError?: (error: unknown, organisationId: string | null, job: string) => void,
): Promise<void> {
  for (const organisation of await storage.organisations.list()) {
    const own = storage.forOrganisation(organisation.id)
    if (!(await own.memberDatabase.getLink())) continue
    await pullMemberDatabase(own, integration, clock, calendarDateAt(clock.now(), organisation.timeZone)).catch((error: unknown) =>
      onError?.(error, organisation.id, 'member-database-pull'),
    )
  }
}

/** One round of both, now (tests, a cron outside). */
export async function runMemberDatabaseSync(
  storage: Storage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  onError?: (error: unknown, organisationId: string | null, job: string) => void,
): Promise<void> {
  await pushMemberDatabases(storage, integration, clock, onError)
  await pullMemberDatabases(storage, integration, clock, onError)
}
