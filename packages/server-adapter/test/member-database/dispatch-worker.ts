// A server instance's member database work as a process of its own, for the test that kills it mid-call:
// `tsx dispatch-worker.ts <database url> <organisation id>` sends and pulls in a loop until it is killed.
import { calendarDateAt } from '@vereinskit/core'
import { openPostgres } from '../../src/storage/open-postgres'
import { createPostgresStorage } from '../../src/storage/create-postgres-storage'
import { dispatchOutbox } from '../../src/capabilities/member-database/push-member-changes'
import { pullMemberDatabase } from '../../src/capabilities/member-database/pull-member-database'

const [url, organisationId, secretKey, nowText] = process.argv.slice(2) as [string, string, string, string]
const connection = await openPostgres({ connectionString: url })
const storage = createPostgresStorage(connection).forOrganisation(organisationId)
const clock = { now: () => new Date(nowText) }
const integration = { secretKey, timeoutMs: 150 }
process.stdout.write('READY\n')
for (;;) {
  await dispatchOutbox(storage, integration, clock).catch(() => undefined)
  await pullMemberDatabase(storage, integration, clock, calendarDateAt(clock.now(), 'Europe/Berlin'), { force: true }).catch(
    () => undefined,
  )
}
