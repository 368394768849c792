import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildPath, contract, listRoutes } from '@vereinskit/core/contract'
import { engines } from '../engines'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'

const address = (street: string) => ({ street, postcode: '50667', city: 'Köln', country: 'DE' })

/**
 * The routes that could change a field a parent manages (UMB-12), each tried in the child on the synced copy: every
 * one must answer MEMBER_FIELD_LOCKED and change nothing. Every other write route of the contract is listed with
 * the reason it cannot touch those fields; a new route in neither list fails this test.
 */
const lockedCases: Record<string, { params?: () => Record<string, string>; body: () => unknown }> = {
  'persons.update': { params: () => ({ personId: ids.personId! }), body: () => ({ postalAddress: address('Kindweg 1') }) },
  'memberships.update': { body: () => ({ paymentMethod: 'cash', endsOn: '2027-12-31' }) },
  'memberships.terminate': { body: () => ({ receivedOn: '2026-11-20', endsOn: '2027-12-31', overrideNoticePeriod: true }) },
  'memberships.withdrawTermination': { body: () => undefined },
  'memberships.takeover': { body: () => ({ attachmentId: ids.attachmentId!, leavingOn: '2026-12-15', leavingReason: 'Tod' }) },
  'mandates.create': {
    body: () => ({ validFrom: '2026-01-01', signedOn: '2026-01-01', iban: 'DE02120300000000202051', accountHolder: 'Kind' }),
  },
  'mandates.update': { body: () => ({ iban: 'DE02120300000000202051' }) },
  'mandates.revoke': { body: () => ({ receivedOn: '2026-11-20' }) },
  'mandates.remove': { body: () => undefined },
  'mandates.putDocument': { body: () => ({ fileName: 'm.pdf', contentBase64: 'JVBERi0xLjQK' }) },
  'mandates.setAlternatePayer': { body: () => ({ payerMembershipNumber: null }) },
  'memberDatabase.removeMember': { body: () => undefined },
  'customerReferences.recordCopy': { body: () => ({ personId: ids.personId!, externalId: 'CRM-1' }) },
}

const reasons = {
  newRecord: 'creates a record of its own; the synced fields of the copy stay',
  otherModule: 'changes another module, which stays separate (UMB-07, UMB-13)',
  notMemberData: 'changes no member data',
  readOnly: 'a preview, search or check that changes nothing',
  structure: 'changes the structure or the parent side, not a copy',
  ownRecord: 'changes data of the copy that is not synced (attachments, markers, blocks, its own billing)',
  crmCopiesOnly: 'acts only on persons recorded as CRM copies or references, which a synced member cannot become',
}
const otherRoutes: Record<string, keyof typeof reasons> = {}
const list = (reason: keyof typeof reasons, names: string) =>
  names
    .split(/\s+/)
    .filter(Boolean)
    .forEach((n) => (otherRoutes[n] = reason))
list('newRecord', 'applications.accept memberships.capture persons.create customerReferences.reference')
list(
  'crmCopiesOnly',
  'customerReferences.connect customerReferences.previewConversion customerReferences.convert customerReferences.settleReview',
)
list(
  'readOnly',
  'persons.search persons.duplicates chargeRuns.preview ledger.previewWriteOff invoiceRuns.preview dunning.preview dunning.previewExclusion dunning.previewCollection directDebitRuns.preview appointmentBlocks.preview appointmentBlocks.checkDeletion',
)
list(
  'ownRecord',
  'memberships.attach memberships.detach dunning.setBlock dunning.removeBlock dunning.setMarkers dunning.cancelLast dunning.correct appointments.setHomeConsultant feeAssignments.assign ledger.post ledger.debitWithCashCredit memberDatabase.setMode',
)
list(
  'notMemberData',
  'applications.reject resultLists.create resultLists.remove resultLists.add resultLists.removeEntry membershipPeriods.create membershipPeriods.update membershipPeriods.remove membershipPeriods.register membershipPeriods.unregister',
)
list(
  'otherModule',
  `accounts.create paymentPlans.create paymentPlans.update feeClasses.create feeClasses.update feeClassGroups.create feeClassGroups.update
   settings.update feeAssignments.change feeAssignments.update feeAssignments.remove feeAssignments.switchSuccessors chargeRuns.apply chargeRuns.undo
   ledger.edit ledger.reverse ledger.remove ledger.reallocate ledger.quickBooking ledger.writeOff invoiceRuns.apply invoiceRuns.reverse
   dunning.replaceLevels dunning.apply dunning.reverse dunning.applyExclusion dunning.createCollection dunning.removeCollectionItem
   dunning.exportCollection dunning.deleteCollection correspondence.createTemplate correspondence.updateTemplate correspondence.putTextBlock
   correspondence.markPrinted correspondence.retryDelivery directDebitRuns.apply directDebitRuns.removeDebit directDebitRuns.remove
   directDebitRuns.export directDebitRuns.cancelExport directDebitRuns.sendPreNotifications bankImports.upload bankImports.assign
   bankImports.dismiss bankImports.putReturnReason consultants.create consultants.update consultationLocations.create
   consultationLocations.update consultationTypes.create consultationTypes.update consultationTopics.create consultationTopics.update
   calendarTemplates.create calendarTemplates.update calendarTemplates.duplicate appointmentBlocks.generate appointmentBlocks.delete
   appointments.book appointments.update appointments.reschedule appointments.changeConsultant appointments.markAttended
   appointments.cancel appointments.missedLetters memberDatabase.link memberDatabase.pull memberDatabase.push memberDatabase.decideConflict`,
)
list(
  'structure',
  `organisationStructure.createChild organisationStructure.attachChild organisationStructure.detachChild organisationStructure.setLinkOptions
   organisationStructure.switchInto organisationStructure.logout organisationStructure.addAdministrator organisationStructure.updateAdministrator
   organisationStructure.issueAdministratorKey memberSyncs.sync memberSyncs.remove memberSyncs.importSyncs`,
)

const ids: Record<string, string> = {}

for (const engine of engines()) {
  describe(`a child cannot change a locked field through any route (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })
    let p: Awaited<ReturnType<typeof aClubWithFees>>
    let child: { id: string; apiKey: string }
    const inChild = (method: string, path: string, body?: unknown) =>
      server.call(method, `/organisations/${child.id}${path}`, { apiKey: child.apiKey, body })
    const snapshot = async () =>
      JSON.stringify([
        (await p.staff('GET', `/memberships/${ids.parentMembershipId}`)) as unknown,
        (await inChild('GET', `/memberships/${ids.membershipId}`)).json,
        (await inChild('GET', `/persons/${ids.personId}`)).json,
      ])

    beforeAll(async () => {
      p = await aClubWithFees(server, { members: 1, paymentMethod: 'direct-debit' })
      const x = await p.staff('POST', '/administrators', {
        loginEmail: 'x@club.de',
        name: 'X',
        permissions: { members: 'read-write', organisation: 'read-write' },
      })
      const xKey = (await p.staff('POST', `/administrators/${x.id}/api-keys`, { label: 'X' })).apiKey
      const call = async (method: string, path: string, body?: unknown) =>
        (await server.call(method, `/organisations/${p.org}${path}`, { apiKey: xKey, body })).json
      const a = await call('POST', '/children', { name: 'Sparte' })
      const [childAdmin] = await server.storage.forOrganisation(a.id).structure.administrators()
      await server.storage.forOrganisation(a.id).structure.updateAdministrator(childAdmin!.id, {
        permissions: { members: 'read-write', 'direct-debit': 'read-write', organisation: 'read-write', finance: 'read-write' },
      })
      child = { id: a.id, apiKey: (await call('POST', `/children/${a.id}/switch`)).apiKey }
      const parentMembershipId = p.memberships[0]!.id
      await p.staff('POST', `/memberships/${parentMembershipId}/termination`, {
        receivedOn: '2026-11-01',
        endsOn: '2026-12-31',
        overrideNoticePeriod: true,
      })
      const synced = await call('POST', `/memberships/${parentMembershipId}/syncs`, { childId: a.id })
      const copy = (await inChild('GET', `/memberships/${synced.childMembershipId}`)).json
      const partner = (
        await inChild('POST', '/persons', { person: { firstName: 'Paula', lastName: 'Partner', postalAddress: address('Ring 3') } })
      ).json
      const attached = (await inChild('POST', `/memberships/${copy.id}/attached`, { personId: partner.id, role: 'partner' })).json
      Object.assign(ids, {
        parentMembershipId,
        membershipId: copy.id,
        personId: copy.person.id,
        mandateId: copy.mandates[0].id,
        attachmentId: attached.attached?.[0]?.id ?? attached.id,
      })
    })

    for (const [name, route] of listRoutes(contract)) {
      if (route.access !== 'staff' || route.method === 'GET') continue
      const testCase = lockedCases[name]
      it(`${name} is either refused on a synced copy or cannot touch its locked fields`, () => {
        expect(testCase !== undefined || otherRoutes[name] !== undefined, `classify ${name} in umbrella-locks.test.ts`).toBe(true)
      })
      if (!testCase) continue
      it(`${name}: the child is refused with MEMBER_FIELD_LOCKED and nothing changes`, async () => {
        const before = await snapshot()
        const path = buildPath(route.path, { ...ids, ...testCase.params?.(), organisationId: child.id })
        const response = await server.call(route.method, path, { apiKey: child.apiKey, body: testCase.body() })
        expect(response.json, JSON.stringify(response.json)).toMatchObject({ status: 409, code: 'MEMBER_FIELD_LOCKED' })
        expect(await snapshot()).toBe(before)
      })
    }

    it('the database refuses a locked change that no route checked (the triggers behind every route)', async () => {
      const db = server.connection.db
      for (const statement of [
        sql`update memberships set payment_method = 'cash' where id = ${ids.membershipId}`,
        sql`update memberships set ends_on = null where id = ${ids.membershipId}`,
        sql`update mandates set iban = 'DE02120300000000202051' where id = ${ids.mandateId}`,
        sql`insert into mandates (organisation_id, person_id, membership_id, reference, account_holder, iban, creditor_id, signed_on, valid_from)
            values (${child.id}, ${ids.personId}, ${ids.membershipId}, 'X-1', 'X', 'DE02120300000000202051', 'DE98ZZZ09999999999', '2026-01-01', '2026-01-01')`,
      ]) {
        await expect(db.transaction((tx) => tx.execute(statement))).rejects.toSatisfy((e: any) =>
          JSON.stringify({ m: String(e), c: String(e?.cause) }).includes('MEMBER_FIELD_LOCKED'),
        )
      }
    })
  })
}

describe('person data has one way in', () => {
  it('only change-person.ts writes persons (so its lock check covers every route)', () => {
    const root = fileURLToPath(new URL('../../src', import.meta.url))
    const offenders: string[] = []
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir)) {
        const file = join(dir, entry)
        if (statSync(file).isDirectory()) walk(file)
        else if (
          file.endsWith('.ts') &&
          !file.endsWith('change-person.ts') &&
          /\bpeople\.update\(|update\(persons\)/.test(readFileSync(file, 'utf8'))
        )
          offenders.push(file)
      }
    }
    walk(root)
    expect(offenders.map((f) => f.slice(root.length))).toEqual(['/capabilities/people/postgres-people-store.ts'])
  })
})
