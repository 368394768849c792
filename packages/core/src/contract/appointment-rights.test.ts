import { describe, expect, it } from 'vitest'
import { contract } from './index'
import { listRoutes } from './define-route'

/** The rights the roles issue enforces (handbook: Rechte; decision D26): every appointment write route names its own. */
describe('rights of the appointment routes', () => {
  const routes = [...listRoutes(contract)].filter(([name]) =>
    /^(consultants|consultationLocations|consultationTypes|consultationTopics|calendarTemplates|appointmentBlocks|appointments)\./.test(
      name,
    ),
  )

  it('creating an appointment needs TERMERST; TERMNILOESCH takes cancelling away', () => {
    expect(contract.appointments.book.permission).toBe('TERMERST')
    expect(contract.appointments.cancel.deniedBy).toBe('TERMNILOESCH')
    expect(contract.appointments.cancel.method).toBe('DELETE')
  })

  it('the calendar administration needs ADMBK, the catalogues ADMAPPL', () => {
    const writes = routes.filter(([name, route]) => route.method !== 'GET' && !name.startsWith('appointments.'))
    expect(writes.length).toBeGreaterThan(10)
    for (const [name, route] of writes) {
      const expected = /^(consultationLocations|consultationTypes|consultationTopics)\./.test(name) ? 'ADMAPPL' : 'ADMBK'
      expect(route.permission, name).toBe(expected)
    }
  })

  it('reading needs no right of its own', () => {
    for (const [name, route] of routes.filter(([, r]) => r.method === 'GET')) expect(route.permission, name).toBeUndefined()
  })
})
