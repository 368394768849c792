import { describe, expect, expectTypeOf, it } from 'vitest'
import * as z from 'zod'
import { accessErrors, buildPath, defineRoute, listRoutes, type PathParams } from './define-route'
import { contract } from './routes'
import { applicationFormEndpoints } from './public-endpoints'
import { errorCodes } from '../errors/codes'

describe('route table', () => {
  it('fills and encodes path parameters', () => {
    expect(buildPath('/organisations/:organisationId/applications/:applicationId', { organisationId: 'a b', applicationId: 'x/y' })).toBe(
      '/organisations/a%20b/applications/x%2Fy',
    )
    expect(() => buildPath('/organisations/:organisationId', {})).toThrow(/organisationId/)
  })

  it('infers path parameters from the path', () => {
    expectTypeOf<PathParams<'/o/:organisationId/a/:applicationId/accept'>>().toEqualTypeOf<{
      organisationId: string
      applicationId: string
    }>()
    expectTypeOf<PathParams<'/health'>>().toEqualTypeOf<Record<never, never>>()
  })

  it('has unique method+path pairs, staff routes under an organisation, and only registered error codes', () => {
    const seen = new Set<string>()
    for (const [name, route] of listRoutes(contract)) {
      const key = `${route.method} ${route.path}`
      expect(seen.has(key), `${name} duplicates ${key}`).toBe(false)
      seen.add(key)
      if (route.access === 'staff') expect(route.path).toMatch(/^\/organisations\/:organisationId\//)
      else expect(route.path).toMatch(/^\/public\//)
      for (const code of route.errors) expect(Object.keys(errorCodes)).toContain(code)
    }
    expect(seen.size).toBeGreaterThanOrEqual(7)
  })
})

describe('errors implied by access', () => {
  it('adds the access kind’s errors to the route’s own, once each', () => {
    const staff = defineRoute({
      method: 'GET',
      path: '/organisations/:organisationId/x',
      access: 'staff',
      summary: 's',
      response: z.object({}),
      errors: ['FORBIDDEN', 'RUN_NOT_FOUND'],
    })
    expect(staff.errors).toEqual(['UNAUTHENTICATED', 'FORBIDDEN', 'MODULE_FORBIDDEN', 'MODULE_READ_ONLY', 'RUN_NOT_FOUND'])
    const read = defineRoute({
      method: 'GET',
      path: '/public/organisations/:organisationId/x',
      access: 'public',
      summary: 's',
      response: z.object({}),
      errors: [],
    })
    expect(read.errors).toEqual(['ORGANISATION_NOT_FOUND', 'ORIGIN_NOT_ALLOWED'])
    const write = defineRoute({
      method: 'POST',
      path: '/public/organisations/:organisationId/x',
      access: 'public',
      summary: 's',
      response: z.object({}),
      errors: [],
    })
    expect(write.errors).toEqual(['ORGANISATION_NOT_FOUND', 'ORIGIN_NOT_ALLOWED', 'RATE_LIMITED'])
  })

  it('gives every route of the contract its access errors', () => {
    for (const [, route] of listRoutes(contract)) expect(route.errors).toEqual(expect.arrayContaining([...accessErrors[route.access]]))
  })
})

describe('endpoints for small pages', () => {
  it('name the same method, path and access as the routes they stand for', () => {
    expect(applicationFormEndpoints.form).toEqual({
      method: contract.applications.form.method,
      path: contract.applications.form.path,
      access: 'public',
    })
    expect(applicationFormEndpoints.submit).toEqual({
      method: contract.applications.submit.method,
      path: contract.applications.submit.path,
      access: 'public',
    })
  })
})
