import { beforeAll, describe, expect, it } from 'vitest'
import * as z from 'zod'
import { sql } from 'drizzle-orm'
import { contract, listRoutes, type RouteDefinition } from '@vereinskit/core/contract'
import { rowsOf } from '../../src/storage/rows'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
}

/** A value of the schema's shape whose every string is `text` and every number `number`. */
function shaped(schema: JsonSchema, text: string, number: number): unknown {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return shaped(alternatives.find((a) => a.type !== 'null') ?? alternatives[0]!, text, number)
  if (schema.const !== undefined || schema.enum)
    return typeof (schema.const ?? schema.enum![0]) === 'string' ? text : (schema.const ?? schema.enum![0])
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type
  if (type === 'object' || schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, shaped(value, text, number)]))
  }
  if (type === 'array') return [shaped(schema.items ?? {}, text, number)]
  if (type === 'string') return text
  if (type === 'number' || type === 'integer') return number
  if (type === 'boolean') return true
  return text
}

const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema

/**
 * Every route of the contract, hit with hostile input: NUL characters and lone surrogates in every text field,
 * unknown fields, empty changes, broken JSON, huge numbers, garbage path parameters and cursors. No answer may be
 * a 5xx, each refusal carries a code, and nothing may be written.
 */
for (const engine of engines()) {
  describe(`malformed input on every route (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })
    let club: Awaited<ReturnType<typeof aClubWithFees>>
    const ids: Record<string, string> = {}

    const fingerprint = async () => {
      const tables = [
        'organisations',
        'applications',
        'persons',
        'memberships',
        'mandates',
        'accounts',
        'payment_plans',
        'fee_classes',
        'fee_class_groups',
        'fee_class_group_items',
        'fee_assignments',
        'runs',
        'postings',
        'allocations',
        'posting_uses',
        'invoices',
      ]
      const parts = []
      for (const table of tables) {
        const [row] = await rowsOf<{ hash: string | null }>(
          server.connection.db,
          sql.raw(`select md5(string_agg(t::text, ',' order by t::text)) as hash from ${table} t`),
        )
        parts.push(`${table}:${row?.hash}`)
      }
      return parts.join('\n')
    }

    beforeAll(async () => {
      club = await aClubWithFees(server, { members: 1 })
      const preview = await club.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      const run = await club.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      const [posting] = (await club.staff('GET', `/charge-runs/${run.id}`)).postings
      const [assignment] = (await club.staff('GET', `/memberships/${club.memberships[0]!.id}/fee-assignments`)).items
      Object.assign(ids, {
        organisationId: club.org,
        membershipId: club.memberships[0]!.id,
        feeClassId: club.feeClass.id,
        paymentPlanId: club.plans.yearly.id,
        assignmentId: assignment.id,
        chargeRunId: run.id,
        invoiceRunId: run.id,
        runId: run.id,
        postingId: posting.id,
        idempotencyKey: preview.idempotencyKey,
        groupId: club.groups.adults.id,
        applicationId: '00000000-0000-4000-8000-000000000000',
      })
    })

    const pathOf = (route: RouteDefinition, override: Record<string, string> = {}) =>
      route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => override[name] ?? encodeURIComponent(ids[name] ?? 'unknown'))

    async function expectRefused(route: RouteDefinition, path: string, init: Parameters<typeof server.call>[2], label: string) {
      const response = await server.call(route.method, path, {
        apiKey: club.apiKey,
        clientAddress: `10.66.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
        ...init,
      })
      expect(response.status, `${route.method} ${path} (${label}) → ${response.text.slice(0, 300)}`).toBeLessThan(500)
      expect(response.status, `${route.method} ${path} (${label}) must be refused`).toBeGreaterThanOrEqual(400)
      if (response.json) expect(response.json.code, label).toMatch(/^[A-Z_]+$/)
      return response
    }

    for (const [name, route] of listRoutes(contract)) {
      it(`${name}: refuses hostile input with a 4xx and a code, and writes nothing`, async () => {
        const before = await fingerprint()
        const pathParams = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!).filter((p) => p !== 'organisationId')
        for (const param of pathParams) {
          for (const garbage of ['%00', '%ED%A0%80', '%E0%A4%A', 'x'.repeat(300), '00000000-0000-0000-0000-000000000000']) {
            const init = route.body ? { body: shaped(jsonSchemaOf(route.body), 'x', 1) } : {}
            // Progress of a key no run has used yet is "unknown" (a client may ask before the apply starts).
            if (name === 'chargeRuns.progress') {
              const response = await server.call(route.method, pathOf(route, { [param]: garbage }), { apiKey: club.apiKey })
              expect(response.status).toBeLessThan(500)
              if (response.status === 200) expect(response.json).toMatchObject({ phase: 'unknown' })
              continue
            }
            await expectRefused(route, pathOf(route, { [param]: garbage }), init, `${param}=${garbage}`)
          }
        }
        if (route.body) {
          const schema = jsonSchemaOf(route.body)
          for (const text of ['a\u0000b', '\uD800', 'x\uDC00y']) {
            const response = await expectRefused(route, pathOf(route), { body: shaped(schema, text, 1) }, `text ${JSON.stringify(text)}`)
            if (JSON.stringify(schema).includes('"string"') && response.status === 422) {
              expect(JSON.stringify(response.json.errors ?? [])).toContain('text-not-allowed')
            }
          }
          for (const rawBody of [
            '{"a":',
            '[]',
            'null',
            '"x"',
            '123',
            '{"__proto__":{"admin":true}}',
            `${'['.repeat(5000)}${']'.repeat(5000)}`,
          ]) {
            await expectRefused(route, pathOf(route), { rawBody }, `raw ${rawBody.slice(0, 20)}`)
          }
          for (const number of [1e300, -1e300, 2 ** 60, -(2 ** 53) - 2, 0.5]) {
            await expectRefused(route, pathOf(route), { body: shaped(schema, '\u0000', number) }, `number ${number}`)
          }
          const unknown = await expectRefused(route, pathOf(route), { body: { zzUnknownField: 'x' } }, 'unknown field')
          expect(unknown.status).toBe(422)
          if (route.method === 'PATCH') {
            const empty = await expectRefused(route, pathOf(route), { body: {} }, 'empty change')
            expect(empty.json.errors).toEqual([expect.objectContaining({ code: 'empty-change' })])
          }
        }
        if (route.query) {
          const keys = Object.keys((jsonSchemaOf(route.query).properties ?? {}) as object)
          const bad = [
            '%00',
            '9999-99-99',
            '1e400',
            '-1',
            '%ED%A0%80',
            Buffer.from(`275760-09-13T00:00:00.000Z|${ids.membershipId}`).toString('base64url'),
            Buffer.from(`0001-01-01T00:00:00.000Z|${ids.membershipId}`).toString('base64url'),
          ]
          for (const key of keys) {
            for (const value of bad) {
              const response = await server.call(route.method, `${pathOf(route)}?${key}=${value}`, { apiKey: club.apiKey })
              expect(response.status, `${name} ?${key}=${value} → ${response.text.slice(0, 200)}`).toBeLessThan(500)
            }
          }
        }
        expect(await fingerprint()).toBe(before)
      })
    }
  })
}
