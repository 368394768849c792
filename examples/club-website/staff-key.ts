// `npm run staff-key`: issues a new staff API key for the demo club (stop the demo first: it holds the data folder).
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { createPostgresStorage, issueStaffApiKey, openPglite } from '@vereinskit/server-adapter'

const here = fileURLToPath(new URL('.', import.meta.url))
const dataDir = process.env.VK_DATA_DIR ?? `${here}.data`
const { organisationId } = JSON.parse(readFileSync(`${dataDir}/demo-club.json`, 'utf8')) as { organisationId: string }
const connection = await openPglite({ dataDir: `${dataDir}/pglite` })
try {
  const apiKey = await issueStaffApiKey(createPostgresStorage(connection), organisationId, `demo key ${new Date().toISOString()}`)
  console.log(`New staff API key for organisation ${organisationId} (shown only now):\n  ${apiKey}`)
} finally {
  await connection.close()
}
