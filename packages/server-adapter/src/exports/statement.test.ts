import { describe, expect, it } from 'vitest'
import type { PostingView } from '@vereinskit/core/contract'
import { postingsCsv, statementCsv, statementXlsx } from './statement'

const posting = (overrides: Partial<PostingView>): PostingView => ({
  id: 'p1',
  membershipId: 'm1',
  membershipNumber: 1001,
  accountId: 'a1',
  accountName: 'Mitgliedsbeitrag',
  date: '2026-01-01',
  amount: -9600,
  text: 'Mitgliedsbeitrag',
  documentNumber: null,
  kind: 'charge',
  runId: null,
  reversalOf: null,
  reversedBy: null,
  open: 4600,
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: 'staff',
  ...overrides,
})

describe('exports', () => {
  it('names its columns even when there is nothing to export', () => {
    expect(statementCsv([])).toBe('\uFEFFDatum;Buchungstext;Konto;Belegnummer;Soll;Haben;offen\r\n')
    expect(postingsCsv([])).toBe('\uFEFFMitgliedsnummer;Datum;Konto;Buchungstext;Betrag;Belegnummer\r\n')
  })

  it('writes a statement with Soll, Haben and the open amount per debit, for German spreadsheets', () => {
    const csv = statementCsv([posting({}), posting({ id: 'p2', amount: 5000, text: 'Zahlung', open: 0 })])
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Datum;Buchungstext;Konto;Belegnummer;Soll;Haben;offen',
      '2026-01-01;Mitgliedsbeitrag;Mitgliedsbeitrag;;96,00;;46,00',
      '2026-01-01;Zahlung;Mitgliedsbeitrag;;;50,00;',
    ])
  })

  it('keeps negative amounts numeric but escapes text that a spreadsheet would run as a formula', () => {
    const csv = postingsCsv([posting({ text: '=HYPERLINK("http://evil")', amount: -7200 }), posting({ text: '-minus text', amount: 100 })])
    expect(csv).toContain(';-72,00;')
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`)
    expect(csv).toContain("'-minus text")
  })

  it('writes an xlsx workbook (a zip file)', async () => {
    const bytes = await statementXlsx([posting({})], 'Kontoauszug 1001')
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b])
    expect(bytes.length).toBeGreaterThan(1000)
  })
})
