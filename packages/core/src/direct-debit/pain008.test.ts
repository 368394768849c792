import { describe, expect, it } from 'vitest'
import { sepaFixture, xsdErrors } from '../../test/xsd'
import { writePain008, type Pain008Message, type Pain008Transaction } from './pain008'
import type { SequenceType } from './mandate'

const creditor = {
  name: 'Turnverein Großenhain 1864 e.V.',
  iban: 'DE02120300000000202051',
  bic: 'BYLADEM1001',
  creditorId: 'DE98ZZZ09999999999',
}

function tx(overrides: Partial<Pain008Transaction> = {}): Pain008Transaction {
  return {
    endToEndId: 'E2E-1',
    amount: 4800,
    mandateReference: 'VK-10042-1',
    signedOn: '2024-03-01',
    amendment: null,
    debtorName: 'Jürgen Müller-Lüdenscheidt',
    debtorIban: 'DE89370400440532013000',
    debtorBic: null,
    debtorAddress: null,
    remittance: 'Mitgliedsbeitrag 2027 Mitgl.-Nr. 10042',
    ...overrides,
  }
}

function message(sequenceType: SequenceType, transactions: Pain008Transaction[]): Pain008Message {
  return {
    messageId: 'MSG-2027-01-15-1',
    createdAt: '2027-01-10T09:30:00',
    creditor,
    batches: [{ paymentInformationId: `PMT-${sequenceType}`, sequenceType, collectionDate: '2027-01-15', transactions }],
  }
}

async function expectValid(xml: string) {
  expect(await xsdErrors(xml, 'pain.008.001.08.xsd')).toEqual([])
  expect(await xsdErrors(xml, 'pain.008.001.08_GBIC_5.xsd')).toEqual([])
}

describe('writePain008', () => {
  it.each(['FRST', 'RCUR', 'FNAL', 'OOFF'] as const)('writes a %s batch valid against the ISO and the DK GBIC_5 schema', async (type) => {
    const xml = writePain008(message(type, [tx(), tx({ endToEndId: 'E2E-2', amount: 1, debtorBic: 'COBADEFFXXX' })]))
    await expectValid(xml)
    expect(xml).toContain(`<SeqTp>${type}</SeqTp>`)
    expect(xml).toContain('<NbOfTxs>2</NbOfTxs><CtrlSum>48.01</CtrlSum>')
  })

  it('transliterates names and texts to the DK character set', async () => {
    const xml = writePain008(message('RCUR', [tx({ remittance: 'Beitrag für Straße & Söhne' })]))
    await expectValid(xml)
    expect(xml).toContain('<Nm>Juergen Mueller-Luedenscheidt</Nm>')
    expect(xml).toContain('<Ustrd>Beitrag fuer Strasse + Soehne</Ustrd>')
    expect(xml).toContain('<Nm>Turnverein Grossenhain 1864 e.V.</Nm>')
    expect(xml).not.toMatch(/[^\x20-\x7e\n]/)
  })

  it('cuts the remittance text to one Ustrd of 140 characters', async () => {
    const xml = writePain008(message('RCUR', [tx({ remittance: 'x'.repeat(300) })]))
    await expectValid(xml)
    expect(xml.match(/<Ustrd>([^<]*)<\/Ustrd>/)![1]).toHaveLength(140)
  })

  it('writes the amendment for a changed reference and a new IBAN at the same bank', async () => {
    const xml = writePain008(
      message('RCUR', [tx({ amendment: { originalReference: 'OLD-REF-1', originalIban: 'DE89370400440532013001', newBank: false } })]),
    )
    await expectValid(xml)
    expect(xml).toContain(
      '<AmdmntInd>true</AmdmntInd><AmdmntInfDtls><OrgnlMndtId>OLD-REF-1</OrgnlMndtId><OrgnlDbtrAcct><Id><IBAN>DE89370400440532013001</IBAN></Id></OrgnlDbtrAcct></AmdmntInfDtls>',
    )
  })

  it.each(['FRST', 'RCUR'] as const)('writes SMNDA for an account at another bank (%s)', async (type) => {
    const xml = writePain008(message(type, [tx({ amendment: { originalReference: null, originalIban: null, newBank: true } })]))
    await expectValid(xml)
    expect(xml).toContain('<OrgnlDbtrAcct><Id><Othr><Id>SMNDA</Id></Othr></Id></OrgnlDbtrAcct>')
    expect(xml).not.toContain('OrgnlDbtrAgt')
  })

  it('writes a hybrid address for a debtor outside the EEA', async () => {
    const xml = writePain008(
      message('RCUR', [
        tx({
          debtorIban: 'CH9300762011623852957',
          debtorName: 'Zoë Brönnimann',
          debtorAddress: { street: 'Bahnhofstraße 12', postcode: '8001', city: 'Zürich', country: 'CH' },
        }),
      ]),
    )
    await expectValid(xml)
    expect(xml).toContain('<PstlAdr><PstCd>8001</PstCd><TwnNm>Zuerich</TwnNm><Ctry>CH</Ctry><AdrLine>Bahnhofstrasse 12</AdrLine></PstlAdr>')
  })

  it('writes several batches in one file, one per sequence type', async () => {
    const xml = writePain008({
      ...message('FRST', [tx()]),
      batches: [
        { paymentInformationId: 'P-FRST', sequenceType: 'FRST', collectionDate: '2027-01-15', transactions: [tx()] },
        {
          paymentInformationId: 'P-RCUR',
          sequenceType: 'RCUR',
          collectionDate: '2027-01-15',
          transactions: [tx({ endToEndId: 'E2' }), tx({ endToEndId: 'E3' })],
        },
      ],
    })
    await expectValid(xml)
    expect(xml).toContain(
      '<GrpHdr><MsgId>MSG-2027-01-15-1</MsgId><CreDtTm>2027-01-10T09:30:00</CreDtTm><NbOfTxs>3</NbOfTxs><CtrlSum>144.00</CtrlSum>',
    )
  })

  it('refuses a text SEPA cannot carry instead of dropping it', () => {
    expect(() => writePain008(message('RCUR', [tx({ debtorName: '王小明' })]))).toThrow(
      expect.objectContaining({ code: 'SEPA_TEXT_INVALID' }),
    )
  })

  it('never changes an identifier: a mandate reference or end-to-end id outside the SEPA set or too long is refused', () => {
    expect(() => writePain008(message('RCUR', [tx({ mandateReference: 'vk-1-1ä' })]))).toThrow(
      expect.objectContaining({ code: 'SEPA_TEXT_INVALID' }),
    )
    expect(() => writePain008(message('RCUR', [tx({ endToEndId: 'E'.repeat(36) })]))).toThrow(
      expect.objectContaining({ code: 'SEPA_TEXT_INVALID' }),
    )
  })

  it('refuses an empty file and a zero amount', () => {
    expect(() => writePain008(message('RCUR', []))).toThrow(expect.objectContaining({ code: 'DIRECT_DEBIT_EXPORT_EMPTY' }))
    expect(() => writePain008(message('RCUR', [tx({ amount: 0 })]))).toThrow(expect.objectContaining({ code: 'SEPA_TEXT_INVALID' }))
  })
})

describe('the validation path', () => {
  it('refuses the shared file that is ISO-valid but not GBIC_5-valid', async () => {
    const sample = sepaFixture('samples/php-sepa-xml-pain.008.001.08-not-gbic5.xml')
    expect(await xsdErrors(sample, 'pain.008.001.08.xsd')).toEqual([])
    expect((await xsdErrors(sample, 'pain.008.001.08_GBIC_5.xsd')).join('\n')).toMatch(/UETR/)
  })
})
