import { calendarDateAt } from '@vereinskit/core'
import {
  provisionOrganisation,
  pullMemberDatabase,
  dispatchOutbox,
  type MemberDatabaseIntegration,
  type RequestHandler,
  type Storage,
} from '@vereinskit/server-adapter'

type Log = (line: string) => void
const address = (street: string) => ({ street, postcode: '50667', city: 'Köln', country: 'DE' })

/**
 * The story the example tells, through the HTTP API only: a Landesverband with two member clubs; an administrator
 * who switches between them; members synced down one by one and by CSV; a locked field refused in a club; a club
 * that admits its own members under a shared number range; and the youth club's link to the national database.
 */
export async function walkthrough(options: {
  storage: Storage
  api: RequestHandler
  integration: MemberDatabaseIntegration
  nationalDatabase: string
  log: Log
}) {
  const { storage, api, log } = options
  const call = async (apiKey: string, organisationId: string, method: string, path: string, body?: unknown) => {
    const response = await api(
      new Request(`http://example/api/organisations/${organisationId}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiKey}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
    )
    const json = (await response.json()) as any
    return { status: response.status, json }
  }
  const ok = async (apiKey: string, organisationId: string, method: string, path: string, body?: unknown) => {
    const r = await call(apiKey, organisationId, method, path, body)
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.json)}`)
    return r.json
  }

  const { organisation: parent, apiKey: parentKey } = await provisionOrganisation(storage, {
    name: 'Landesverband Musterland',
    creditorId: 'DE98ZZZ09999999999',
    membershipNumberRange: { from: 10_000, to: 99_999 },
  })
  const admin = await ok(parentKey, parent.id, 'POST', '/administrators', {
    loginEmail: 'geschaeftsstelle@lv-musterland.de',
    name: 'Geschäftsstelle',
    permissions: { members: 'read-write', organisation: 'read-write', 'direct-debit': 'read-write', finance: 'read-write' },
  })
  const { apiKey: adminKey } = await ok(parentKey, parent.id, 'POST', `/administrators/${admin.id}/api-keys`, { label: 'Geschäftsstelle' })
  const tennis = await ok(adminKey, parent.id, 'POST', '/children', { name: 'TC Grün-Weiß', structureKind: 'umbrella' })
  const youth = await ok(adminKey, parent.id, 'POST', '/children', { name: 'Jugendgruppe St. Martin' })
  log(`Structure: ${parent.name} → ${tennis.name}, ${youth.name}`)

  const anna = await ok(adminKey, parent.id, 'POST', '/members', {
    person: { firstName: 'Anna', lastName: 'Aufschlag', email: 'anna@example.org', postalAddress: address('Netzweg 1') },
    paymentMethod: 'direct-debit',
  })
  await ok(adminKey, parent.id, 'POST', `/memberships/${anna.membership.id}/mandates`, {
    validFrom: '2026-01-01',
    signedOn: '2026-01-01',
    iban: 'DE89370400440532013000',
    accountHolder: 'Anna Aufschlag',
  })
  const ben = await ok(adminKey, parent.id, 'POST', '/members', {
    person: { firstName: 'Ben', lastName: 'Ball', email: 'ben@example.org', postalAddress: address('Linie 2') },
  })
  const synced = await ok(adminKey, parent.id, 'POST', `/memberships/${anna.membership.id}/syncs`, { childId: tennis.id })
  log(`Anna (no. ${anna.membership.number}) synced into ${tennis.name}`)
  const imported = await ok(adminKey, parent.id, 'POST', '/sync-imports', {
    content: `login;division\nben@example.org;${tennis.name}\nben@example.org;${youth.name}\nnobody@example.org;${tennis.name}\n`,
    skipInvalidRows: true,
  })
  log(
    `CSV import: ${imported.applied.length} rows applied, ${imported.issues.length} reported (${imported.issues.map((i: { message: string }) => i.message).join('; ')})`,
  )

  const intoTennis = await ok(adminKey, parent.id, 'POST', `/children/${tennis.id}/switch`)
  const mandate = (await ok(intoTennis.apiKey, tennis.id, 'GET', `/memberships/${synced.childMembershipId}`)).mandates[0]
  const refused = await call(intoTennis.apiKey, tennis.id, 'PATCH', `/mandates/${mandate.id}`, { iban: 'DE02120300000000202051' })
  log(`${tennis.name} changes Anna's IBAN: ${refused.status} ${refused.json.code}`)
  await ok(adminKey, parent.id, 'PATCH', `/persons/${anna.membership.person.id}`, { postalAddress: address('Centre Court 3') })
  const inTennis = await ok(intoTennis.apiKey, tennis.id, 'GET', `/memberships/${synced.childMembershipId}`)
  log(`The Landesverband moves Anna; ${tennis.name} sees: ${inTennis.person.address.street}`)
  await ok(intoTennis.apiKey, tennis.id, 'POST', '/logout')

  await ok(adminKey, parent.id, 'PUT', `/children/${youth.id}/options`, {
    options: { showChildMembersInParent: true, sharedNumberRange: true },
  })
  const intoYouth = await ok(adminKey, parent.id, 'POST', `/children/${youth.id}/switch`)
  await ok(intoYouth.apiKey, youth.id, 'PUT', '/member-database', {
    baseUrl: options.nationalDatabase,
    region: 'DV Köln',
    username: 'gruppe-st-martin',
    password: 'geheim',
  })
  const youthStorage = storage.forOrganisation(youth.id)
  const clock = { now: () => new Date() }
  const today = calendarDateAt(clock.now(), 'Europe/Berlin')
  await pullMemberDatabase(youthStorage, options.integration, clock, today, { force: true })
  const carla = await ok(intoYouth.apiKey, youth.id, 'POST', '/members', {
    person: { firstName: 'Carla', lastName: 'Zelt', postalAddress: address('Lagerweg 4') },
  })
  log(`${youth.name} admits Carla: no. ${carla.membership.number} from the shared range; the Landesverband sees her too`)
  await dispatchOutbox(youthStorage, options.integration, clock)
  const status = await ok(intoYouth.apiKey, youth.id, 'GET', `/member-database/members/${carla.membership.id}`)
  log(`Carla in the national database: ${status.status} as ${status.remoteId}`)
  return { parent, tennis, youth, adminKey, youthKey: intoYouth.apiKey, ben }
}
