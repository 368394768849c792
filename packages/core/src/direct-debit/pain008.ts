import type { CalendarDate } from '../calendar/calendar-date'
import type { PostalAddress } from '../applications/online-application'
import type { Cents } from '../money/cents'
import { formatCentsDecimal } from '../money/cents'
import { VereinskitError } from '../errors/vereinskit-error'
import { isSepaText, transliterateToSepa } from '../sepa/sepa-text'
import type { SequenceType } from './mandate'
import type { MandateAmendment } from './amendment'

/** The creditor (Gläubiger): the club. */
export interface Pain008Creditor {
  readonly name: string
  readonly iban: string
  readonly bic: string | null
  /** Gläubiger-Identifikationsnummer. */
  readonly creditorId: string
}

/** One collection in the file. */
export interface Pain008Transaction {
  readonly endToEndId: string
  readonly amount: Cents
  readonly mandateReference: string
  readonly signedOn: CalendarDate
  readonly amendment: MandateAmendment | null
  readonly debtorName: string
  readonly debtorIban: string
  readonly debtorBic: string | null
  /** Written as a hybrid address (postcode, town and country structured, the street as an address line). */
  readonly debtorAddress: PostalAddress | null
  readonly remittance: string
}

/** One payment information block (`PmtInf`): one sequence type and collection date. */
export interface Pain008Batch {
  readonly paymentInformationId: string
  readonly sequenceType: SequenceType
  readonly collectionDate: CalendarDate
  readonly transactions: readonly Pain008Transaction[]
}

/** A whole pain.008.001.08 message. */
export interface Pain008Message {
  readonly messageId: string
  /** `CreDtTm`, e.g. `2026-12-02T10:15:00`: from the Clock, never read here. */
  readonly createdAt: string
  readonly creditor: Pain008Creditor
  readonly batches: readonly Pain008Batch[]
}

/** The namespace of the only format we emit (spec/sepa.md §3.1: DK GBIC_5 accepts pain.008.001.08). */
export const pain008Namespace = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08'

/** Transliterates to the SEPA character set and cuts to `max`; refuses characters with no replacement. */
export function sepaText(text: string, max: number, what: string): string {
  const trimmed = text.trim()
  // Most texts are plain already: only the others go through transliteration, character by character.
  if (trimmed.length > 0 && trimmed.length <= max && isSepaText(trimmed)) return trimmed
  const { text: out, rejected } = transliterateToSepa(trimmed)
  if (rejected.length > 0) {
    throw new VereinskitError('SEPA_TEXT_INVALID', `${what} contains characters SEPA cannot carry: ${[...new Set(rejected)].join(' ')}`)
  }
  const cut = out.slice(0, max).trim()
  if (cut.length === 0) throw new VereinskitError('SEPA_TEXT_INVALID', `${what} is empty after transliteration to the SEPA character set.`)
  return cut
}

const markup = /[&<>]/

/** Escapes element content (texts are in the SEPA set by now, which has none of `& < >`; kept as a safeguard). */
/**
 * Identifiers (message, payment, end-to-end ids, mandate references) are never transliterated or cut: a changed
 * reference is another mandate for the bank, a cut end-to-end id no longer matches its return.
 */
export function sepaIdentifier(text: string, what: string): string {
  if (text.length === 0 || text.length > 35 || !isSepaText(text) || text.startsWith('/') || text.endsWith('/') || text.includes('//')) {
    throw new VereinskitError(
      'SEPA_TEXT_INVALID',
      `${what} "${text}" is not 1–35 characters of the SEPA set (no leading, trailing or double "/").`,
    )
  }
  return text
}

function esc(text: string): string {
  return markup.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : text
}

function agent(bic: string | null): string {
  return bic ? `<FinInstnId><BICFI>${esc(bic)}</BICFI></FinInstnId>` : '<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>'
}

function address(a: PostalAddress): string {
  if (!/^[A-Z]{2}$/.test(a.country)) throw new VereinskitError('SEPA_TEXT_INVALID', `"${a.country}" is not a country code.`)
  // Hybrid: town and country are required; postcode and street only when known.
  const postcode = a.postcode.trim() ? `<PstCd>${esc(sepaText(a.postcode, 16, 'The postcode'))}</PstCd>` : ''
  const street = a.street.trim() ? `<AdrLine>${esc(sepaText(a.street, 70, 'The street'))}</AdrLine>` : ''
  return `<PstlAdr>${postcode}<TwnNm>${esc(sepaText(a.city, 35, 'The town'))}</TwnNm><Ctry>${a.country}</Ctry>${street}</PstlAdr>`
}

function amendment(a: MandateAmendment): string {
  let details = ''
  if (a.originalReference !== null)
    details += `<OrgnlMndtId>${esc(sepaIdentifier(a.originalReference, 'The original mandate reference'))}</OrgnlMndtId>`
  if (a.newBank) details += '<OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct>'
  else if (a.originalIban !== null) details += `<OrgnlDbtrAcct><Id><IBAN>${esc(a.originalIban)}</IBAN></Id></OrgnlDbtrAcct>`
  return `<AmdmntInd>true</AmdmntInd><AmdmntInfDtls>${details}</AmdmntInfDtls>`
}

function transaction(t: Pain008Transaction): string {
  if (!Number.isSafeInteger(t.amount) || t.amount <= 0) {
    throw new VereinskitError('SEPA_TEXT_INVALID', `Collection ${t.endToEndId}: the amount must be at least 0.01 EUR.`)
  }
  return (
    `<DrctDbtTxInf><PmtId><EndToEndId>${esc(sepaIdentifier(t.endToEndId, 'The end-to-end id'))}</EndToEndId></PmtId>` +
    `<InstdAmt Ccy="EUR">${formatCentsDecimal(t.amount)}</InstdAmt>` +
    `<DrctDbtTx><MndtRltdInf><MndtId>${esc(sepaIdentifier(t.mandateReference, 'The mandate reference'))}</MndtId>` +
    `<DtOfSgntr>${t.signedOn}</DtOfSgntr>${t.amendment ? amendment(t.amendment) : ''}</MndtRltdInf></DrctDbtTx>` +
    `<DbtrAgt>${agent(t.debtorBic)}</DbtrAgt>` +
    `<Dbtr><Nm>${esc(sepaText(t.debtorName, 70, 'The debtor name'))}</Nm>${t.debtorAddress ? address(t.debtorAddress) : ''}</Dbtr>` +
    `<DbtrAcct><Id><IBAN>${esc(t.debtorIban)}</IBAN></Id></DbtrAcct>` +
    `<RmtInf><Ustrd>${esc(sepaText(t.remittance, 140, 'The remittance text'))}</Ustrd></RmtInf></DrctDbtTxInf>`
  )
}

/**
 * Writes a pain.008.001.08 direct-debit initiation (SEPA Core) in the German banks' GBIC_5 subset: one `PmtInf`
 * per batch, amounts in EUR from cents, texts transliterated to the DK character set (umlauts become AE/OE/UE,
 * ß becomes ss), one `Ustrd` of at most 140 characters, amendments per spec/sepa.md §3.6, a hybrid debtor
 * address where one is given. A text that cannot be carried is refused (`SEPA_TEXT_INVALID`), never dropped.
 */
export function writePain008(message: Pain008Message): string {
  const batches = message.batches.filter((b) => b.transactions.length > 0)
  if (batches.length === 0) throw new VereinskitError('DIRECT_DEBIT_EXPORT_EMPTY', 'A pain.008 file needs at least one collection.')
  let count = 0
  let total = 0
  const parts: string[] = []
  const creditorName = esc(sepaText(message.creditor.name, 70, 'The creditor name'))
  for (const b of batches) {
    let batchTotal = 0
    const txs: string[] = []
    for (const t of b.transactions) {
      txs.push(transaction(t))
      batchTotal += t.amount
    }
    count += b.transactions.length
    total += batchTotal
    parts.push(
      `<PmtInf><PmtInfId>${esc(sepaIdentifier(b.paymentInformationId, 'The payment information id'))}</PmtInfId><PmtMtd>DD</PmtMtd>` +
        `<BtchBookg>true</BtchBookg><NbOfTxs>${b.transactions.length}</NbOfTxs><CtrlSum>${formatCentsDecimal(batchTotal)}</CtrlSum>` +
        `<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl><LclInstrm><Cd>CORE</Cd></LclInstrm><SeqTp>${b.sequenceType}</SeqTp></PmtTpInf>` +
        `<ReqdColltnDt>${b.collectionDate}</ReqdColltnDt><Cdtr><Nm>${creditorName}</Nm></Cdtr>` +
        `<CdtrAcct><Id><IBAN>${esc(message.creditor.iban)}</IBAN></Id></CdtrAcct><CdtrAgt>${agent(message.creditor.bic)}</CdtrAgt>` +
        `<ChrgBr>SLEV</ChrgBr><CdtrSchmeId><Id><PrvtId><Othr><Id>${esc(message.creditor.creditorId)}</Id>` +
        `<SchmeNm><Prtry>SEPA</Prtry></SchmeNm></Othr></PrvtId></Id></CdtrSchmeId>`,
      ...txs,
      '</PmtInf>',
    )
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="${pain008Namespace}"><CstmrDrctDbtInitn>` +
    `<GrpHdr><MsgId>${esc(sepaIdentifier(message.messageId, 'The message id'))}</MsgId><CreDtTm>${esc(message.createdAt)}</CreDtTm>` +
    `<NbOfTxs>${count}</NbOfTxs><CtrlSum>${formatCentsDecimal(total)}</CtrlSum><InitgPty><Nm>${creditorName}</Nm></InitgPty></GrpHdr>` +
    parts.join('') +
    '</CstmrDrctDbtInitn></Document>\n'
  )
}
