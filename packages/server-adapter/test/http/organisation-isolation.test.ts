import { beforeAll, describe, expect, it } from 'vitest'
import { buildPath, contract, listRoutes } from '@vereinskit/core/contract'
import { engines } from '../engines'
import { aClub, submissionFor } from '../fixtures'
import { aClubWithFees } from '../money-fixtures'
import { useServer } from './harness'
import { dunningRun, withDunningLevels } from '../dunning-fixtures'
import { camt054, withDirectDebitSettings } from '../direct-debit-fixtures'
import { aConsultationOffice } from '../appointment-fixtures'

/**
 * Organisation A owns a full money chain (accounts, plans, fee class, memberships with charges, a payment, runs,
 * an invoice). Organisation B's staff key must see and change none of it, on every route of the contract. Every
 * route has to declare its case below: a new route without one fails this test.
 */
for (const engine of engines()) {
  describe(`organisation isolation on every route (${engine.name})`, () => {
    const server = useServer(engine, { clock: { now: () => new Date('2026-11-23T10:00:00Z') } })
    let a: Awaited<ReturnType<typeof aClubWithFees>>
    let b: Awaited<ReturnType<typeof aClub>>
    const ids: Record<string, string> = {}
    let before = ''

    const snapshotOfA = async () => {
      const parts = [
        await a.staff('GET', `/memberships/${ids.membershipId}/account`),
        await a.staff('GET', '/charge-runs'),
        await a.staff('GET', '/invoice-runs'),
        await a.staff('GET', '/fee-classes'),
        await a.staff('GET', `/memberships/${ids.membershipId}/fee-assignments`),
        await a.staff('GET', '/applications'),
        await a.staff('GET', '/settings'),
        await a.staff('GET', `/memberships/${ids.membershipId}/dunning`),
        await a.staff('GET', '/dunning-levels'),
        await a.staff('GET', '/letter-templates'),
        await a.staff('GET', `/memberships/${ids.membershipId}/documents`),
        await a.staff('GET', `/collection-runs/${ids.collectionRunId}`),
        await a.staff('GET', `/memberships/${ids.membershipId}/mandates`),
        await a.staff('GET', `/direct-debit-runs/${ids.ddRunId}`),
        await a.staff('GET', `/bank-files/${ids.fileId}/entries`),
        await a.staff('GET', '/return-reasons'),
        await a.staff('GET', `/persons/${ids.personId}`),
        await a.staff('GET', `/persons/${ids.personId}/audit`),
        await a.staff('GET', `/result-lists/${ids.listId}`),
        await a.staff('GET', '/membership-periods'),
        await a.staff('GET', `/membership-periods/${ids.periodId}/registrations`),
        await a.staff('GET', '/consultants'),
        await a.staff('GET', '/consultation-locations'),
        await a.staff('GET', '/consultation-types'),
        await a.staff('GET', '/consultation-topics'),
        await a.staff('GET', '/calendar-templates'),
        await a.staff('GET', '/appointment-blocks?fromDate=2027-03-22&toDate=2027-04-04'),
        await a.staff('GET', '/appointments?includeCancelled=true'),
      ]
      return JSON.stringify(parts)
    }

    beforeAll(async () => {
      a = await aClubWithFees(server, { members: 1 })
      b = await aClub(server.storage)
      const membershipId = a.memberships[0]!.id
      await a.staff('PATCH', `/memberships/${membershipId}`, { paymentMethod: 'invoice' })
      const preview = await a.staff('POST', '/charge-runs/preview', { asOf: '2026-11-23' })
      const chargeRun = await a.staff('POST', '/charge-runs', { asOf: '2026-11-23', idempotencyKey: preview.idempotencyKey })
      const payment = await a.staff('POST', `/memberships/${membershipId}/postings`, {
        accountId: a.accounts.bank.id,
        date: '2026-02-01',
        amount: 1000,
      })
      const invoicePreview = await a.staff('POST', '/invoice-runs/preview', { invoiceDate: '2026-11-23' })
      const invoiceRun = await a.staff('POST', '/invoice-runs', {
        request: { invoiceDate: '2026-11-23' },
        idempotencyKey: invoicePreview.idempotencyKey,
      })
      const assignments = await a.staff('GET', `/memberships/${membershipId}/fee-assignments`)
      await withDunningLevels(a, { 1: { days: 0 } })
      const { run: dunning } = await dunningRun(a, '2026-11-23')
      const template = await a.staff('POST', '/letter-templates', {
        name: 'Mahnung A',
        kind: 'dunning',
        subject: 'Mahnung {{letter.number}}',
        blocks: [{ type: 'open-items' }],
      })
      const documents = await a.staff('GET', `/memberships/${membershipId}/documents`)
      const collectionPreview = await a.staff('POST', '/collection-runs/preview', { level: 1 })
      const collection = await a.staff('POST', '/collection-runs', {
        criteria: { level: 1 },
        idempotencyKey: collectionPreview.idempotencyKey,
      })
      expect(collectionPreview.items.length).toBe(collection.items.length)
      const pending = await server.call('POST', `/public/organisations/${a.org}/applications`, {
        body: submissionFor(a),
        clientAddress: '10.9.9.9',
      })
      await withDirectDebitSettings(a)
      const mandate = await a.staff('POST', `/memberships/${membershipId}/mandates`, {
        validFrom: '2026-01-01',
        signedOn: '2026-01-01',
        iban: 'DE89370400440532013000',
        accountHolder: 'Erika Mitglied',
      })
      await a.staff('PATCH', `/memberships/${membershipId}`, { paymentMethod: 'direct-debit' })
      await a.staff('POST', `/memberships/${membershipId}/postings`, {
        accountId: a.accounts.fee.id,
        date: '2026-11-01',
        amount: -2500,
        text: 'Kurs',
      })
      const ddPreview = await a.staff('POST', '/direct-debit-runs/preview', { collectionDate: '2026-11-25' })
      const ddRun = await a.staff('POST', '/direct-debit-runs', { collectionDate: '2026-11-25', idempotencyKey: ddPreview.idempotencyKey })
      const ddExport = await a.staff('POST', `/direct-debit-runs/${ddRun.id}/exports`, { sequenceType: 'FRST' })
      const ddDetail = await a.staff('GET', `/direct-debit-runs/${ddRun.id}`)
      const bankFile = await a.staff('POST', '/bank-files', {
        fileName: 'a.xml',
        content: camt054('A-FILE', [{ creditDebit: 'CRDT', amount: '10.00', reference: 'A-1', remittance: 'ohne Nummer' }]),
      })
      const bankEntries = await a.staff('GET', `/bank-files/${bankFile.id}/entries`)
      const personId = (await a.staff('GET', `/memberships/${membershipId}`)).person.id
      const contact = await a.staff('POST', '/persons', {
        person: { lastName: 'Kontakt', firstName: 'Karla', postalAddress: { street: 'Ring 2', postcode: '50667', city: 'Köln' } },
      })
      const withPartner = await a.staff('POST', `/memberships/${membershipId}/attached`, { personId: contact.id, role: 'partner' })
      const list = await a.staff('POST', '/result-lists', { name: 'A-Liste' })
      await a.staff('POST', `/result-lists/${list.id}/entries`, { entries: [{ personId, membershipId }] })
      const listed = await a.staff('GET', `/result-lists/${list.id}`)
      const period = await a.staff('POST', '/membership-periods', { name: '2026/27', startsOn: '2026-07-01', endsOn: '2027-06-30' })
      const registration = await a.staff('POST', `/membership-periods/${period.id}/registrations`, { personId: contact.id })
      const office = await aConsultationOffice(a.staff)
      await a.staff('POST', '/appointment-blocks', { kind: 'period', consultantId: office.anna.id, from: '2027-03-22', to: '2027-04-04' })
      const [slot] = (await a.staff('GET', '/free-slots?fromDate=2027-03-22&toDate=2027-03-22')).items
      const appointment = await a.staff('POST', '/appointments', {
        slot: { blockId: slot.blockId, startsAt: slot.startsAt },
        personId,
        membershipId,
      })
      const administrator = await a.staff('POST', '/administrators', { loginEmail: 'admin-a@a.de', name: 'A' })
      Object.assign(ids, {
        administratorId: administrator.id,
        consultantId: office.anna.id,
        locationId: office.office.id,
        typeId: office.inPerson.id,
        topicId: office.topic.id,
        calendarTemplateId: office.template.id,
        blockId: slot.blockId,
        appointmentId: appointment.id,
        personId,
        contactId: contact.id,
        attachmentId: withPartner.attached[0].id,
        listId: list.id,
        listEntryId: listed.items[0].entryId,
        periodId: period.id,
        registrationId: registration.id,
        mandateId: mandate.id,
        ddRunId: ddRun.id,
        ddDebitId: ddDetail.debits[0].id,
        exportId: ddExport.id,
        fileId: bankFile.id,
        entryId: bankEntries[0].id,
        applicationId: pending.json.id,
        membershipId,
        feeClassId: a.feeClass.id,
        assignmentId: assignments.items[0].id,
        chargeRunId: chargeRun.id,
        invoiceRunId: invoiceRun.id,
        postingId: payment.id,
        idempotencyKey: preview.idempotencyKey,
        groupId: a.groups.adults.id,
        dunningRunId: dunning.id,
        templateId: template.id,
        documentId: documents.items[0].id,
        collectionRunId: collection.id,
        debitId: collection.items[0].debitId,
      })
      before = await snapshotOfA()
    })

    /** Per route: the resource ids to use, the body to send, and whether B may succeed (on its own data) or must be refused. */
    const cases: Record<string, { params?: () => Record<string, string>; body?: () => unknown; onB: 'ok' | 'refused' }> = {
      'applications.list': { onB: 'ok' },
      'applications.get': { onB: 'refused' },
      'applications.accept': { body: () => ({}), onB: 'refused' },
      'applications.reject': { body: () => ({}), onB: 'refused' },
      'memberships.get': { onB: 'refused' },
      'memberships.update': { body: () => ({ processingBlocked: true }), onB: 'refused' },
      'accounts.list': { onB: 'ok' },
      'accounts.create': {
        body: () => ({ number: '4000', name: 'Mitgliedsbeitrag', type: 'receivable', receivableKind: 'main', priority: 1 }),
        onB: 'ok',
      },
      'paymentPlans.list': { onB: 'ok' },
      'paymentPlans.update': { params: () => ({ paymentPlanId: a.plans.yearly.id }), body: () => ({ name: 'Von B' }), onB: 'refused' },
      'paymentPlans.create': {
        body: () => ({ name: 'Jährlich', joiningYear: { basis: 'free' }, secondYear: { basis: 'free' }, laterYears: { basis: 'free' } }),
        onB: 'ok',
      },
      'feeClasses.list': { onB: 'ok' },
      'feeClasses.create': {
        body: () => ({
          name: 'Kopie',
          amount: 1,
          paymentPlanId: a.plans.yearly.id,
          validFrom: '2020-01-01',
          validUntil: null,
          accountId: a.accounts.fee.id,
          successorId: null,
        }),
        onB: 'refused',
      },
      'feeClasses.update': { body: () => ({ validUntil: '2026-12-31' }), onB: 'refused' },
      'feeClassGroups.list': { onB: 'ok' },
      'feeClassGroups.create': { body: () => ({ name: 'Kopie', items: [{ feeClassId: a.feeClass.id, amount: 1 }] }), onB: 'refused' },
      'feeClassGroups.update': { body: () => ({ offeredOnline: false }), onB: 'refused' },
      'settings.get': { onB: 'ok' },
      'settings.update': { body: () => ({ invoiceMinimumDebt: 500 }), onB: 'ok' },
      'feeAssignments.list': { onB: 'refused' },
      'feeAssignments.assign': { body: () => ({ feeClassId: a.feeClass.id, validFrom: '2026-01-01' }), onB: 'refused' },
      'feeAssignments.change': { body: () => ({ feeClassId: a.feeClass.id, from: '2026-12-01' }), onB: 'refused' },
      'feeAssignments.update': { body: () => ({ validUntil: '2026-12-31' }), onB: 'refused' },
      'feeAssignments.remove': { onB: 'refused' },
      'feeAssignments.switchSuccessors': { body: () => ({}), onB: 'ok' },
      'chargeRuns.preview': { body: () => ({ asOf: '2026-11-23' }), onB: 'ok' },
      'chargeRuns.apply': { body: () => ({ asOf: '2026-11-23', idempotencyKey: ids.idempotencyKey }), onB: 'refused' },
      'chargeRuns.list': { onB: 'ok' },
      'chargeRuns.get': { params: () => ({ runId: ids.chargeRunId! }), onB: 'refused' },
      'chargeRuns.undo': { params: () => ({ runId: ids.chargeRunId! }), onB: 'refused' },
      'chargeRuns.exportPostings': { params: () => ({ runId: ids.chargeRunId! }), onB: 'refused' },
      'chargeRuns.progress': { onB: 'ok' },
      'ledger.account': { onB: 'refused' },
      'ledger.post': { body: () => ({ accountId: a.accounts.bank.id, date: '2026-01-01', amount: 100 }), onB: 'refused' },
      'ledger.edit': { body: () => ({ text: 'geändert' }), onB: 'refused' },
      'ledger.reverse': { body: () => ({}), onB: 'refused' },
      'ledger.remove': { onB: 'refused' },
      'ledger.allocations': { onB: 'refused' },
      'ledger.reallocate': { body: () => ({ parts: [] }), onB: 'refused' },
      'ledger.debitWithCashCredit': {
        body: () => ({ date: '2026-01-01', amount: 100, debitAccountId: a.accounts.fee.id, creditAccountId: a.accounts.bank.id }),
        onB: 'refused',
      },
      'ledger.quickBooking': {
        body: () => ({
          accountId: a.accounts.bank.id,
          text: 'x',
          date: '2026-01-01',
          entries: [{ membershipNumber: a.memberships[0]!.number, amount: 100 }],
        }),
        onB: 'refused',
      },
      'ledger.openItems': { onB: 'ok' },
      'ledger.balanceList': { onB: 'ok' },
      'ledger.statementCsv': { onB: 'refused' },
      'ledger.statementXlsx': { onB: 'refused' },
      'ledger.previewWriteOff': { body: () => ({}), onB: 'ok' },
      'ledger.writeOff': { body: () => ({ criteria: {}, idempotencyKey: ids.idempotencyKey }), onB: 'refused' },
      'invoiceRuns.preview': { body: () => ({ invoiceDate: '2026-11-23' }), onB: 'ok' },
      'invoiceRuns.apply': { body: () => ({ request: { invoiceDate: '2026-11-23' }, idempotencyKey: ids.idempotencyKey }), onB: 'refused' },
      'invoiceRuns.list': { onB: 'ok' },
      'invoiceRuns.get': { params: () => ({ runId: ids.invoiceRunId! }), onB: 'refused' },
      'invoiceRuns.reverse': { params: () => ({ runId: ids.invoiceRunId! }), onB: 'refused' },
      'dunning.levels': { onB: 'ok' },
      'dunning.replaceLevels': { body: () => ({ levels: [{ number: 1, first: true, last: true, days: 10, text: 'Mahnung' }] }), onB: 'ok' },
      'dunning.preview': { body: () => ({ asOf: '2026-11-23' }), onB: 'ok' },
      'dunning.apply': { body: () => ({ request: { asOf: '2026-11-23' }, idempotencyKey: ids.idempotencyKey }), onB: 'refused' },
      'dunning.list': { onB: 'ok' },
      'dunning.get': { params: () => ({ runId: ids.dunningRunId! }), onB: 'refused' },
      'dunning.reverse': { params: () => ({ runId: ids.dunningRunId! }), onB: 'refused' },
      'dunning.state': { onB: 'refused' },
      'dunning.setBlock': { body: () => ({ until: null }), onB: 'refused' },
      'dunning.removeBlock': { onB: 'refused' },
      'dunning.setMarkers': { body: () => ({ courtProcedure: true }), onB: 'refused' },
      'dunning.cancelLast': { onB: 'refused' },
      'dunning.correct': { body: () => ({ level: null, lastLetterOn: null }), onB: 'refused' },
      'dunning.previewExclusion': { body: () => ({ runDate: '2026-11-23' }), onB: 'refused' },
      'dunning.applyExclusion': {
        body: () => ({ request: { runDate: '2026-11-23', selected: [ids.membershipId] }, idempotencyKey: 'x' }),
        onB: 'refused',
      },
      'dunning.previewCollection': { body: () => ({}), onB: 'ok' },
      'dunning.createCollection': { body: () => ({ criteria: {}, idempotencyKey: ids.idempotencyKey }), onB: 'refused' },
      'dunning.getCollection': { params: () => ({ runId: ids.collectionRunId! }), onB: 'refused' },
      'dunning.removeCollectionItem': { params: () => ({ runId: ids.collectionRunId!, postingId: ids.debitId! }), onB: 'refused' },
      'dunning.exportCollection': { params: () => ({ runId: ids.collectionRunId! }), body: () => ({}), onB: 'refused' },
      'dunning.deleteCollection': { params: () => ({ runId: ids.collectionRunId! }), onB: 'refused' },
      'correspondence.templates': { onB: 'ok' },
      'correspondence.createTemplate': {
        body: () => ({ name: 'B', kind: 'general', subject: 'Hallo', blocks: [{ type: 'open-items' }] }),
        onB: 'ok',
      },
      'correspondence.updateTemplate': {
        body: () => ({ name: 'B', kind: 'general', subject: 'Hallo', blocks: [{ type: 'open-items' }] }),
        onB: 'refused',
      },
      'correspondence.textBlocks': { onB: 'ok' },
      'correspondence.putTextBlock': { body: () => ({ name: 'Gruß', text: 'Viele Grüße', assignments: ['letters'] }), onB: 'ok' },
      'correspondence.documents': { onB: 'refused' },
      'correspondence.documentPdf': { onB: 'refused' },
      'correspondence.printQueue': { onB: 'ok' },
      'correspondence.printQueuePdf': { onB: 'refused' },
      'correspondence.markPrinted': { body: () => ({ documentIds: [ids.documentId] }), onB: 'ok' },
      'correspondence.deliveries': { onB: 'ok' },
      'correspondence.retryDelivery': { params: () => ({ deliveryId: ids.documentId! }), onB: 'refused' },
      'mandates.list': { onB: 'refused' },
      'mandates.create': {
        body: () => ({ validFrom: '2026-01-01', signedOn: '2026-01-01', iban: 'DE89370400440532013000', accountHolder: 'B' }),
        onB: 'refused',
      },
      'mandates.update': { body: () => ({ accountHolder: 'Von B' }), onB: 'refused' },
      'mandates.revoke': { body: () => ({ receivedOn: '2026-11-23' }), onB: 'refused' },
      'mandates.remove': { onB: 'refused' },
      'mandates.putDocument': {
        body: () => ({ fileName: 'b.pdf', contentBase64: Buffer.from('%PDF-1.4').toString('base64') }),
        onB: 'refused',
      },
      'mandates.getDocument': { onB: 'refused' },
      'mandates.setAlternatePayer': { body: () => ({ payerMembershipNumber: null }), onB: 'refused' },
      'mandates.check': { onB: 'ok' },
      'directDebitRuns.preview': { body: () => ({ collectionDate: '2026-11-25' }), onB: 'ok' },
      'directDebitRuns.apply': { body: () => ({ collectionDate: '2026-11-25', idempotencyKey: ids.idempotencyKey }), onB: 'refused' },
      'directDebitRuns.list': { onB: 'ok' },
      'directDebitRuns.get': { params: () => ({ runId: ids.ddRunId! }), onB: 'refused' },
      'directDebitRuns.removeDebit': { params: () => ({ runId: ids.ddRunId!, debitId: ids.ddDebitId! }), onB: 'refused' },
      'directDebitRuns.remove': { params: () => ({ runId: ids.ddRunId! }), onB: 'refused' },
      'directDebitRuns.export': { params: () => ({ runId: ids.ddRunId! }), body: () => ({ sequenceType: 'FRST' }), onB: 'refused' },
      'directDebitRuns.file': { params: () => ({ runId: ids.ddRunId! }), onB: 'refused' },
      'directDebitRuns.cancelExport': {
        params: () => ({ runId: ids.ddRunId! }),
        body: () => ({ confirmNotSentToBank: true }),
        onB: 'refused',
      },
      'directDebitRuns.sendPreNotifications': { params: () => ({ runId: ids.ddRunId! }), onB: 'refused' },
      'directDebitRuns.spreadsheet': { params: () => ({ runId: ids.ddRunId! }), onB: 'refused' },
      'directDebitRuns.csv': { params: () => ({ runId: ids.ddRunId! }), onB: 'refused' },
      'bankImports.upload': {
        body: () => ({ fileName: 'b.xml', content: camt054('B-FILE', [{ creditDebit: 'CRDT', amount: '1.00', reference: 'B-1' }]) }),
        onB: 'refused',
      },
      'bankImports.list': { onB: 'ok' },
      'bankImports.get': { onB: 'refused' },
      'bankImports.entries': { onB: 'refused' },
      'bankImports.candidates': { onB: 'refused' },
      'bankImports.assign': { body: () => ({ membershipId: ids.membershipId }), onB: 'refused' },
      'bankImports.dismiss': { body: () => ({ note: 'von B' }), onB: 'refused' },
      'bankImports.returnReasons': { onB: 'ok' },
      'applications.duplicates': { onB: 'refused' },
      'memberships.list': { onB: 'ok' },
      'memberships.terminate': { body: () => ({ receivedOn: '2026-11-23', overrideNoticePeriod: true }), onB: 'refused' },
      'memberships.withdrawTermination': { onB: 'refused' },
      'memberships.attach': { body: () => ({ personId: ids.contactId, role: 'partner' }), onB: 'refused' },
      'memberships.detach': { body: () => ({ leftOn: '2026-12-31' }), onB: 'refused' },
      'memberships.takeover': {
        body: () => ({ attachmentId: ids.attachmentId, leavingOn: '2026-12-31', leavingReason: 'verstorben' }),
        onB: 'refused',
      },
      'memberships.capture': { body: () => ({ existingPersonId: ids.personId }), onB: 'refused' },
      'persons.search': { body: () => ({ criteria: { lastName: 'Mitglied' } }), onB: 'ok' },
      'persons.create': {
        body: () => ({
          person: { lastName: 'Kontakt', firstName: 'Karla', postalAddress: { street: 'Ring 2', postcode: '50667', city: 'Köln' } },
        }),
        onB: 'ok',
      },
      'persons.get': { params: () => ({ personId: ids.contactId! }), onB: 'refused' },
      'persons.update': { body: () => ({ notes: 'von B' }), onB: 'refused' },
      'persons.audit': { onB: 'refused' },
      'persons.duplicates': { body: () => ({ person: { lastName: 'Kontakt', firstName: 'Karla' } }), onB: 'ok' },
      'resultLists.list': { onB: 'ok' },
      'resultLists.create': { body: () => ({ name: 'B-Liste', shared: true }), onB: 'ok' },
      'resultLists.get': { onB: 'refused' },
      'resultLists.remove': { onB: 'refused' },
      'resultLists.add': { body: () => ({ entries: [{ personId: ids.personId }] }), onB: 'refused' },
      'resultLists.removeEntry': { params: () => ({ entryId: ids.listEntryId! }), onB: 'refused' },
      'resultLists.exportCsv': { onB: 'refused' },
      'resultLists.exportXlsx': { onB: 'refused' },
      'membershipPeriods.list': { onB: 'ok' },
      'membershipPeriods.create': { body: () => ({ name: '2026/27', startsOn: '2026-07-01', endsOn: '2027-06-30' }), onB: 'ok' },
      'membershipPeriods.update': { body: () => ({ name: 'von B' }), onB: 'refused' },
      'membershipPeriods.remove': { onB: 'refused' },
      'membershipPeriods.register': { body: () => ({ personId: ids.contactId }), onB: 'refused' },
      'membershipPeriods.registrations': { onB: 'refused' },
      'membershipPeriods.unregister': { onB: 'refused' },
      'bankImports.putReturnReason': { params: () => ({ code: 'ZZ09' }), body: () => ({ meaning: 'B', switchTo: null }), onB: 'ok' },
      'consultants.list': { onB: 'ok' },
      'consultants.create': { body: () => ({ name: 'Berger, Anna' }), onB: 'ok' },
      'consultants.update': { body: () => ({ shortName: 'B' }), onB: 'refused' },
      'consultationLocations.list': { onB: 'ok' },
      'consultationLocations.create': { body: () => ({ name: 'Geschäftsstelle' }), onB: 'ok' },
      'consultationLocations.update': { body: () => ({ city: 'Bremen' }), onB: 'refused' },
      'consultationTypes.list': { onB: 'ok' },
      'consultationTypes.create': { body: () => ({ name: 'persönlich' }), onB: 'ok' },
      'consultationTypes.update': { body: () => ({ onlineVisible: false }), onB: 'refused' },
      'consultationTopics.list': { onB: 'ok' },
      'consultationTopics.create': { body: () => ({ name: 'Betriebskosten' }), onB: 'ok' },
      'consultationTopics.update': { body: () => ({ name: 'von B' }), onB: 'refused' },
      'calendarTemplates.list': { onB: 'ok' },
      'calendarTemplates.create': {
        body: () => ({
          consultantId: ids.consultantId,
          name: 'B',
          anchorMonday: '2027-03-22',
          pattern: Array.from({ length: 14 }, () => []),
        }),
        onB: 'refused',
      },
      'calendarTemplates.update': {
        params: () => ({ templateId: ids.calendarTemplateId! }),
        body: () => ({ name: 'von B' }),
        onB: 'refused',
      },
      'calendarTemplates.duplicate': { params: () => ({ templateId: ids.calendarTemplateId! }), onB: 'refused' },
      'appointmentBlocks.list': { onB: 'ok' },
      'appointmentBlocks.preview': {
        body: () => ({ kind: 'period', consultantId: ids.consultantId, from: '2027-04-05', to: '2027-04-11' }),
        onB: 'refused',
      },
      'appointmentBlocks.generate': {
        body: () => ({ kind: 'period', consultantId: ids.consultantId, from: '2027-04-05', to: '2027-04-11' }),
        onB: 'refused',
      },
      'appointmentBlocks.checkDeletion': {
        body: () => ({ consultantIds: [ids.consultantId], fromDate: '2027-03-22', toDate: '2027-04-04' }),
        onB: 'refused',
      },
      'appointmentBlocks.delete': {
        body: () => ({ consultantIds: [ids.consultantId], fromDate: '2027-03-22', toDate: '2027-04-04' }),
        onB: 'refused',
      },
      'appointments.freeSlots': { onB: 'ok' },
      'appointments.book': {
        body: () => ({ slot: { blockId: ids.blockId, startsAt: '2027-03-22T08:30:00.000Z' }, personId: ids.personId }),
        onB: 'refused',
      },
      'appointments.list': { onB: 'ok' },
      'appointments.get': { onB: 'refused' },
      'appointments.update': { body: () => ({ note: 'von B' }), onB: 'refused' },
      'appointments.reschedule': { body: () => ({ slot: { blockId: ids.blockId, startsAt: '2027-03-22T09:00:00.000Z' } }), onB: 'refused' },
      'appointments.changeConsultant': {
        body: () => ({ appointmentIds: [ids.appointmentId], consultantId: ids.consultantId }),
        onB: 'refused',
      },
      'appointments.markAttended': { onB: 'refused' },
      'appointments.cancel': { onB: 'refused' },
      'appointments.missed': { onB: 'ok' },
      'appointments.missedLetters': { body: () => ({ appointmentIds: [ids.appointmentId] }), onB: 'ok' },
      'appointments.listPdf': { onB: 'ok' },
      'appointments.routingSlip': { onB: 'refused' },
      'appointments.routingSlips': { onB: 'ok' },
      'appointments.setHomeConsultant': { body: () => ({ consultantId: ids.consultantId, locationId: null }), onB: 'refused' },
      'memberDatabase.link': {
        body: () => ({ baseUrl: 'http://127.0.0.1:9/', region: 'DV Köln', username: 'u', password: 'p' }),
        onB: 'refused',
      },
      'memberDatabase.getLink': { onB: 'refused' },
      'memberDatabase.memberStatus': { onB: 'refused' },
      'memberDatabase.setMode': { body: () => ({ mode: 'local-only' }), onB: 'refused' },
      'memberDatabase.removeMember': { onB: 'refused' },
      'memberDatabase.pull': { body: () => ({}), onB: 'refused' },
      'memberDatabase.push': { onB: 'refused' },
      'memberDatabase.conflicts': { onB: 'refused' },
      'organisationStructure.structure': { onB: 'ok' },
      'organisationStructure.createChild': {
        body: () => ({ name: 'Kind von B', administrator: { loginEmail: 'b@b.de', name: 'B' } }),
        onB: 'ok',
      },
      'organisationStructure.attachChild': { params: () => ({ childId: a.org }), onB: 'refused' },
      'organisationStructure.detachChild': { params: () => ({ childId: a.org }), onB: 'refused' },
      'organisationStructure.setLinkOptions': {
        params: () => ({ childId: a.org }),
        body: () => ({ options: { notes: true } }),
        onB: 'refused',
      },
      'organisationStructure.switchInto': { params: () => ({ childId: a.org }), onB: 'refused' },
      'organisationStructure.logout': { onB: 'ok' },
      'organisationStructure.administrators': { onB: 'ok' },
      'organisationStructure.addAdministrator': { body: () => ({ loginEmail: 'admin-b@b.de', name: 'B' }), onB: 'ok' },
      'organisationStructure.updateAdministrator': {
        params: () => ({ administratorId: ids.administratorId! }),
        body: () => ({ name: 'von B' }),
        onB: 'refused',
      },
      'organisationStructure.issueAdministratorKey': {
        params: () => ({ administratorId: ids.administratorId! }),
        body: () => ({ label: 'B' }),
        onB: 'refused',
      },
      'memberSyncs.sync': { body: () => ({ childId: a.org }), onB: 'refused' },
      'memberSyncs.list': { onB: 'refused' },
      'memberSyncs.remove': { params: () => ({ childId: a.org }), onB: 'refused' },
      'memberSyncs.syncedMember': { onB: 'refused' },
      'memberSyncs.importSyncs': { body: () => ({ content: `${a.memberships[0]!.number};${a.org}` }), onB: 'refused' },
      'customerReferences.connect': { body: () => ({ baseUrl: 'https://crm.invalid/', token: 't' }), onB: 'refused' },
      'customerReferences.connection': { onB: 'refused' },
      'customerReferences.search': { onB: 'refused' },
      'customerReferences.reference': { body: () => ({ externalId: 'X-1' }), onB: 'refused' },
      'customerReferences.load': { onB: 'refused' },
      'customerReferences.recordCopy': { body: () => ({ personId: ids.personId!, externalId: 'X-1' }), onB: 'refused' },
      'customerReferences.previewConversion': { onB: 'refused' },
      'customerReferences.convert': { body: () => ({ idempotencyKey: 'reference-conversion-x' }), onB: 'refused' },
      'customerReferences.reviewList': { onB: 'ok' },
      'customerReferences.settleReview': { body: () => ({ decision: 'keep' }), onB: 'refused' },
      'memberDatabase.decideConflict': {
        params: () => ({ conflictId: ids.membershipId! }),
        body: () => ({ keep: 'local' }),
        onB: 'refused',
      },
    }
    const query: Record<string, string> = {
      'ledger.openItems': '?cutoff=2026-12-31',
      'customerReferences.search': '?q=Muster',
      'appointments.missed': '?fromDate=2027-03-01&toDate=2027-03-31',
      'appointmentBlocks.list': '?fromDate=2027-03-22&toDate=2027-04-04',
      'appointments.listPdf': '?groupBy=consultant&fromDate=2027-03-22&toDate=2027-03-22',
      'appointments.routingSlips': '?date=2027-03-22',
    }

    for (const [name, route] of listRoutes(contract)) {
      if (route.access !== 'staff') continue
      const testCase = cases[name]
      it(`${name} declares its isolation case`, () => expect(testCase, `add ${name} to the isolation cases`).toBeDefined())
      if (!testCase) continue
      const path = (organisationId: string) =>
        buildPath(route.path, { ...ids, ...testCase.params?.(), organisationId }) + (query[name] ?? '')

      it(`${name}: B's key on A's path is forbidden`, async () => {
        const response = await server.call(route.method, path(a.org), { apiKey: b.apiKey, body: testCase.body?.() })
        expect(response).toMatchObject({ status: 403, json: { code: 'FORBIDDEN' } })
      })

      it(`${name}: B ${testCase.onB === 'ok' ? 'gets only its own data' : 'is refused'} with A's ids under its own path`, async () => {
        const body = testCase.body?.()
        const sent = path(b.organisation.id) + JSON.stringify(body ?? '')
        const response = await server.call(route.method, path(b.organisation.id), { apiKey: b.apiKey, body })
        if (testCase.onB === 'ok') expect(response.status, JSON.stringify(response.json)).toBeLessThan(300)
        else expect(response.status, JSON.stringify(response.json)).toBeGreaterThanOrEqual(400)
        expect(response.status).toBeLessThan(500)
        const text = JSON.stringify(response.json ?? '')
        // Ids the request itself carried may be echoed in the error; any other id of A's is a leak.
        for (const [key, value] of Object.entries(ids)) {
          if (!sent.includes(value)) expect(text, `${name} leaks ${key}`).not.toContain(value)
        }
        // A's organisation id may only come back when the request named it (a child id in the path).
        if (!sent.includes(a.organisation.id)) expect(text).not.toContain(a.organisation.id)
      })
    }

    for (const [name, route] of listRoutes(contract)) {
      if (route.access !== 'public') continue
      it(`${name}: B's public route reveals and accepts nothing of A's`, async () => {
        const body = name === 'applications.submit' ? submissionFor(a) : undefined
        const response = await server.call(route.method, buildPath(route.path, { ...ids, organisationId: b.organisation.id }), { body })
        const text = JSON.stringify(response.json)
        expect(text).not.toContain(a.organisation.id)
        expect(text).not.toContain(a.organisation.name)
        if (body)
          expect(response.json).toMatchObject({
            status: 422,
            errors: [expect.objectContaining({ path: 'feeClassGroupId', code: 'not-offered' })],
          })
      })
    }

    it("leaves every bit of A's data exactly as it was", async () => {
      expect(await snapshotOfA()).toBe(before)
    })
  })
}
