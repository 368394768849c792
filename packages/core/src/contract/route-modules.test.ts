import { describe, expect, it } from 'vitest'
import { contract } from './routes'
import { listRoutes } from './define-route'
import { moduleOfRoute, moduleUseOf } from './route-modules'

describe('modules of routes', () => {
  it('every staff route of the contract belongs to a module', () => {
    const unknown = [...listRoutes(contract)].filter(([, r]) => r.access === 'staff' && moduleOfRoute(r) === undefined).map(([n]) => n)
    expect(unknown).toEqual([])
  })

  it('takes the most specific segment and tells reads from writes', () => {
    expect(moduleOfRoute({ path: '/organisations/:organisationId/memberships/:membershipId/mandates' })).toBe('direct-debit')
    expect(moduleOfRoute({ path: '/organisations/:organisationId/memberships/:membershipId' })).toBe('members')
    expect(moduleOfRoute({ path: '/organisations/:organisationId/charge-runs/preview' })).toBe('finance')
    expect(moduleUseOf({ method: 'POST', path: '/organisations/:organisationId/charge-runs/preview' })).toBe('read')
    expect(moduleUseOf({ method: 'POST', path: '/organisations/:organisationId/persons/search' })).toBe('read')
    expect(moduleUseOf({ method: 'PATCH', path: '/organisations/:organisationId/persons/:personId' })).toBe('write')
  })
})
