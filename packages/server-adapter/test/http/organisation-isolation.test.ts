import { beforeAll, describe, expect, it } from 'vitest'
import { buildPath, contract, listRoutes } from '@vereinskit/core/contract'
import { engines } from '../engines'
import { aClub, submissionFor } from '../fixtures'
import { useServer } from './harness'

/**
 * Organisation A owns an accepted application (with membership and person) and a pending one. Organisation B's
 * staff key must see none of it, on every route of the contract: a new route without a case here fails the test.
 */
for (const engine of engines()) {
  describe(`organisation isolation on every route (${engine.name})`, () => {
    const server = useServer(engine)
    let a: Awaited<ReturnType<typeof aClub>>
    let b: Awaited<ReturnType<typeof aClub>>
    const resources: Record<string, string> = {}

    beforeAll(async () => {
      a = await aClub(server.storage)
      b = await aClub(server.storage)
      const submit = () => server.call('POST', `/public/organisations/${a.organisation.id}/applications`, { body: submissionFor(a) })
      const accepted = (await submit()).json.id as string
      const pending = (await submit()).json.id as string
      const result = await server.call('POST', `/organisations/${a.organisation.id}/applications/${accepted}/accept`, { apiKey: a.apiKey, body: {} })
      resources.applicationId = pending
      resources.membershipId = result.json.membership.id
    })

    const bodies: Record<string, () => unknown> = {
      'applications.submit': () => submissionFor(a),
      'applications.accept': () => ({}),
      'applications.reject': () => ({}),
    }

    for (const [name, route] of listRoutes(contract)) {
      if (route.access === 'staff') {
        it(`${name}: B's key on A's path is forbidden`, async () => {
          const path = buildPath(route.path, { ...resources, organisationId: a.organisation.id })
          const response = await server.call(route.method, path, { apiKey: b.apiKey, body: bodies[name]?.() })
          expect(response).toMatchObject({ status: 403, json: { code: 'FORBIDDEN' } })
        })

        it(`${name}: A's resource ids under B's path are not found`, async () => {
          const path = buildPath(route.path, { ...resources, organisationId: b.organisation.id })
          const response = await server.call(route.method, path, { apiKey: b.apiKey, body: bodies[name]?.() })
          if (route.method === 'GET' && !route.path.includes(':applicationId') && !route.path.includes(':membershipId')) {
            expect(response.status).toBe(200)
            expect(JSON.stringify(response.json)).not.toContain(a.organisation.id)
            expect(JSON.stringify(response.json)).not.toContain(resources.applicationId)
          } else {
            expect(response.status).toBe(404)
          }
        })
      } else {
        it(`${name}: B's public route reveals and accepts nothing of A's`, async () => {
          const path = buildPath(route.path, { organisationId: b.organisation.id })
          const body = name === 'applications.submit' ? submissionFor(a) : undefined // A's fee group id
          const response = await server.call(route.method, path, { body })
          const text = JSON.stringify(response.json)
          expect(text).not.toContain(a.organisation.id)
          expect(text).not.toContain(a.organisation.name)
          if (body) expect(response.json).toMatchObject({ status: 422, errors: [expect.objectContaining({ path: 'feeClassGroupId', code: 'not-offered' })] })
        })
      }
    }

    it('A still sees its own data, untouched', async () => {
      const pending = await server.call('GET', `/organisations/${a.organisation.id}/applications/${resources.applicationId}`, { apiKey: a.apiKey })
      expect(pending.json.status).toBe('pending')
      const membership = await server.call('GET', `/organisations/${a.organisation.id}/memberships/${resources.membershipId}`, { apiKey: a.apiKey })
      expect(membership.status).toBe(200)
    })
  })
}
