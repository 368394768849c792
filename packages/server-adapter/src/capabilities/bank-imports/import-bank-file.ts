import { VereinskitError } from '@vereinskit/core'
import { matchMembershipNumber, parseCamt } from '@vereinskit/core/bank-import'
import type { ClubSettings } from '@vereinskit/core/settings'
import type { CalendarDate } from '@vereinskit/core'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { postingRow } from '../ledger/posting-row'
import { settleAccounts } from '../ledger/settle-accounts'
import type { BankEntryRecord, BankEntryStatus } from './bank-import-store'
import { entriesOf } from './bank-entry-keys'
import { bookReturnedDebit, effectiveReturnReasons } from './book-returned-debit'

/** The club's currency; every amount in another one is reported, never booked. */
export const clubCurrency = 'EUR'

interface ImportContext {
  readonly today: CalendarDate
  readonly now: Date
  readonly actor: string
}

async function sha256(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Imports a camt.053 or camt.054 file (handbook §6.6, §6.7, §9.18): a file that is not a valid one is refused
 * before anything is stored; a file seen before (same content or message id) is refused. The file and its
 * transactions are stored first (status `processing`); then each transaction is processed on its own in one
 * transaction — credits, returned debits, everything else reported — and the file becomes `active` (entries wait
 * for staff) or `closed`. Should processing fail, nothing of it is booked and the file is `failed` with the error.
 */
export async function importBankFile(storage: OrganisationStorage, upload: { fileName: string; content: string }, context: ImportContext) {
  const file = parseCamt(upload.content)
  const hash = await sha256(upload.content)
  const fileId = await storage.transaction(async (tx) => {
    await tx.organisation.getForUpdate()
    const settings = await tx.finance.getSettings()
    if (!settings.creditTransferAccountId || !settings.directDebitAccountId) {
      throw new VereinskitError(
        'BANK_IMPORT_SETTINGS_MISSING',
        'Bank imports need the credit-transfer account (creditTransferAccountId, GSKonto) and the direct-debit account (directDebitAccountId, gKontoBank).',
      )
    }
    if (await tx.bankImports.findFile(hash, file.message, file.messageId)) {
      throw new VereinskitError('BANK_FILE_ALREADY_IMPORTED', `${file.message} message ${file.messageId} has been imported already.`)
    }
    const id = await tx.bankImports.createFile({
      fileName: upload.fileName,
      message: file.message,
      version: file.version,
      messageId: file.messageId,
      contentHash: hash,
      createdBy: context.actor,
    })
    const entries = entriesOf(file)
    const known = await tx.bankImports.knownKeys(entries.map((e) => e.dedupeKey))
    const seen = new Set<string>()
    await tx.bankImports.insertEntries(
      id,
      entries.map((e) => {
        const duplicate = known.has(e.dedupeKey) || seen.has(e.dedupeKey)
        seen.add(e.dedupeKey)
        return duplicate ? { ...e, status: 'duplicate' as const, outcome: 'Imported before: not booked again.' } : e
      }),
    )
    return id
  })
  try {
    await storage.transaction(async (tx) => {
      await tx.organisation.getForUpdate()
      await processEntries(tx, fileId, context)
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    await storage.bankImports.setFileStatus(fileId, 'failed', message)
    if (!(error instanceof VereinskitError)) throw error
  }
  return (await storage.bankImports.file(fileId))!
}

async function processEntries(tx: OrganisationStorage, fileId: string, context: ImportContext): Promise<void> {
  const settings = await tx.finance.getSettings()
  const reasons = await effectiveReturnReasons(tx)
  const numbers = await numberIndex(tx)
  const entries = (await tx.bankImports.entries({ fileId, status: 'open' })).filter((e) => e.outcome === 'waiting for processing')
  const outcomes: Parameters<OrganisationStorage['bankImports']['resolveEntries']>[0][number][] = []
  const credits: { entry: BankEntryRecord; membershipId: string }[] = []
  for (const entry of entries) {
    const resolve = (status: BankEntryStatus, outcome: string, extra: Partial<(typeof outcomes)[number]> = {}) =>
      outcomes.push({ entryId: entry.id, status, outcome, membershipId: null, directDebitId: null, postingIds: [], ...extra })
    if (entry.currency !== clubCurrency) {
      resolve('reported', `The amount is in ${entry.currency}, not the club's ${clubCurrency}: not booked.`)
      continue
    }
    switch (entry.kind) {
      case 'credit': {
        const match = creditMatch(entry, settings, numbers)
        if (match.membershipId) credits.push({ entry, membershipId: match.membershipId })
        else resolve('open', match.outcome)
        break
      }
      case 'returned-debit': {
        const outcome = await bookReturnedDebit(tx, entry, settings, reasons, context)
        resolve(outcome.status, outcome.outcome, outcome)
        break
      }
      case 'returned-transfer':
        resolve('reported', 'A credit transfer the club sent came back: not a member payment, not booked.')
        break
      case 'reversal':
        resolve('reported', 'A reversal by the bank: not a member payment, not booked.')
        break
      case 'collection-settlement':
        resolve('reported', 'The bank paying out our direct-debit batch: its credits were booked at export.')
        break
      default:
        resolve('reported', 'Not a member payment (pending, outgoing or a fee): not booked.')
    }
  }
  const posted = await bookCredits(tx, credits, settings, context)
  credits.forEach((c, i) =>
    outcomes.push({
      entryId: c.entry.id,
      status: 'booked',
      outcome: `Booked to membership ${numbers.numberOf.get(c.membershipId)}.`,
      membershipId: c.membershipId,
      directDebitId: null,
      postingIds: [posted[i]!],
    }),
  )
  await tx.bankImports.resolveEntries(outcomes)
  await closeIfDone(tx, fileId)
}

/** Membership numbers of the organisation, both ways. */
async function numberIndex(tx: OrganisationStorage) {
  const payers = await tx.mandates.payers()
  return {
    idOf: new Map(payers.map((p) => [p.membershipNumber, p.membershipId])),
    numberOf: new Map(payers.map((p) => [p.membershipId, p.membershipNumber])),
  }
}

function creditMatch(
  entry: BankEntryRecord,
  settings: ClubSettings,
  numbers: Awaited<ReturnType<typeof numberIndex>>,
): { membershipId?: string; outcome: string } {
  if (!settings.creditMatchPattern) return { outcome: 'No pattern (GSRegExp) is set: assign by hand.' }
  const match = matchMembershipNumber(
    entry.remittance,
    { pattern: settings.creditMatchPattern, numberPattern: settings.creditMatchNumberPattern },
    (n) => numbers.idOf.has(n),
  )
  switch (match.outcome) {
    case 'matched':
      return { membershipId: numbers.idOf.get(match.membershipNumber)!, outcome: '' }
    case 'none':
      return { outcome: 'No membership number found in the remittance text: assign by hand.' }
    case 'ambiguous':
      return { outcome: `Several membership numbers found (${match.candidates.join(', ')}): assign by hand.` }
    case 'unknown-number':
      return { outcome: `No membership has number ${match.candidates[0]}: assign by hand.` }
  }
}

/** Books credits on the credit-transfer account with the club's text, then allocates them by priority (D3). */
export async function bookCredits(
  tx: OrganisationStorage,
  credits: readonly { entry: BankEntryRecord; membershipId: string }[],
  settings: ClubSettings,
  context: ImportContext,
): Promise<string[]> {
  if (credits.length === 0) return []
  const rows = await tx.ledger.insertPostings(
    credits.map(({ entry, membershipId }) =>
      postingRow({
        membershipId,
        accountId: settings.creditTransferAccountId!,
        date: entry.bookingDate ?? context.today,
        amount: entry.amount,
        text: settings.creditTransferText,
        documentNumber: null,
        kind: 'payment',
        runId: null,
        createdBy: context.actor,
      }),
    ),
  )
  await settleAccounts(
    tx,
    credits.map((c) => c.membershipId),
  )
  return rows.map((r) => r.id)
}

/** A file with no open entry left is closed; otherwise it stays active for manual processing (handbook §6.7). */
export async function closeIfDone(tx: OrganisationStorage, fileId: string): Promise<void> {
  const file = await tx.bankImports.file(fileId)
  if (!file) return
  await tx.bankImports.setFileStatus(fileId, file.counts.open > 0 ? 'active' : 'closed')
}
