import type { IncomingMessage } from 'node:http'
import {
  createRequestHandler,
  createMemoryRateLimiter,
  createPostgresStorage,
  openPglite,
  provisionOrganisation,
  deliverQueuedMail,
  systemClock,
} from '@vereinskit/server-adapter'
import { buildStandalone } from '../build-standalone'
import { startSmtpSink } from '../../server-adapter/test/smtp-sink'
import { provisionBookingOffice } from './booking-office'

/** The part of a Koa context the middleware uses (the dev server of @web/test-runner is Koa). */
interface KoaContext {
  url: string
  method: string
  host: string
  ip: string
  req: IncomingMessage
  status: number
  body: unknown
  set(name: string, value: string): void
}

/**
 * Mounts the real vereinskit API (on in-memory PGlite) under `/api` of the test runner's server, plus
 * `POST /api-test/organisations` that provisions a fresh demo club and returns its id and staff key,
 * `POST /api-test/booking-offices` that provisions a club taking online bookings (see `provisionBookingOffice`),
 * and `POST /api-test/mail?to=…` that sends the queued e-mails to a local SMTP sink and answers what arrived there
 * for that address (subject, text, attachments with their text).
 */
export async function createApiMiddleware() {
  const connection = await openPglite()
  await connection.migrate()
  const storage = createPostgresStorage(connection)
  const handler = createRequestHandler({
    storage,
    basePath: '/api',
    rateLimiter: createMemoryRateLimiter({ limit: 1000, windowSeconds: 60 }),
  })

  const standalone = await buildStandalone()
  const sink = await startSmtpSink()

  return async function apiMiddleware(ctx: KoaContext, next: () => Promise<void>) {
    const module = /^\/standalone\/([a-z-]+)\.js$/.exec(ctx.url)
    if (module && standalone[module[1]!]) {
      ctx.set('content-type', 'text/javascript; charset=utf-8')
      ctx.body = standalone[module[1]!]
      return
    }
    if (ctx.url.startsWith('/api-test/organisations') && ctx.method === 'POST') {
      const closed = ctx.url.includes('closed=1')
      const { organisation, apiKey } = await provisionOrganisation(storage, {
        name: 'TSV Beispielstadt 1896 e.V.',
        creditorId: 'DE98ZZZ09999999999',
        privacyNoticeUrl: 'https://tsv-beispielstadt.example/datenschutz',
        membershipNumberRange: { from: 1000, to: 9999 },
      })
      const adults = await storage.forOrganisation(organisation.id).feeClassGroups.create({
        name: 'Erwachsene',
        description: '96 € im Jahr',
        offeredOnline: !closed,
        isDefault: true,
      })
      await storage.forOrganisation(organisation.id).feeClassGroups.create({
        name: 'Jugend',
        description: '48 € im Jahr',
        offeredOnline: !closed,
        isDefault: false,
      })
      ctx.set('content-type', 'application/json')
      ctx.body = JSON.stringify({ organisationId: organisation.id, apiKey, defaultGroupId: adults.id })
      return
    }
    if (ctx.url.startsWith('/api-test/booking-offices') && ctx.method === 'POST') {
      ctx.set('content-type', 'application/json')
      ctx.body = JSON.stringify(await provisionBookingOffice(storage, handler, ctx.host))
      return
    }
    if (ctx.url.startsWith('/api-test/mail') && ctx.method === 'POST') {
      const to = new URL(ctx.url, 'http://test').searchParams.get('to') ?? ''
      await deliverQueuedMail(storage, { smtp: sink.smtp, from: 'termine@mieterverein.example' }, systemClock)
      const mails = sink.received
        .filter((m) => JSON.stringify(m.to ?? '').includes(to))
        .map((m) => ({
          subject: m.subject,
          text: m.text,
          attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, text: a.content.toString('utf8') })),
        }))
      ctx.set('content-type', 'application/json')
      ctx.body = JSON.stringify(mails)
      return
    }
    if (!ctx.url.startsWith('/api/')) return next()
    const chunks: Buffer[] = []
    for await (const chunk of ctx.req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(ctx.req.headers)) if (typeof value === 'string') headers.set(name, value)
    const request = new Request(`http://${ctx.host}${ctx.url}`, {
      method: ctx.method,
      headers,
      ...(chunks.length > 0 && { body: Buffer.concat(chunks) }),
    })
    const response = await handler(request, { clientAddress: ctx.ip })
    ctx.status = response.status
    response.headers.forEach((value, name) => ctx.set(name, value))
    ctx.body = Buffer.from(await response.arrayBuffer())
  }
}
