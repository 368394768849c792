import { VereinskitError } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { ReturnReasonCode } from '@vereinskit/core/bank-import'
import { normalizeIban } from '@vereinskit/core/sepa'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { bookCredits, clubCurrency, closeIfDone, importBankFile } from './import-bank-file'
import { effectiveReturnReasons } from './book-returned-debit'
import { bankEntryView, bankFileView } from './bank-import-view'

async function openEntry(tx: OrganisationStorage, entryId: string) {
  const entry = await tx.bankImports.entry(entryId, { forUpdate: true })
  if (!entry) throw notFound('BANK_ENTRY_NOT_FOUND', 'Bank entry', entryId)
  const file = await tx.bankImports.file(entry.fileId)
  if (!file || file.status === 'failed' || file.status === 'closed')
    throw new VereinskitError('BANK_FILE_CLOSED', `File ${entry.fileId} is ${file?.status ?? 'gone'}.`)
  if (entry.status !== 'open') throw new VereinskitError('BANK_ENTRY_NOT_OPEN', `Entry ${entry.id} is ${entry.status}: ${entry.outcome}`)
  return entry
}

/** Bank imports: upload, files, entries, manual assignment and dismissal, the return-reason table. */
export const bankImportHandlers: RouteHandlers<typeof contract.bankImports> = {
  async upload({ body }, { storage, today, clock, actor }) {
    return bankFileView(await importBankFile(storage, body, { today, now: clock.now(), actor }))
  },

  async list(_, { storage }) {
    return (await storage.bankImports.files()).map(bankFileView)
  },

  async get({ params }, { storage }) {
    const file = await storage.bankImports.file(params.fileId)
    if (!file) throw notFound('BANK_FILE_NOT_FOUND', 'Bank file', params.fileId)
    return bankFileView(file)
  },

  async entries({ params, query }, { storage }) {
    if (!(await storage.bankImports.file(params.fileId))) throw notFound('BANK_FILE_NOT_FOUND', 'Bank file', params.fileId)
    return (await storage.bankImports.entries({ fileId: params.fileId, status: query.status })).map(bankEntryView)
  },

  async candidates({ params }, { storage }) {
    const entry = await storage.bankImports.entry(params.entryId)
    if (!entry) throw notFound('BANK_ENTRY_NOT_FOUND', 'Bank entry', params.entryId)
    const [payers, mandates] = await Promise.all([storage.mandates.payers(), storage.mandates.mandates()])
    const iban = entry.counterpartyIban ? normalizeIban(entry.counterpartyIban) : null
    const ibanPersons = new Set(mandates.filter((m) => iban !== null && m.iban === iban).map((m) => m.personId))
    const words = (entry.counterpartyName ?? '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 3)
    const numbers = new Set((entry.remittance.match(/\d{2,10}/g) ?? []).map(Number))
    const found = payers.flatMap((p) => {
      const reasons: ('iban' | 'name' | 'number')[] = []
      if (ibanPersons.has(p.payerPersonId)) reasons.push('iban')
      if (words.includes(p.payerLastName.toLowerCase())) reasons.push('name')
      if (numbers.has(p.membershipNumber)) reasons.push('number')
      return reasons.length > 0 ? [{ membershipId: p.membershipId, membershipNumber: p.membershipNumber, name: p.payerName, reasons }] : []
    })
    return found.sort((a, b) => b.reasons.length - a.reasons.length || a.membershipNumber - b.membershipNumber).slice(0, 50)
  },

  assign: ({ params, body }, { storage, today, clock, actor }) =>
    storage.transaction(async (tx) => {
      await tx.organisation.getForUpdate()
      const entry = await openEntry(tx, params.entryId)
      if (entry.kind !== 'credit' || entry.currency !== clubCurrency) {
        throw new VereinskitError(
          'BANK_ENTRY_NOT_ASSIGNABLE',
          `Entry ${entry.id} is a ${entry.kind} in ${entry.currency}; only credits in ${clubCurrency} can be booked to a member.`,
        )
      }
      const [payer] = await tx.mandates.payers([body.membershipId])
      if (!payer) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', body.membershipId)
      const settings = await tx.finance.getSettings()
      if (!settings.creditTransferAccountId)
        throw new VereinskitError('BANK_IMPORT_SETTINGS_MISSING', 'Set the credit-transfer account (creditTransferAccountId) first.')
      const [postingId] = await bookCredits(tx, [{ entry, membershipId: payer.membershipId }], settings, { today, now: clock.now(), actor })
      await tx.bankImports.resolveEntries([
        {
          entryId: entry.id,
          status: 'booked',
          outcome: `Booked by hand to membership ${payer.membershipNumber}.`,
          membershipId: payer.membershipId,
          directDebitId: null,
          postingIds: [postingId!],
        },
      ])
      await closeIfDone(tx, entry.fileId)
      return bankEntryView((await tx.bankImports.entry(entry.id))!)
    }),

  dismiss: ({ params, body }, { storage }) =>
    storage.transaction(async (tx) => {
      const entry = await openEntry(tx, params.entryId)
      await tx.bankImports.resolveEntries([
        { entryId: entry.id, status: 'dismissed', outcome: body.note, membershipId: null, directDebitId: null, postingIds: [] },
      ])
      await closeIfDone(tx, entry.fileId)
      return bankEntryView((await tx.bankImports.entry(entry.id))!)
    }),

  async returnReasons(_, { storage }) {
    return effectiveReturnReasons(storage)
  },

  async putReturnReason({ params, body }, { storage }) {
    const code = ReturnReasonCode.safeParse(params.code)
    if (!code.success)
      throw new VereinskitError(
        'RETURN_REASON_INVALID',
        `"${params.code}" is not a return reason code (four letters or digits, e.g. AM04).`,
      )
    const reason = { code: code.data, meaning: body.meaning, switchTo: body.switchTo, letterText: body.letterText }
    await storage.bankImports.putReturnReason(reason)
    return reason
  },
}
