// `npm start`: the vereinskit API on embedded PostgreSQL (PGlite, data in ./.data) plus a club website that embeds
// the membership application form (/) and appointment booking (/termine). Set PORT to change the port and VK_DATA_DIR to keep the data elsewhere.
import { createServer } from 'node:http'
import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createPostgresStorage, createRequestHandler, openPglite, startScheduler, systemClock } from '@vereinskit/server-adapter'
import { toNodeListener } from '@vereinskit/server-adapter/node'
import { buildClubWebsite } from './build'
import { buildStandalone } from '../../packages/elements/build-standalone'
import { seedDemoClub } from './seed-demo-club'

const here = fileURLToPath(new URL('.', import.meta.url))
const port = Number(process.env.PORT ?? 3000)
const dataDir = process.env.VK_DATA_DIR ?? `${here}.data`
mkdirSync(dataDir, { recursive: true })

const started = performance.now()
const connection = await openPglite({ dataDir: `${dataDir}/pglite` })
await connection.migrate()
const databaseReady = performance.now()
const storage = createPostgresStorage(connection)
const demo = await seedDemoClub(storage, dataDir, `http://localhost:${port}/termine`)
const bundles = await buildClubWebsite()
// The same modules `npm run build` writes to packages/elements/dist/standalone/, for pages without a bundler.
const standaloneModules = await buildStandalone()
const page = readFileSync(`${here}index.html`, 'utf8').replace('__ORGANISATION_ID__', demo.organisationId)
const siteCss = readFileSync(`${here}site.css`, 'utf8')
const siteJs = readFileSync(`${here}site.js`, 'utf8')
const bookingPage = readFileSync(`${here}termine.html`, 'utf8')
  .replace('__ORGANISATION_ID__', demo.organisationId)
  .replace('__MEMBER_NUMBER__', String(demo.member?.membershipNumber ?? ''))

const favicon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4e3d"/><text x="16" y="22" font-family="sans-serif" font-size="16" font-weight="700" fill="#fff" text-anchor="middle">VK</text></svg>`

const api = createRequestHandler({
  storage,
  basePath: '/api',
  onUnexpectedError: (error, request) => console.error(`500 on ${request.method} ${request.url}`, error),
})

const scheduler = await startScheduler({
  connection,
  storage,
  clock: systemClock,
  onError: (error, organisationId, job) => console.error(`daily job ${job} failed for ${organisationId ?? 'all organisations'}`, error),
})
void scheduler.runDue()

const server = createServer(
  toNodeListener(async (request, info) => {
    const { pathname } = new URL(request.url)
    if (pathname === '/' || pathname === '/index.html')
      return new Response(page, { headers: { 'content-type': 'text/html; charset=utf-8' } })
    if (pathname === '/termine' || pathname === '/termine.html')
      return new Response(bookingPage, { headers: { 'content-type': 'text/html; charset=utf-8' } })
    if (pathname === '/site.css') return new Response(siteCss, { headers: { 'content-type': 'text/css; charset=utf-8' } })
    if (pathname === '/site.js') return new Response(siteJs, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    if (pathname === '/main.js')
      return new Response(bundles.membership.code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    if (pathname === '/booking.js')
      return new Response(bundles.booking.code, { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    if (pathname === '/favicon.svg' || pathname === '/favicon.ico')
      return new Response(favicon, { headers: { 'content-type': 'image/svg+xml' } })
    const standalone = /^\/vereinskit\/([a-z-]+)\.js$/.exec(pathname)
    if (standalone && standaloneModules[standalone[1]!]) {
      return new Response(standaloneModules[standalone[1]!], { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
    }
    return api(request, info)
  }),
)

server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use. Is the demo running already? Start another one with its own port and data: PORT=3001 VK_DATA_DIR=/tmp/vk-demo npm start`
      : error,
  )
  process.exit(1)
})

server.listen(port, () => {
  const url = `http://localhost:${port}`
  console.log(`\nvereinskit demo is running: ${url}`)
  console.log(`  PGlite ready in ${Math.round(databaseReady - started)} ms (data in ${dataDir})`)
  console.log(
    `  page bundles: membership ${(bundles.membership.gzippedBytes / 1024).toFixed(1)} KiB, appointments ${(bundles.booking.gzippedBytes / 1024).toFixed(1)} KiB min+gz`,
  )
  console.log(`  appointments: ${url}/termine`)
  if (demo.member) console.log(`    book as member ${demo.member.membershipNumber}, born ${demo.member.dateOfBirth}`)
  else console.log('    (this demo data predates appointments: delete the data folder for consultation hours)')
  console.log(`  organisation ${demo.organisationId}`)
  if (demo.apiKey) {
    console.log(`\n  Staff API key (shown only this once; delete ${dataDir} to start over):\n    ${demo.apiKey}`)
    console.log(
      `\n  List applications:\n    curl -H "Authorization: Bearer ${demo.apiKey}" ${url}/api/organisations/${demo.organisationId}/applications`,
    )
  } else {
    console.log('\n  The staff API key was printed on the first start. For a new one, stop the demo and run: npm run staff-key')
    console.log(
      `\n  List applications:\n    curl -H "Authorization: Bearer $VK_API_KEY" ${url}/api/organisations/${demo.organisationId}/applications`,
    )
  }
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close()
    void scheduler
      .stop()
      .then(() => connection.close())
      .then(() => process.exit(0))
  })
}
