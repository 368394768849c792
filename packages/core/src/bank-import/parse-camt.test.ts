import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { sepaFixture } from '../../test/xsd'
import { parseCamt, parseCamt053, parseCamt054 } from './parse-camt'
import { decimalToCents } from './decimal-cents'
import { classifyTransaction } from './classify-entry'

const samples = [
  ['genkgo-camt054.v2.xml', 'camt.054', '001.02'],
  ['genkgo-camt054.v8.xml', 'camt.054', '001.08'],
  ['genkgo-camt054.v8-with-UETR.xml', 'camt.054', '001.08'],
  ['genkgo-camt053.v2.minimal.xml', 'camt.053', '001.02'],
  ['genkgo-camt053.v2.multi.statement.xml', 'camt.053', '001.02'],
  ['genkgo-camt053.v8.xml', 'camt.053', '001.08'],
] as const

describe('parseCamt', () => {
  it.each(samples)('parses the shared sample %s', (file, message, version) => {
    const parsed = parseCamt(sepaFixture(`samples/${file}`))
    expect(parsed).toMatchObject({ message, version })
    const entries = parsed.statements.flatMap((s) => s.entries)
    expect(entries.length).toBeGreaterThan(0)
    for (const e of entries) {
      expect(Number.isSafeInteger(e.amount)).toBe(true)
      expect(e.transactions.length).toBeGreaterThan(0)
    }
  })

  it('reads both statements of a multi-statement file', () => {
    expect(parseCamt053(sepaFixture('samples/genkgo-camt053.v2.multi.statement.xml')).statements).toHaveLength(2)
  })

  it('reads the v08 details: status code, party names, UETR', () => {
    const file = parseCamt054(sepaFixture('samples/genkgo-camt054.v8-with-UETR.xml'))
    const entry = file.statements[0]!.entries[0]!
    expect(entry.status).toBe('BOOK')
    expect(entry.transactions.some((t) => t.uetr !== null)).toBe(true)
  })

  it('refuses the shared file that is not a valid camt.053', () => {
    expect(() => parseCamt053(sepaFixture('samples/genkgo-camt053.v2.wrong.xml'))).toThrow(
      expect.objectContaining({ code: expect.stringMatching(/^BANK_FILE_(INVALID|UNSUPPORTED|NOT_XML)$/) }),
    )
  })

  it('refuses the wrong message kind and other formats', () => {
    expect(() => parseCamt053(sepaFixture('samples/genkgo-camt054.v2.xml'))).toThrow(
      expect.objectContaining({ code: 'BANK_FILE_UNSUPPORTED' }),
    )
    expect(() => parseCamt(sepaFixture('samples/php-sepa-xml-pain.008.001.08-not-gbic5.xml'))).toThrow(
      expect.objectContaining({ code: 'BANK_FILE_UNSUPPORTED' }),
    )
  })
})

describe('hostile XML is refused before parsing', () => {
  const doc = (inner: string) => `<?xml version="1.0"?>${inner}<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.02"/>`
  it.each([
    ['entity expansion', doc('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'), 'BANK_FILE_DTD_REFUSED'],
    ['an external entity', doc('<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'), 'BANK_FILE_DTD_REFUSED'],
    ['a bare DOCTYPE', doc('<!DOCTYPE Document>'), 'BANK_FILE_DTD_REFUSED'],
    ['deep nesting', `<a>${'<b>'.repeat(1000)}${'</b>'.repeat(1000)}</a>`, 'BANK_FILE_TOO_DEEP'],
    ['a processing instruction', `<?xml version="1.0"?><?evil x?><Document/>`, 'BANK_FILE_NOT_XML'],
    ['broken XML', `<Document><Ntry></Document>`, 'BANK_FILE_NOT_XML'],
    ['not XML at all', `%PDF-1.7 binary`, 'BANK_FILE_NOT_XML'],
  ])('%s', (_name, xml, code) => {
    expect(() => parseCamt(xml)).toThrow(expect.objectContaining({ code }))
  })

  it('a 100 MB file', () => {
    expect(() => parseCamt(' '.repeat(100 * 1024 * 1024))).toThrow(expect.objectContaining({ code: 'BANK_FILE_TOO_LARGE' }))
  })
})

describe('decimalToCents', () => {
  it('reads exact cents and refuses fractions of a cent', () => {
    expect(decimalToCents('6.3', 'x')).toBe(630)
    expect(decimalToCents('200000', 'x')).toBe(20_000_000)
    expect(decimalToCents('0.10', 'x')).toBe(10)
    expect(decimalToCents('12.500', 'x')).toBe(1250)
    for (const bad of ['12.345', '-1.00', '1e3', '1,00', '', '0x10', '.5']) expect(() => decimalToCents(bad, 'x')).toThrow()
  })

  test.prop([fc.integer({ min: 0, max: 1_000_000_000_000 })])('reads back every amount written with two decimals', (cents) => {
    expect(decimalToCents(`${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`, 'x')).toBe(cents)
  })
})

describe('classifyTransaction (D17)', () => {
  const file = (entries: string) =>
    parseCamt054(
      `<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>M1</MsgId><CreDtTm>2027-01-20T08:00:00</CreDtTm></GrpHdr><Ntfctn><Id>N1</Id><Acct><Id><IBAN>DE02120300000000202051</IBAN></Id></Acct>${entries}</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>`,
    )
  const entry = (cd: string, extra = '', family = 'RCDT', tx = '') =>
    `<Ntry><Amt Ccy="EUR">53.00</Amt><CdtDbtInd>${cd}</CdtDbtInd>${extra}<Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2027-01-20</Dt></BookgDt><AcctSvcrRef>R-${cd}-${family}</AcctSvcrRef><BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${family}</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd><NtryDtls><TxDtls>${tx}</TxDtls></NtryDtls></Ntry>`
  const returned = `<Refs><EndToEndId>E2E-9</EndToEndId><MndtId>VK-9-1</MndtId></Refs><AmtDtls><InstdAmt><Amt Ccy="EUR">50.00</Amt></InstdAmt></AmtDtls><Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">3.00</TtlChrgsAndTaxAmt></Chrgs><RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf>`

  it('classifies each entry of a mixed file on its own', () => {
    const parsed = file(
      entry('CRDT', '', 'RCDT', '<RmtInf><Ustrd>Beitrag 10042</Ustrd></RmtInf>') +
        entry('DBIT', '', 'IDDT', returned) +
        entry('CRDT', '<RvslInd>true</RvslInd>') +
        entry('CRDT', '', 'ICDT', '<RtrInf><Rsn><Cd>AC04</Cd></Rsn></RtrInf>') +
        entry('DBIT', '', 'ICDT') +
        entry('CRDT', '', 'IDDT'),
    )
    const entries = parsed.statements[0]!.entries
    expect(entries.map((e) => classifyTransaction(e, e.transactions[0]!))).toEqual([
      'credit',
      'returned-debit',
      'reversal',
      'returned-transfer',
      'other',
      'collection-settlement',
    ])
    const ret = entries[1]!.transactions[0]!
    expect(ret).toMatchObject({ endToEndId: 'E2E-9', mandateId: 'VK-9-1', instructedAmount: 5000, charges: 300, returnReason: 'AM04' })
    expect(entries[0]!.transactions[0]!.remittance).toBe('Beitrag 10042')
  })

  it('never books a transaction of several without its own amount, and reads charges reported on the entry', () => {
    const parsed = file(
      entry('CRDT', '', 'RCDT', '<RmtInf><Ustrd>a</Ustrd></RmtInf></TxDtls><TxDtls><RmtInf><Ustrd>b</Ustrd></RmtInf>') +
        entry('DBIT', '', 'IDDT', '<Refs><EndToEndId>E</EndToEndId></Refs><RtrInf><Rsn><Cd>AM04</Cd></Rsn></RtrInf>').replace(
          '<NtryDtls>',
          '<Chrgs><TtlChrgsAndTaxAmt Ccy="EUR">3.00</TtlChrgsAndTaxAmt></Chrgs><NtryDtls>',
        ),
    )
    const [split, returned] = parsed.statements[0]!.entries
    expect(split!.transactions.map((t) => [t.amountKnown, classifyTransaction(split!, t)])).toEqual([
      [false, 'other'],
      [false, 'other'],
    ])
    expect(returned!.transactions[0]!.charges).toBe(300)
  })

  it('reports pending entries without booking them', () => {
    const parsed = file(entry('CRDT').replace('<Cd>BOOK</Cd>', '<Cd>PDNG</Cd>'))
    const e = parsed.statements[0]!.entries[0]!
    expect(classifyTransaction(e, e.transactions[0]!)).toBe('other')
  })
})
