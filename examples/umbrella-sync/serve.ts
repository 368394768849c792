// `npm start`: one vereinskit server (embedded PostgreSQL, data in ./.data) holding a Landesverband and two member
// clubs, plus a fake national member database as a process of its own, and the story of walkthrough.ts told once.
// `npm run walkthrough` tells it on a fresh in-memory database and exits. PORT changes the port (default 3100).
import { createServer } from 'node:http'
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createPostgresStorage, createRequestHandler, openPglite, startScheduler, systemClock } from '@vereinskit/server-adapter'
import { toNodeListener } from '@vereinskit/server-adapter/node'
import { startNationalDatabase } from './national-database'
import { walkthrough } from './walkthrough'

const once = process.argv.includes('--once')
const here = fileURLToPath(new URL('.', import.meta.url))
const port = Number(process.env.PORT ?? 3100)
const dataDir = process.env.VK_DATA_DIR ?? `${here}.data`
if (!once) mkdirSync(dataDir, { recursive: true })

const nationalDatabase = await startNationalDatabase()
const connection = await openPglite(once ? {} : { dataDir: `${dataDir}/pglite` })
await connection.migrate()
const storage = createPostgresStorage(connection)
// The secret that seals connector credentials: set VK_SECRET_KEY in earnest; the demo's is public.
const integration = { secretKey: process.env.VK_SECRET_KEY ?? 'demo-secret-key-not-for-production' }
const api = createRequestHandler({ storage, basePath: '/api', memberDatabase: integration })
const log = (line: string) => console.log(`  ${line}`)

if ((await storage.organisations.list()).length === 0) {
  console.log('The story (walkthrough.ts):')
  const story = await walkthrough({ storage, api, integration, nationalDatabase: nationalDatabase.url, log })
  console.log(`\nStaff key of the Landesverband's administrator: ${story.adminKey}`)
  console.log(
    `Try: curl -H "Authorization: Bearer ${story.adminKey}" http://localhost:${port}/api/organisations/${story.parent.id}/structure`,
  )
} else console.log('Using the data in', dataDir, '(delete it to tell the story again).')

if (once) {
  nationalDatabase.stop()
  await connection.close()
} else {
  // Sends the outbox within seconds and pulls every 10 minutes, as a server in production does.
  const scheduler = await startScheduler({ connection, storage, clock: systemClock, memberDatabase: integration })
  const server = createServer(toNodeListener(api)).listen(port, () => console.log(`\nAPI on http://localhost:${port}/api (Ctrl-C stops)`))
  process.on('SIGINT', async () => {
    server.close()
    await scheduler.stop()
    nationalDatabase.stop()
    await connection.close()
    process.exit(0)
  })
}
