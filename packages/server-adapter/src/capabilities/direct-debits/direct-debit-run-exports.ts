import writeExcelFile from 'write-excel-file/node'
import { formatGermanAmount } from '@vereinskit/core'
import type { DirectDebitRunDetail } from '@vereinskit/core/contract'
import { germanCsv } from '../../exports/german-csv'

const columns = ['Mitgliedsnummer', 'Name', 'Betrag', 'Lastschrifttyp', 'Status', 'Mandatsreferenz', 'Vorabinformation'] as const

function rows(run: DirectDebitRunDetail) {
  return run.debits.map((d) => ({
    Mitgliedsnummer: d.membershipNumbers.join(', '),
    Name: d.accountHolder,
    Betrag: d.amount,
    Lastschrifttyp: d.sequenceType,
    Status: d.status,
    Mandatsreferenz: d.reference,
    Vorabinformation: d.preNotification,
  }))
}

/** A run as CSV for German spreadsheets (docs/decisions/0004). */
export function directDebitRunCsv(run: DirectDebitRunDetail): string {
  return germanCsv(
    [...columns],
    rows(run).map((r) => ({ ...r, Betrag: formatGermanAmount(r.Betrag, { currency: false, grouping: false }) })),
  )
}

/** A run as an Excel workbook (handbook §6.5 "Export nach Excel"), amounts as numbers. */
export async function directDebitRunXlsx(run: DirectDebitRunDetail): Promise<Uint8Array<ArrayBuffer>> {
  const data = [
    columns.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows(run).map((r) => [
      { value: r.Mitgliedsnummer, type: String },
      { value: r.Name, type: String },
      { value: r.Betrag / 100, type: Number, format: '#,##0.00' },
      { value: r.Lastschrifttyp, type: String },
      { value: r.Status, type: String },
      { value: r.Mandatsreferenz, type: String },
      { value: r.Vorabinformation, type: String },
    ]),
  ]
  const buffer = await writeExcelFile(data as never, { sheet: `Lastschriften ${run.collectionDate}` } as never).toBuffer()
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer)
}
