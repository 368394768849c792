import { calendarDateAt } from '@vereinskit/core'
import type { Clock } from '../clock'
import type { OrganisationStorage, Storage } from '../storage/storage'
import type { MemberDatabaseIntegration } from '../capabilities/member-database/member-database-integration'
import { dispatchOutbox } from '../capabilities/member-database/push-member-changes'
import { pullMemberDatabase } from '../capabilities/member-database/pull-member-database'

type OnError = (error: unknown, organisationId: string | null, job: string) => void

/** Runs `work` for every organisation with a member database link; a failure is reported and the others go on. */
async function forEachLinked(
  storage: Storage,
  job: string,
  onError: OnError | undefined,
  work: (own: OrganisationStorage, timeZone: string) => Promise<unknown>,
) {
  for (const organisation of await storage.organisations.list()) {
    const own = storage.forOrganisation(organisation.id)
    if (!(await own.memberDatabase.getLink())) continue
    await work(own, organisation.timeZone).catch((error: unknown) => onError?.(error, organisation.id, job))
  }
}

/** Sends every linked organisation's outbox; safe on several instances at once (a member is sent under its row lock). */
export async function pushMemberDatabases(
  storage: Storage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  onError?: OnError,
): Promise<void> {
  await forEachLinked(storage, 'member-database-push', onError, (own) => dispatchOutbox(own, integration, clock))
}

/** Pulls every linked organisation whose interval has passed; a pull is claimed per organisation. */
export async function pullMemberDatabases(
  storage: Storage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  onError?: OnError,
): Promise<void> {
  await forEachLinked(storage, 'member-database-pull', onError, (own, timeZone) =>
    pullMemberDatabase(own, integration, clock, calendarDateAt(clock.now(), timeZone)),
  )
}

/** One round of both, now (tests, a cron outside). */
export async function runMemberDatabaseSync(
  storage: Storage,
  integration: MemberDatabaseIntegration | undefined,
  clock: Clock,
  onError?: OnError,
): Promise<void> {
  await pushMemberDatabases(storage, integration, clock, onError)
  await pullMemberDatabases(storage, integration, clock, onError)
}
