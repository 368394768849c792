import { VereinskitError } from '../errors/vereinskit-error'
import type { CalendarDate } from '../calendar/calendar-date'
import { isCalendarDate } from '../calendar/calendar-date'
import { attribute, child, children, parseSafeXml, rootNamespace, textAt, type XmlLimits, type XmlNode } from './safe-xml'
import { decimalToCents } from './decimal-cents'
import type { BankTransactionCode, CamtEntry, CamtFile, CamtStatement, CamtTransaction } from './camt-entry'

const namespaces = /^urn:iso:std:iso:20022:tech:xsd:camt\.(053|054)\.001\.(02|08)$/

function invalid(message: string): never {
  throw new VereinskitError('BANK_FILE_INVALID', message)
}

function dateOf(node: XmlNode | undefined): CalendarDate | null {
  const text = textAt(node, 'Dt') ?? textAt(node, 'DtTm')?.slice(0, 10) ?? null
  return text !== null && isCalendarDate(text) ? text : null
}

function amountOf(node: XmlNode | undefined, where: string): { cents: number; currency: string } | null {
  if (node === undefined) return null
  const text = typeof node === 'string' ? node : textAt({ x: [node] }, 'x')
  const currency = typeof node === 'string' ? null : attribute(node, 'Ccy')
  if (text === null || currency === null || !/^[A-Z]{3}$/.test(currency)) invalid(`${where}: the amount or its currency is missing.`)
  return { cents: decimalToCents(text, where), currency }
}

function partyName(party: XmlNode | undefined): string | null {
  // v02: Dbtr/Nm; v08: Dbtr/Pty/Nm.
  return textAt(party, 'Nm') ?? textAt(party, 'Pty', 'Nm')
}

function chargesOf(tx: XmlNode | undefined, where: string): number | null {
  const charges = child(tx, 'Chrgs')
  if (charges === undefined) return null
  const total = child(charges, 'TtlChrgsAndTaxAmt')
  if (total !== undefined) return amountOf(total, `${where} charges`)!.cents
  // v02 repeats Chrgs with Amt; v08 lists Rcrd with Amt.
  const records = [...children(tx, 'Chrgs').filter((c) => child(c, 'Amt') !== undefined), ...children(charges, 'Rcrd')]
  if (records.length === 0) return null
  return records.reduce((sum, r) => sum + amountOf(child(r, 'Amt'), `${where} charges`)!.cents, 0)
}

function transactionOf(tx: XmlNode | undefined, entry: { amount: number; currency: string }, where: string): CamtTransaction {
  const refs = child(tx, 'Refs')
  const details = child(tx, 'AmtDtls')
  const own = amountOf(child(tx, 'Amt'), where) ?? amountOf(child(child(details, 'TxAmt'), 'Amt'), where)
  const instructed = amountOf(child(child(details, 'InstdAmt'), 'Amt'), where)
  const parties = child(tx, 'RltdPties')
  // The counterparty is the debtor either way: who paid us (a credit) or whose collection came back (a debit).
  const counterpartyRole = 'Dbtr'
  const remittanceInfo = child(tx, 'RmtInf')
  const unstructured = children(remittanceInfo, 'Ustrd').map((u) => (typeof u === 'string' ? u : textAt({ x: [u] }, 'x') ?? ''))
  const structured = textAt(remittanceInfo, 'Strd', 'CdtrRefInf', 'Ref')
  const returnInfo = child(tx, 'RtrInf')
  const reason = textAt(returnInfo, 'Rsn', 'Cd') ?? textAt(returnInfo, 'Rsn', 'Prtry')
  const additional = children(returnInfo, 'AddtlInf').map((a) => (typeof a === 'string' ? a : '')).join(' ')
  return {
    endToEndId: nonEmpty(textAt(refs, 'EndToEndId')),
    mandateId: textAt(refs, 'MndtId'),
    accountServicerReference: textAt(refs, 'AcctSvcrRef'),
    uetr: textAt(refs, 'UETR'),
    amount: own?.cents ?? entry.amount,
    currency: own?.currency ?? entry.currency,
    instructedAmount: instructed?.cents ?? null,
    charges: chargesOf(tx, where),
    counterpartyName: partyName(child(parties, counterpartyRole)) ?? partyName(child(parties, 'UltmtDbtr')),
    counterpartyIban: textAt(parties, `${counterpartyRole}Acct`, 'Id', 'IBAN'),
    remittance: [...unstructured, ...(structured ? [structured] : [])].join(' ').trim(),
    returnReason: reason,
    hasReturnInformation: returnInfo !== undefined,
    additionalReturnInformation: additional.trim() || null,
  }
}

function nonEmpty(text: string | null): string | null {
  // Banks write NOTPROVIDED when the payer gave no end-to-end id.
  return text === null || text === '' || text.toUpperCase() === 'NOTPROVIDED' ? null : text
}

function bankTransactionCodeOf(node: XmlNode | undefined): BankTransactionCode {
  const domain = child(node, 'Domn')
  return {
    domain: textAt(domain, 'Cd'),
    family: textAt(domain, 'Fmly', 'Cd'),
    subFamily: textAt(domain, 'Fmly', 'SubFmlyCd'),
    proprietary: textAt(node, 'Prtry', 'Cd'),
  }
}

function entryOf(ntry: XmlNode, index: number, statement: { id: string; iban: string | null }, version: string): CamtEntry {
  const where = `Entry ${index + 1}`
  const amount = amountOf(child(ntry, 'Amt'), where) ?? invalid(`${where}: the amount is missing.`)
  const creditDebit = textAt(ntry, 'CdtDbtInd')
  if (creditDebit !== 'CRDT' && creditDebit !== 'DBIT') invalid(`${where}: CdtDbtInd must be CRDT or DBIT.`)
  const status = version === '001.02' ? textAt(ntry, 'Sts') : (textAt(ntry, 'Sts', 'Cd') ?? textAt(ntry, 'Sts', 'Prtry'))
  if (status === null) invalid(`${where}: the status is missing.`)
  const base = { amount: amount.cents, currency: amount.currency }
  const txs = children(ntry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'))
  return {
    index,
    statementId: statement.id,
    accountIban: statement.iban,
    accountServicerReference: textAt(ntry, 'AcctSvcrRef'),
    entryReference: textAt(ntry, 'NtryRef'),
    amount: amount.cents,
    currency: amount.currency,
    creditDebit,
    reversal: textAt(ntry, 'RvslInd') === 'true',
    status,
    bookingDate: dateOf(child(ntry, 'BookgDt')),
    valueDate: dateOf(child(ntry, 'ValDt')),
    bankTransactionCode: bankTransactionCodeOf(child(ntry, 'BkTxCd')),
    transactions: txs.length > 0 ? txs.map((tx, i) => transactionOf(tx, base, `${where}, transaction ${i + 1}`)) : [transactionOf(undefined, base, where)],
    additionalInformation: textAt(ntry, 'AddtlNtryInf'),
  }
}

/**
 * Parses a camt.053 statement or camt.054 notification, version .001.02 or .001.08, from text we did not write:
 * refused before parsing when it declares a DTD or entity, is too large or too deep (`assertSafeXml`); refused
 * when it is not one of the four formats or lacks an entry's amount, currency, credit/debit indicator or status.
 * Amounts become exact cents (`decimalToCents`). Nothing is booked here.
 */
export function parseCamt(xml: string, limits: XmlLimits = {}): CamtFile {
  const root = parseSafeXml(xml, limits)
  const document = child(root, 'Document') ?? invalid('The root element must be Document.')
  const namespace = rootNamespace(xml) ?? ''
  const match = namespaces.exec(namespace)
  if (!match) throw new VereinskitError('BANK_FILE_UNSUPPORTED', `Unsupported namespace "${namespace}".`)
  const message = match[1] === '053' ? 'camt.053' : 'camt.054'
  const version = match[2] === '02' ? '001.02' : '001.08'
  const body = child(document, message === 'camt.053' ? 'BkToCstmrStmt' : 'BkToCstmrDbtCdtNtfctn') ?? invalid(`The ${message} message body is missing.`)
  const messageId = textAt(body, 'GrpHdr', 'MsgId') ?? invalid('GrpHdr/MsgId is missing.')
  let index = 0
  const statements: CamtStatement[] = children(body, message === 'camt.053' ? 'Stmt' : 'Ntfctn').map((s) => {
    const id = textAt(s, 'Id') ?? invalid('A statement has no Id.')
    const iban = textAt(s, 'Acct', 'Id', 'IBAN')
    return { id, accountIban: iban, entries: children(s, 'Ntry').map((n) => entryOf(n, index++, { id, iban }, version)) }
  })
  if (statements.length === 0) invalid(`The ${message} file has no ${message === 'camt.053' ? 'statement' : 'notification'}.`)
  return { message, version, messageId, createdAt: textAt(body, 'GrpHdr', 'CreDtTm'), statements }
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
