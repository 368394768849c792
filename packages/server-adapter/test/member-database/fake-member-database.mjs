// A stand-alone fake of a national member database, run as its own process by the tests: the REST interface the
// reference connector speaks, with faults injected on request (500s, timeouts after applying, answers dropped after
// applying, change feeds delivered twice). It records how often each idempotency key was applied.
import { createServer } from 'node:http'

// Users are local groups: each sees only its own members (the scope of a link is the group's members, MIDA-11).
// Besides the configured users, any `gruppe-…` user with the password `geheim` has write rights.
const users = JSON.parse(process.env.FAKE_MDB_USERS ?? '{}')
const records = new Map() // id → { group, record, version, deleted }
const log = [] // { seq, id }
const idempotent = new Map() // key → { status, body }
const applied = new Map() // key → times applied
let faults = { failRate: 0, timeoutRate: 0, dropRate: 0, duplicateRate: 0, timeoutMs: 2000 }
let seed = 1
let nextId = 1
let seq = 0
let calls = 0

const random = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
}
const now = () => new Date().toISOString()

function change(id) {
  const entry = records.get(id)
  entry.version += 1
  entry.changedAt = now()
  seq += 1
  log.push({ seq, id })
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    let text = ''
    request.on('data', (chunk) => (text += chunk))
    request.on('end', () => {
      try {
        resolve(text === '' ? undefined : JSON.parse(text))
      } catch (error) {
        reject(error)
      }
    })
  })
}

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'application/json' })
  response.end(body === undefined ? '' : JSON.stringify(body))
}

function authorised(request) {
  const header = request.headers.authorization ?? ''
  const [user, password] = Buffer.from(header.replace(/^Basic /, ''), 'base64')
    .toString()
    .split(':')
  const found = users[user] ?? (user?.startsWith('gruppe-') ? { password: 'geheim', rights: 'write' } : undefined)
  return found && found.password === password ? { ...found, group: user } : undefined
}

// The member database's own operations, shared by the API and the admin routes (edits made by its users).
const operations = {
  create(record, group) {
    const id = `MID-${nextId++}`
    records.set(id, { group, record: clean(record), version: 0, deleted: false })
    change(id)
    return { status: 201, body: { id } }
  },
  update(id, fields, group) {
    const entry = records.get(id)
    if (!entry || entry.deleted || (group && entry.group !== group)) return { status: 404, body: { error: 'not found' } }
    entry.record = clean({ ...entry.record, ...fields })
    change(id)
    return { status: 200, body: { id } }
  },
  remove(id, group) {
    const entry = records.get(id)
    if (!entry || entry.deleted || (group && entry.group !== group)) return { status: 404, body: { error: 'not found' } }
    entry.deleted = true
    change(id)
    return { status: 204, body: undefined }
  },
}

function clean(record) {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([, v]) => v !== null && v !== undefined))
}

async function api(request, response, url) {
  const user = authorised(request)
  if (!user) return send(response, 401, { error: 'unauthorised' })
  calls += 1
  if (random() < faults.failRate) return send(response, 500, { error: 'injected failure' })
  const write = request.method !== 'GET'
  if (write && user.rights === 'read') return send(response, 403, { error: 'read only' })
  let result
  const body = await readBody(request)
  const key = request.headers['idempotency-key']
  if (write && key && idempotent.has(key)) result = idempotent.get(key)
  else if (request.method === 'GET' && url.pathname === '/rights') result = { status: 200, body: { rights: user.rights } }
  else if (request.method === 'GET' && url.pathname === '/member-ids') {
    result = { status: 200, body: { ids: [...records].filter(([, e]) => !e.deleted && e.group === user.group).map(([id]) => id) } }
  } else if (request.method === 'GET' && url.pathname === '/changes') {
    const since = Number(url.searchParams.get('since') ?? 0)
    const page = log.filter((l) => l.seq > since && records.get(l.id).group === user.group).slice(0, 50)
    const ids = [...new Set(page.map((l) => l.id))]
    let changes = ids.map((id) => {
      const e = records.get(id)
      return { remoteId: id, record: e.deleted ? null : e.record, version: e.version, changedAt: e.changedAt }
    })
    // A duplicated delivery: the same entries again, and the cursor does not move this time.
    const duplicate = random() < faults.duplicateRate
    if (duplicate) changes = [...changes, ...changes]
    const cursor = page.length === 0 || duplicate ? (url.searchParams.get('since') ?? null) : String(page.at(-1).seq)
    result = { status: 200, body: { changes, cursor } }
  } else if (request.method === 'POST' && url.pathname === '/members') result = operations.create(body, user.group)
  else if (request.method === 'PATCH' && url.pathname.startsWith('/members/'))
    result = operations.update(decodeURIComponent(url.pathname.slice(9)), body, user.group)
  else if (request.method === 'DELETE' && url.pathname.startsWith('/members/'))
    result = operations.remove(decodeURIComponent(url.pathname.slice(9)), user.group)
  else result = { status: 404, body: { error: 'no route' } }
  if (write && key && !idempotent.has(key) && result.status < 500) {
    idempotent.set(key, result)
    applied.set(key, (applied.get(key) ?? 0) + 1)
  }
  // Faults after the work is done: the caller cannot tell whether it happened.
  if (random() < faults.dropRate) return request.socket.destroy()
  if (random() < faults.timeoutRate) await new Promise((resolve) => setTimeout(resolve, faults.timeoutMs))
  send(response, result.status, result.body)
}

async function admin(request, response, url) {
  const body = await readBody(request)
  if (url.pathname === '/_faults') {
    faults = { ...faults, ...body }
    if (body.seed !== undefined) seed = body.seed
    return send(response, 200, faults)
  }
  if (url.pathname === '/_state') {
    const live = Object.fromEntries([...records].filter(([, e]) => !e.deleted).map(([id, e]) => [id, e.record]))
    return send(response, 200, { records: live, applied: Object.fromEntries(applied), calls })
  }
  if (request.method === 'POST' && url.pathname === '/_members') {
    const { group, ...record } = body
    return send(response, 201, operations.create(record, group).body)
  }
  const id = decodeURIComponent(url.pathname.slice('/_members/'.length))
  if (request.method === 'PATCH') return send(response, 200, operations.update(id, body).body)
  if (request.method === 'DELETE') return send(response, 200, operations.remove(id).body ?? {})
  send(response, 404, {})
}

const server = createServer((request, response) => {
  const url = new URL(request.url, 'http://fake')
  const handle = url.pathname.startsWith('/_') ? admin : api
  handle(request, response, url).catch((error) => send(response, 400, { error: String(error) }))
})
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`)
})
