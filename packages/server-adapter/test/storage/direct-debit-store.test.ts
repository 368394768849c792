import { expect, it } from 'vitest'
import { postingRow } from '../../src/capabilities/ledger/posting-row'
import type { NewDirectDebit } from '../../src/capabilities/direct-debits/direct-debit-store'
import { describeStore, type StoreSuite } from './storage-contract'

const mandate = (personId: string, membershipId: string, reference: string) => ({
  personId,
  membershipId,
  reference,
  kind: 'recurring' as const,
  validFrom: '2027-01-01',
  signedOn: '2026-12-20',
  limitedUntil: null,
  iban: 'DE89370400440532013000',
  bic: null,
  accountHolder: 'Erika Mustermann',
  preNotificationChannel: 'letter' as const,
  creditorId: 'DE98ZZZ09999999999',
})

async function withDebit(s: StoreSuite) {
  const club = await s.club()
  const member = await s.member(club.store, 1000)
  await club.store.memberships.update(member.id, { paymentMethod: 'direct-debit' })
  const account = await club.store.finance.createAccount({
    number: '4000',
    name: 'Beitrag',
    type: 'receivable',
    receivableKind: 'main',
    priority: 1,
  })
  const [charge] = await club.store.ledger.insertPostings([
    postingRow({
      membershipId: member.id,
      accountId: account.id,
      date: '2027-01-01',
      amount: -9600,
      text: 'Beitrag',
      kind: 'charge',
      createdBy: 'test',
    }),
  ])
  const stored = await club.store.mandates.create(mandate(member.personId, member.id, 'TSV-1000-1'))
  const run = await club.store.runs.create({ kind: 'direct-debit', idempotencyKey: 'dd1', asOf: '2027-01-15', parameters: {}, summary: {} })
  const debit: NewDirectDebit = {
    mandateId: stored.id,
    payerPersonId: member.personId,
    collectionDate: '2027-01-15',
    sequenceType: 'FRST',
    amount: 9600,
    endToEndId: 'E2E1',
    reference: stored.reference,
    iban: stored.iban,
    bic: null,
    accountHolder: stored.accountHolder,
    signedOn: stored.signedOn,
    amendment: null,
    address: null,
    email: null,
    preNotificationChannel: 'letter',
    remittance: 'Lastschrift Mitgl.-Nr. 1000',
    membershipNumbers: [1000],
    lapseWarning: false,
    items: [{ membershipId: member.id, postingId: charge!.id, amount: 9600 }],
  }
  await club.store.directDebits.insertDebits(run.id, [debit])
  return { club, member, mandate: stored, run, charge: charge! }
}

describeStore('mandates and direct debits', (s) => {
  it('keeps mandates, documents and payers per organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const parent = await s.member(club.store, 1000)
    const child = await s.member(club.store, 1001)
    const created = await club.store.mandates.create(mandate(parent.personId, parent.id, 'TSV-1000-1'))
    expect(created).toMatchObject({ reference: 'TSV-1000-1', kind: 'recurring', validFrom: '2027-01-01', hasDocument: false })
    await expect(club.store.mandates.create(mandate(parent.personId, parent.id, 'tsv-1000-1'))).rejects.toThrow()
    expect(await club.store.mandates.referencesStartingWith('TSV-1000-')).toEqual(['TSV-1000-1'])
    expect(await club.store.mandates.referencesStartingWith('TSV_1000')).toEqual([])
    expect(await other.store.mandates.referencesStartingWith('TSV-1000-')).toEqual([])
    expect(await other.store.mandates.get(created.id)).toBeUndefined()
    expect(await other.store.mandates.mandates()).toEqual([])
    expect(await other.store.mandates.mandates([parent.personId])).toEqual([])

    await other.store.mandates.update(created.id, { iban: 'DE02120300000000202051' })
    await club.store.mandates.update(created.id, { limitedUntil: '2027-12-31', preNotificationChannel: 'email' })
    expect(await club.store.mandates.get(created.id)).toMatchObject({
      iban: 'DE89370400440532013000',
      limitedUntil: '2027-12-31',
      preNotificationChannel: 'email',
    })

    const pdf = new TextEncoder().encode('%PDF-1.4 test')
    await club.store.mandates.putDocument(created.id, 'mandat.pdf', pdf)
    await club.store.mandates.putDocument(created.id, 'neu.pdf', pdf)
    expect(await club.store.mandates.document(created.id)).toEqual({ fileName: 'neu.pdf', bytes: pdf })
    expect(await other.store.mandates.document(created.id)).toBeUndefined()
    await other.store.mandates.putDocument(created.id, 'x.pdf', new TextEncoder().encode('%PDF-other')).catch(() => undefined)
    expect(await club.store.mandates.document(created.id)).toEqual({ fileName: 'neu.pdf', bytes: pdf })
    expect((await club.store.mandates.get(created.id))?.hasDocument).toBe(true)

    expect(await other.store.mandates.setAlternatePayer(child.id, parent.personId)).toBe(false)
    expect(await club.store.mandates.setAlternatePayer(child.id, parent.personId)).toBe(true)
    const payers = await club.store.mandates.payers()
    expect(payers.map((p) => [p.membershipNumber, p.payerPersonId === parent.personId, p.alternate, p.payerMembershipNumber])).toEqual([
      [1000, true, false, 1000],
      [1001, true, true, 1000],
    ])
    expect(await other.store.mandates.payers()).toEqual([])
    expect(await other.store.mandates.payers([child.id])).toEqual([])

    expect(await other.store.mandates.delete(created.id)).toBe(false)
    expect(await club.store.mandates.delete(created.id)).toBe(true)
    expect(await club.store.mandates.document(created.id)).toBeUndefined()
  })

  it('keeps debits, items, exports and pre-notifications per organisation', async () => {
    const { club, member, mandate: m, run, charge } = await withDebit(s)
    const other = await s.club()
    const [debit] = await club.store.directDebits.debits({ runId: run.id })
    expect(debit).toMatchObject({ status: 'pending', sequenceType: 'FRST', amount: 9600, membershipNumbers: [1000] })
    expect(await other.store.directDebits.debits({ runId: run.id })).toEqual([])
    expect(await other.store.directDebits.debits({ ids: [debit!.id] })).toEqual([])
    expect(await other.store.directDebits.items([debit!.id])).toEqual([])
    expect(await club.store.directDebits.collectingPostingIds()).toEqual(new Set([charge.id]))
    expect(await other.store.directDebits.collectingPostingIds()).toEqual(new Set())
    expect(await club.store.mandates.collections()).toEqual([
      { mandateId: m.id, collectionDate: '2027-01-15', status: 'pending', sequenceType: 'FRST', reference: 'TSV-1000-1', iban: m.iban },
    ])
    expect(await other.store.mandates.collections()).toEqual([])
    expect(await other.store.directDebits.byEndToEndId('E2E1')).toBeUndefined()

    const exported = await club.store.directDebits.insertExport({
      runId: run.id,
      sequenceType: 'FRST',
      messageId: 'M1',
      xml: '<x/>',
      count: 1,
      total: 9600,
      createdBy: 't',
    })
    await other.store.directDebits.markExported([debit!.id], exported.id)
    expect((await club.store.directDebits.debits({ runId: run.id }))[0]!.status).toBe('pending')
    await club.store.directDebits.markExported([debit!.id], exported.id)
    await club.store.directDebits.setCreditPostings([{ debitId: debit!.id, membershipId: member.id, creditPostingId: charge.id }])
    expect(await club.store.directDebits.collectingPostingIds()).toEqual(new Set())
    expect(await other.store.directDebits.exportXml(run.id, exported.id)).toBeUndefined()
    expect(await club.store.directDebits.exportXml(run.id, exported.id)).toBe('<x/>')
    expect(await other.store.directDebits.cancelExport(exported.id, new Date(), 'b')).toEqual([])
    expect(await other.store.directDebits.removeDebit(run.id, debit!.id)).toBeUndefined()
    expect(await club.store.directDebits.removeDebit(run.id, debit!.id)).toBeUndefined() // exported: not removable

    await other.store.directDebits
      .insertPreNotifications([{ debitId: debit!.id, channel: 'letter', documentId: null }])
      .catch(() => undefined)
    expect(await club.store.directDebits.preNotified(run.id)).toEqual(new Map())
    await club.store.directDebits.insertPreNotifications([{ debitId: debit!.id, channel: 'letter', documentId: null }])
    await club.store.directDebits.insertPreNotifications([{ debitId: debit!.id, channel: 'email', documentId: null }])
    expect(await club.store.directDebits.preNotified(run.id)).toEqual(new Map([[debit!.id, { channel: 'letter', documentId: null }]]))
    expect(await other.store.directDebits.preNotified(run.id)).toEqual(new Map())

    expect(await club.store.directDebits.cancelExport(exported.id, new Date(), 'a')).toEqual([charge.id])
    expect(await club.store.directDebits.cancelExport(exported.id, new Date(), 'a')).toEqual([])
    expect((await club.store.directDebits.exports(run.id))[0]!.cancelledAt).not.toBeNull()
    await other.store.directDebits.markReturned(debit!.id, 'AM04')
    expect((await club.store.directDebits.byEndToEndId('E2E1'))?.status).toBe('pending')
    expect(await club.store.directDebits.removeDebit(run.id, debit!.id)).toEqual([charge.id])
    expect(await club.store.directDebits.debits({ runId: run.id })).toEqual([])
  })
})

describeStore('bank imports', (s) => {
  it('keeps files, entries and return reasons per organisation', async () => {
    const club = await s.club()
    const other = await s.club()
    const member = await s.member(club.store, 1000)
    const fileId = await club.store.bankImports.createFile({
      fileName: 'a.xml',
      message: 'camt.054',
      version: '001.08',
      messageId: 'M1',
      contentHash: 'h1',
      createdBy: 't',
    })
    expect(await club.store.bankImports.findFile('h1', 'camt.054', 'X')).toBe(fileId)
    expect(await club.store.bankImports.findFile('h2', 'camt.054', 'M1')).toBe(fileId)
    expect(await other.store.bankImports.findFile('h1', 'camt.054', 'M1')).toBeUndefined()
    const entry = {
      position: 0,
      kind: 'credit' as const,
      status: 'open' as const,
      outcome: 'waiting for processing',
      amount: 9600,
      currency: 'EUR',
      bookingDate: '2027-01-20',
      endToEndId: null,
      mandateReference: null,
      remittance: 'Beitrag 1000',
      counterpartyName: 'Erika',
      counterpartyIban: null,
      returnReason: null,
      charges: null,
      dedupeKey: 'entry:R1:0',
    }
    await club.store.bankImports.insertEntries(fileId, [entry])
    expect(await club.store.bankImports.knownKeys(['entry:R1:0', 'entry:R2:0'])).toEqual(new Set(['entry:R1:0']))
    expect(await other.store.bankImports.knownKeys(['entry:R1:0'])).toEqual(new Set())
    await expect(club.store.bankImports.insertEntries(fileId, [entry])).rejects.toThrow()
    await club.store.bankImports.insertEntries(fileId, [{ ...entry, position: 1, status: 'duplicate' }])
    const [stored] = await club.store.bankImports.entries({ fileId, status: 'open' })
    expect(await other.store.bankImports.entries({ fileId })).toEqual([])
    expect(await other.store.bankImports.entry(stored!.id)).toBeUndefined()
    await other.store.bankImports.resolveEntries([
      { entryId: stored!.id, status: 'booked', outcome: 'x', membershipId: null, directDebitId: null, postingIds: [] },
    ])
    expect((await club.store.bankImports.entry(stored!.id))?.status).toBe('open')
    await club.store.bankImports.resolveEntries([
      { entryId: stored!.id, status: 'booked', outcome: 'Booked', membershipId: member.id, directDebitId: null, postingIds: [] },
    ])
    expect(await club.store.bankImports.entry(stored!.id)).toMatchObject({ status: 'booked', membershipNumber: 1000 })
    await other.store.bankImports.setFileStatus(fileId, 'failed')
    await club.store.bankImports.setFileStatus(fileId, 'closed')
    expect(await club.store.bankImports.file(fileId)).toMatchObject({ status: 'closed', counts: { booked: 1, duplicate: 1, open: 0 } })
    expect(await other.store.bankImports.file(fileId)).toBeUndefined()
    expect(await other.store.bankImports.files()).toEqual([])

    await club.store.bankImports.putReturnReason({ code: 'AM04', meaning: 'Keine Deckung', switchTo: 'invoice', letterText: '' })
    await club.store.bankImports.putReturnReason({ code: 'AM04', meaning: 'Keine Deckung!', switchTo: null, letterText: 'x' })
    expect(await club.store.bankImports.returnReasons()).toEqual([
      { code: 'AM04', meaning: 'Keine Deckung!', switchTo: null, letterText: 'x' },
    ])
    expect(await other.store.bankImports.returnReasons()).toEqual([])
  })
})
