import { VereinskitError } from '../errors/vereinskit-error'
import { isCalendarDate, type CalendarDate } from '../calendar/calendar-date'
import { assertSafeXml, readSafeXml, rootNamespace, type XmlLimits } from './safe-xml'
import { decimalToCents } from './decimal-cents'
import type { CamtEntry, CamtFile, CamtStatement, CamtTransaction } from './camt-entry'

/** Relative paths (`Refs/EndToEndId`) interned per file: built once per distinct path, not once per element. */
function keyOf(internedKeys: Map<string, Map<string, string>>, parent: string, name: string): string {
  let children = internedKeys.get(parent)
  if (children === undefined) {
    children = new Map()
    internedKeys.set(parent, children)
  }
  let key = children.get(name)
  if (key === undefined) {
    key = parent === '' ? name : `${parent}/${name}`
    if (internedKeys.size < 1000) children.set(name, key)
  }
  return key
}

const namespaces = /^urn:iso:std:iso:20022:tech:xsd:camt\.(053|054)\.001\.(02|08)$/

function invalid(message: string): never {
  throw new VereinskitError('BANK_FILE_INVALID', message)
}

type Fields = Map<string, string>

interface EntryDraft {
  readonly fields: Fields
  readonly currency: Map<string, string>
  readonly charges: number[]
  readonly transactions: {
    fields: Fields
    currency: Map<string, string>
    ustrd: string[]
    charges: number[]
    returnInfo: boolean
    additional: string[]
  }[]
}

function date(fields: Fields, key: string): CalendarDate | null {
  const text = fields.get(`${key}/Dt`) ?? fields.get(`${key}/DtTm`)?.slice(0, 10) ?? null
  return text !== null && isCalendarDate(text) ? text : null
}

function money(fields: Fields, currencies: Map<string, string>, key: string, where: string): { cents: number; currency: string } | null {
  const text = fields.get(key)
  if (text === undefined) return null
  const currency = currencies.get(key)
  if (currency === undefined || !/^[A-Z]{3}$/.test(currency)) invalid(`${where}: the currency of ${key} is missing.`)
  return { cents: decimalToCents(text, where), currency }
}

function nonEmpty(text: string | undefined): string | null {
  // Banks write NOTPROVIDED when the payer gave no end-to-end id.
  return text === undefined || text === '' || text.toUpperCase() === 'NOTPROVIDED' ? null : text
}

function entryOf(draft: EntryDraft, index: number, statement: { id: string; iban: string | null }, version: string): CamtEntry {
  const where = `Entry ${index + 1}`
  const f = draft.fields
  const amount = money(f, draft.currency, 'Amt', where) ?? invalid(`${where}: the amount is missing.`)
  const creditDebit = f.get('CdtDbtInd')
  if (creditDebit !== 'CRDT' && creditDebit !== 'DBIT') invalid(`${where}: CdtDbtInd must be CRDT or DBIT.`)
  const status = version === '001.02' ? f.get('Sts') : (f.get('Sts/Cd') ?? f.get('Sts/Prtry'))
  if (status === undefined) invalid(`${where}: the status is missing.`)
  const txs =
    draft.transactions.length > 0
      ? draft.transactions
      : [{ fields: new Map(), currency: new Map(), ustrd: [], charges: [], returnInfo: false, additional: [] }]
  return {
    index,
    statementId: statement.id,
    accountIban: statement.iban,
    accountServicerReference: f.get('AcctSvcrRef') ?? null,
    entryReference: f.get('NtryRef') ?? null,
    amount: amount.cents,
    currency: amount.currency,
    creditDebit,
    reversal: f.get('RvslInd') === 'true',
    status,
    bookingDate: date(f, 'BookgDt'),
    valueDate: date(f, 'ValDt'),
    bankTransactionCode: {
      domain: f.get('BkTxCd/Domn/Cd') ?? null,
      family: f.get('BkTxCd/Domn/Fmly/Cd') ?? null,
      subFamily: f.get('BkTxCd/Domn/Fmly/SubFmlyCd') ?? null,
      proprietary: f.get('BkTxCd/Prtry/Cd') ?? null,
    },
    transactions: txs.map((t, i): CamtTransaction => {
      const w = draft.transactions.length > 0 ? `${where}, transaction ${i + 1}` : where
      const own = money(t.fields, t.currency, 'Amt', w) ?? money(t.fields, t.currency, 'AmtDtls/TxAmt/Amt', w)
      const total = money(t.fields, t.currency, 'Chrgs/TtlChrgsAndTaxAmt', w)
      const structured = t.fields.get('RmtInf/Strd/CdtrRefInf/Ref')
      return {
        endToEndId: nonEmpty(t.fields.get('Refs/EndToEndId')),
        mandateId: t.fields.get('Refs/MndtId') ?? null,
        accountServicerReference: t.fields.get('Refs/AcctSvcrRef') ?? null,
        uetr: t.fields.get('Refs/UETR') ?? null,
        amount: own?.cents ?? amount.cents,
        amountKnown: own !== null || txs.length === 1,
        currency: own?.currency ?? amount.currency,
        instructedAmount: money(t.fields, t.currency, 'AmtDtls/InstdAmt/Amt', w)?.cents ?? null,
        // v02 repeats Chrgs with Amt each, v08 has one total and records; charges on the entry count for a single transaction.
        charges:
          t.charges.length > 0
            ? t.charges.reduce((a, b) => a + b, 0)
            : total
              ? total.cents
              : txs.length === 1 && draft.charges.length > 0
                ? draft.charges.reduce((a, b) => a + b, 0)
                : ((txs.length === 1 ? money(f, draft.currency, 'Chrgs/TtlChrgsAndTaxAmt', w)?.cents : undefined) ?? null),
        counterpartyName:
          t.fields.get('RltdPties/Dbtr/Nm') ??
          t.fields.get('RltdPties/Dbtr/Pty/Nm') ??
          t.fields.get('RltdPties/UltmtDbtr/Nm') ??
          t.fields.get('RltdPties/UltmtDbtr/Pty/Nm') ??
          null,
        counterpartyIban: t.fields.get('RltdPties/DbtrAcct/Id/IBAN') ?? null,
        remittance: [...t.ustrd, ...(structured ? [structured] : [])].join(' ').trim(),
        returnReason: t.fields.get('RtrInf/Rsn/Cd') ?? t.fields.get('RtrInf/Rsn/Prtry') ?? null,
        hasReturnInformation: t.returnInfo,
        additionalReturnInformation: t.additional.join(' ').trim() || null,
      }
    }),
    additionalInformation: f.get('AddtlNtryInf') ?? null,
  }
}

/**
 * Parses a camt.053 statement or camt.054 notification, version .001.02 or .001.08, from text we did not write:
 * refused before reading when it declares a DTD or entity, is too large or too deep (`assertSafeXml`); refused
 * when it is not one of the four formats, not well-formed, or lacks an entry's amount, currency, credit/debit
 * indicator or status. Amounts become exact cents (`decimalToCents`). Read in one pass without a tree, so 100,000
 * entries take well under the three seconds the import allows. Nothing is booked here.
 */
export function parseCamt(xml: string, limits: XmlLimits = {}): CamtFile {
  const namespace = rootNamespace(xml) ?? ''
  const match = namespaces.exec(namespace)
  if (!match) {
    assertSafeXml(xml, limits)
    throw new VereinskitError('BANK_FILE_UNSUPPORTED', `Unsupported namespace "${namespace}".`)
  }
  const message = match[1] === '053' ? 'camt.053' : 'camt.054'
  const version = match[2] === '02' ? '001.02' : '001.08'
  const bodyName = message === 'camt.053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn'
  const statementName = message === 'camt.053' ? 'Stmt' : 'Ntfctn'
  const path: string[] = []
  // Each open element's path relative to the innermost statement, entry or transaction around it.
  const keys: string[] = []
  const interned = new Map<string, Map<string, string>>()
  let statementDepth = -1
  let entryDepth = -1
  let txDepth = -1
  let body = false
  let messageId: string | null = null
  let createdAt: string | null = null
  let statement: { id: string | null; iban: string | null; drafts: EntryDraft[] } | null = null
  let entry: EntryDraft | null = null
  let tx: EntryDraft['transactions'][number] | null = null
  const statements: { id: string | null; iban: string | null; drafts: EntryDraft[] }[] = []

  readSafeXml(
    xml,
    {
      open(name, attributes) {
        path.push(name)
        const depth = path.length - 1
        const parentKey = depth > 0 ? keys[depth - 1]! : ''
        keys[depth] = keyOf(interned, parentKey, name)
        if (depth === 1 && name === bodyName && path[0] === 'Document') body = true
        else if (body && depth === 2 && name === statementName) {
          statement = { id: null, iban: null, drafts: [] }
          statements.push(statement)
          statementDepth = depth
          keys[depth] = ''
        } else if (statement && depth === statementDepth + 1 && name === 'Ntry') {
          entry = { fields: new Map(), currency: new Map(), charges: [], transactions: [] }
          statement.drafts.push(entry)
          entryDepth = depth
          keys[depth] = ''
        } else if (entry && name === 'TxDtls' && depth === entryDepth + 2 && path[entryDepth + 1] === 'NtryDtls') {
          tx = { fields: new Map(), currency: new Map(), ustrd: [], charges: [], returnInfo: false, additional: [] }
          entry.transactions.push(tx)
          txDepth = depth
          keys[depth] = ''
        } else if (tx && name === 'RtrInf' && depth === txDepth + 1) tx.returnInfo = true
        const currency = attributes?.Ccy
        if (currency !== undefined) {
          if (tx) tx.currency.set(keys[depth]!, currency)
          else if (entry) entry.currency.set(keys[depth]!, currency)
        }
      },
      text(value) {
        const depth = path.length - 1
        const key = keys[depth]!
        if (tx) {
          if (key === 'RmtInf/Ustrd') tx.ustrd.push(value)
          else if (key === 'RtrInf/AddtlInf') tx.additional.push(value)
          else if (key === 'Chrgs/Amt' || key === 'Chrgs/Rcrd/Amt') {
            const currency = tx.currency.get(key)
            if (currency === undefined) invalid('A charge has no currency.')
            tx.charges.push(decimalToCents(value, 'A charge'))
          } else if (!tx.fields.has(key)) tx.fields.set(key, value)
        } else if (entry) {
          if (key === 'Chrgs/Amt' || key === 'Chrgs/Rcrd/Amt') entry.charges.push(decimalToCents(value, 'A charge'))
          else if (!entry.fields.has(key)) entry.fields.set(key, value)
        } else if (statement && key === 'Id') statement.id = value
        else if (statement && key === 'Acct/Id/IBAN') statement.iban = value
        else if (body && depth === 3 && path[2] === 'GrpHdr' && path[3] === 'MsgId') messageId = value
        else if (body && depth === 3 && path[2] === 'GrpHdr' && path[3] === 'CreDtTm') createdAt = value
      },
      close() {
        const depth = path.length - 1
        if (depth === txDepth) {
          tx = null
          txDepth = -1
        } else if (depth === entryDepth) {
          entry = null
          entryDepth = -1
        } else if (depth === statementDepth) {
          statement = null
          statementDepth = -1
        }
        path.pop()
      },
    },
    limits,
  )
  if (!body) invalid(`The ${message} message body is missing.`)
  if (messageId === null) invalid('GrpHdr/MsgId is missing.')
  if (statements.length === 0) invalid(`The ${message} file has no ${message === 'camt.053' ? 'statement' : 'notification'}.`)
  let index = 0
  const parsed: CamtStatement[] = statements.map((s) => {
    if (s.id === null) invalid('A statement has no Id.')
    const own = { id: s.id, iban: s.iban }
    return { id: s.id, accountIban: s.iban, entries: s.drafts.map((d) => entryOf(d, index++, own, version)) }
  })
  return { message, version, messageId, createdAt, statements: parsed }
}

/** Parses a camt.054 notification (Sammlerauflösung); refuses any other message. */
export function parseCamt054(xml: string, limits: XmlLimits = {}): CamtFile {
  const file = parseCamt(xml, limits)
  if (file.message !== 'camt.054') throw new VereinskitError('BANK_FILE_UNSUPPORTED', `Expected camt.054, got ${file.message}.`)
  return file
}

/** Parses a camt.053 statement (Kontoauszug); refuses any other message. */
export function parseCamt053(xml: string, limits: XmlLimits = {}): CamtFile {
  const file = parseCamt(xml, limits)
  if (file.message !== 'camt.053') throw new VereinskitError('BANK_FILE_UNSUPPORTED', `Expected camt.053, got ${file.message}.`)
  return file
}
