import { afterAll, afterEach, beforeAll, describe, expect, expectTypeOf, it } from 'vitest'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { anApplicationSubmission } from '@vereinskit/core/testing'
import type { RouteInput, RouteOutput, contract } from '@vereinskit/core/contract'
import { createClient, createClientFor } from './create-client'
import { ApiError, isApiError } from './api-error'

const base = 'https://verein.test/api'
const orgId = '6f1c1a52-5a8e-4c55-9d3f-0d4b1b7e3a10'
const appId = '0b3f7f5e-2f5c-4a0e-8d2a-6f1d6b3e9c21'
const server = setupServer()

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

describe('createClient', () => {
  it('posts a submission to the public route and returns the validated receipt', async () => {
    let received: unknown
    server.use(
      http.post(`${base}/public/organisations/${orgId}/applications`, async ({ request }) => {
        received = await request.json()
        expect(request.headers.get('authorization')).toBeNull()
        return HttpResponse.json({ id: appId, status: 'pending', submittedAt: '2026-11-23T10:00:00.000Z' }, { status: 201 })
      }),
    )
    const client = createClient({ baseUrl: `${base}/` })
    const receipt = await client.applications.submit({ params: { organisationId: orgId }, body: anApplicationSubmission() })
    expect(receipt).toEqual({ id: appId, status: 'pending', submittedAt: '2026-11-23T10:00:00.000Z' })
    expect(received).toMatchObject({ lastName: 'Mustermann', privacyConsent: true })
  })

  it('sends the staff key, encodes path params and query, and skips undefined query values', async () => {
    let url: URL | undefined
    server.use(
      http.get(`${base}/organisations/:organisationId/applications`, ({ request }) => {
        url = new URL(request.url)
        expect(request.headers.get('authorization')).toBe('Bearer vk_test_key_0123456789abcdef')
        return HttpResponse.json({ items: [], nextCursor: null })
      }),
    )
    const client = createClient({ baseUrl: base, apiKey: 'vk_test_key_0123456789abcdef' })
    const page = await client.applications.list({ params: { organisationId: orgId }, query: { status: 'pending', cursor: undefined } })
    expect(page).toEqual({ items: [], nextCursor: null })
    expect(url?.searchParams.get('status')).toBe('pending')
    expect(url?.searchParams.has('cursor')).toBe(false)
  })

  it('turns a problem document into an ApiError with the same code and field issues', async () => {
    server.use(
      http.post(`${base}/public/organisations/${orgId}/applications`, () =>
        HttpResponse.json(
          {
            type: 'https://vereinskit.dev/problems/validation-failed',
            title: 'The input is invalid.',
            status: 422,
            detail: 'Invalid input: mandate.iban: The IBAN check digits do not match',
            code: 'VALIDATION_FAILED',
            errors: [{ path: 'mandate.iban', code: 'iban-wrong-checksum', message: 'The IBAN check digits do not match' }],
          },
          { status: 422, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    )
    const client = createClient({ baseUrl: base })
    const error = await client.applications
      .submit({ params: { organisationId: orgId }, body: anApplicationSubmission() })
      .catch((e: unknown) => e)
    expect(isApiError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', status: 422 })
    expect((error as ApiError).fieldErrors['mandate.iban']).toMatchObject({ code: 'iban-wrong-checksum' })
  })

  it('refuses an answer that does not match the contract', async () => {
    server.use(http.get(`${base}/organisations/${orgId}/applications/${appId}`, () => HttpResponse.json({ id: appId, status: 'maybe' })))
    const client = createClient({ baseUrl: base, apiKey: 'vk_test_key_0123456789abcdef' })
    await expect(client.applications.get({ params: { organisationId: orgId, applicationId: appId } })).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 200,
    })
  })

  it('reports a non-problem error body and an unreachable server with their own codes', async () => {
    server.use(http.get(`${base}/public/organisations/${orgId}/application-form`, () => new HttpResponse('Bad gateway', { status: 502 })))
    const client = createClient({ baseUrl: base })
    await expect(client.applications.form({ params: { organisationId: orgId } })).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
      status: 502,
    })

    const offline = createClient({ baseUrl: base, fetch: async () => Promise.reject(new TypeError('Failed to fetch')) })
    await expect(offline.applications.submit({ params: { organisationId: orgId }, body: anApplicationSubmission() })).rejects.toMatchObject(
      {
        code: 'NETWORK_ERROR',
      },
    )
  })

  it('uses an injected fetch', async () => {
    const calls: string[] = []
    const client = createClient({
      baseUrl: base,
      fetch: async (input) => {
        calls.push(input instanceof Request ? input.url : String(input))
        return Response.json({ items: [], nextCursor: null })
      },
    })
    await client.applications.list({ params: { organisationId: orgId } })
    expect(calls).toEqual([`${base}/organisations/${orgId}/applications`])
  })

  it('types every method from its route', () => {
    const client = createClient({ baseUrl: base })
    expectTypeOf(client.applications.accept).parameter(0).toEqualTypeOf<RouteInput<typeof contract.applications.accept>>()
    expectTypeOf(client.applications.accept).returns.resolves.toEqualTypeOf<RouteOutput<typeof contract.applications.accept>>()
    // @ts-expect-error the organisation id is required
    void (() => client.applications.form({ params: {} }))
  })
})

describe('exports', () => {
  it('returns CSV as text and XLSX as bytes, and still turns errors into ApiError', async () => {
    const membershipId = '2c1d8f0e-5b7a-4c3e-9d1f-6a2b3c4d5e6f'
    server.use(
      http.get(
        `${base}/organisations/${orgId}/memberships/${membershipId}/statement.csv`,
        () =>
          new HttpResponse('\uFEFFDatum;Buchungstext\r\n2026-01-01;Beitrag', { headers: { 'content-type': 'text/csv; charset=utf-8' } }),
      ),
      http.get(`${base}/organisations/${orgId}/memberships/${membershipId}/statement.xlsx`, () =>
        HttpResponse.arrayBuffer(new Uint8Array([0x50, 0x4b, 3, 4]).buffer, {
          headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        }),
      ),
    )
    const client = createClient({ baseUrl: base, apiKey: 'vk_test_key_0123456789abcdef' })
    const params = { organisationId: orgId, membershipId }
    expect(await client.ledger.statementCsv({ params })).toContain('2026-01-01;Beitrag')
    expect([...(await client.ledger.statementXlsx({ params }))]).toEqual([0x50, 0x4b, 3, 4])

    server.use(
      http.get(`${base}/organisations/${orgId}/memberships/${membershipId}/statement.csv`, () =>
        HttpResponse.json(
          { type: 'x', title: 'x', status: 404, code: 'MEMBERSHIP_NOT_FOUND', detail: 'Membership does not exist.' },
          { status: 404, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    )
    await expect(client.ledger.statementCsv({ params })).rejects.toMatchObject({ code: 'MEMBERSHIP_NOT_FOUND', status: 404 })
  })
})

describe('createClientFor', () => {
  it('has methods for the given routes only, typed like the full client', async () => {
    const { contract } = await import('@vereinskit/core/contract')
    const client = createClientFor({ applications: contract.applications }, { baseUrl: base })
    expect(Object.keys(client)).toEqual(['applications'])
    expect(Object.keys(client.applications).sort()).toEqual(['accept', 'duplicates', 'form', 'get', 'list', 'reject', 'submit'])
    expectTypeOf(client.applications.submit).toEqualTypeOf<ReturnType<typeof createClient>['applications']['submit']>()
  })
})

describe('dunning and letters', () => {
  it('previews a dunning run typed from the contract and downloads a letter as PDF bytes', async () => {
    const documentId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
    server.use(
      http.post(`${base}/organisations/${orgId}/dunning-runs/preview`, async ({ request }) => {
        expect(await request.json()).toEqual({ asOf: '2025-05-16' })
        return HttpResponse.json({
          asOf: '2025-05-16',
          idempotencyKey: 'dunning-1',
          valid: true,
          problems: [],
          letters: [],
          excluded: [],
          forCollection: [],
          feeTotal: 0,
        })
      }),
      http.get(`${base}/organisations/${orgId}/documents/${documentId}/content.pdf`, () =>
        HttpResponse.arrayBuffer(new TextEncoder().encode('%PDF-1.3').buffer, { headers: { 'content-type': 'application/pdf' } }),
      ),
    )
    const client = createClient({ baseUrl: base, apiKey: 'vk_test_key_0123456789abcdef' })
    const preview = await client.dunning.preview({ params: { organisationId: orgId }, body: { asOf: '2025-05-16' } })
    expectTypeOf<(typeof preview.letters)[number]['toLevel']>().toEqualTypeOf<number>()
    expect(preview).toMatchObject({ valid: true, idempotencyKey: 'dunning-1' })
    const pdf = await client.correspondence.documentPdf({ params: { organisationId: orgId, documentId } })
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.3')
  })
})

describe('the sync routes of the client', () => {
  const membershipId = '3d1e6a0c-6a1f-4f44-8b5e-0c2d2f9b7a11'
  it("reads a member's sync status and refuses an answer outside the contract", async () => {
    server.use(
      http.get(`${base}/organisations/${orgId}/member-database/members/${membershipId}`, () =>
        HttpResponse.json({
          membershipId,
          status: 'failed',
          remoteId: 'MID-7',
          failureReason: 'timeout',
          transferredAt: null,
          pendingChanges: 2,
        }),
      ),
    )
    const client = createClient({ baseUrl: base, apiKey: 'vk_test_key_0123456789abcdef' })
    const status = await client.memberDatabase.memberStatus({ params: { organisationId: orgId, membershipId } })
    expect(status).toMatchObject({ status: 'failed', failureReason: 'timeout' })
    server.use(
      http.get(`${base}/organisations/${orgId}/member-database/members/${membershipId}`, () =>
        HttpResponse.json({ membershipId, status: 'unknown', remoteId: null, failureReason: null, transferredAt: null, pendingChanges: 0 }),
      ),
    )
    await expect(client.memberDatabase.memberStatus({ params: { organisationId: orgId, membershipId } })).rejects.toMatchObject({
      code: 'INVALID_RESPONSE',
    })
  })

  it('sends a sync import and reads the row report; a locked field comes back as its code', async () => {
    let sent: unknown
    server.use(
      http.post(`${base}/organisations/${orgId}/sync-imports`, async ({ request }) => {
        sent = await request.json()
        return HttpResponse.json({
          applied: [],
          alreadySynced: [],
          issues: [{ line: 2, code: 'unmatched', message: 'No member with the login x.' }],
        })
      }),
      http.patch(`${base}/organisations/${orgId}/memberships/${membershipId}`, () =>
        HttpResponse.json(
          {
            type: 'https://vereinskit.dev/problems/member-field-locked',
            title: 'Locked',
            status: 409,
            code: 'MEMBER_FIELD_LOCKED',
            detail: 'Managed by the parent organisation: paymentMethod.',
          },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    )
    const client = createClient({ baseUrl: base, apiKey: 'vk_test_key_0123456789abcdef' })
    const report = await client.memberSyncs.importSyncs({
      params: { organisationId: orgId },
      body: { content: 'x;A', skipInvalidRows: true },
    })
    expect(report.issues).toEqual([{ line: 2, code: 'unmatched', message: 'No member with the login x.' }])
    expect(sent).toEqual({ content: 'x;A', skipInvalidRows: true })
    const refused = await client.memberships
      .update({ params: { organisationId: orgId, membershipId }, body: { paymentMethod: 'cash' } })
      .catch((e: unknown) => e)
    expect(isApiError(refused) && refused.code).toBe('MEMBER_FIELD_LOCKED')
  })
})
