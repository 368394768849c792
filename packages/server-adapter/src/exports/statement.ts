import writeExcelFile from 'write-excel-file/node'
import type { PostingView } from '@vereinskit/core/contract'

import { formatGermanAmount } from '@vereinskit/core'
import { germanCsv } from './german-csv'

const euros = (cents: number) => formatGermanAmount(cents, { currency: false, grouping: false })

/** Statement lines (Kontoauszug): Soll and Haben in two columns and the open amount per debit (handbook §11.8 Konto). */
function lines(postings: readonly PostingView[]) {
  return postings.map((p) => ({
    Datum: p.date,
    Buchungstext: p.text,
    Konto: p.accountName,
    Belegnummer: p.documentNumber ?? '',
    Soll: p.amount < 0 ? -p.amount : null,
    Haben: p.amount > 0 ? p.amount : null,
    offen: p.amount < 0 ? p.open : null,
  }))
}

/**
 * A statement as CSV for German spreadsheets: `;`-separated, decimal comma, UTF-8 with BOM, and cells that
 * could be read as formulas escaped.
 */
export function statementCsv(postings: readonly PostingView[]): string {
  const rows = lines(postings).map((l) => ({
    ...l,
    Soll: l.Soll === null ? '' : euros(l.Soll),
    Haben: l.Haben === null ? '' : euros(l.Haben),
    offen: l.offen === null ? '' : euros(l.offen),
  }))
  return germanCsv(['Datum', 'Buchungstext', 'Konto', 'Belegnummer', 'Soll', 'Haben', 'offen'], rows)
}

/** A statement as an Excel workbook with real numbers (euros, two decimals). */
export async function statementXlsx(postings: readonly PostingView[], title: string): Promise<Uint8Array<ArrayBuffer>> {
  const header = ['Datum', 'Buchungstext', 'Konto', 'Belegnummer', 'Soll', 'Haben', 'offen'].map((value) => ({
    value,
    fontWeight: 'bold' as const,
  }))
  const money = (cents: number | null) => (cents === null ? null : { value: cents / 100, type: Number, format: '#,##0.00' })
  const data = [
    header,
    ...lines(postings).map((l) => [
      { value: l.Datum, type: String },
      { value: l.Buchungstext, type: String },
      { value: l.Konto, type: String },
      { value: l.Belegnummer, type: String },
      money(l.Soll),
      money(l.Haben),
      money(l.offen),
    ]),
  ]
  const buffer = await writeExcelFile(data as never, { sheet: title.slice(0, 31) } as never).toBuffer()
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer)
}

/** A run's postings as CSV (Buchungen der Sollstellung exportieren, handbook §9.10.5 Sollstellungsläufe). */
export function postingsCsv(postings: readonly PostingView[]): string {
  const rows = postings.map((p) => ({
    Mitgliedsnummer: p.membershipNumber,
    Datum: p.date,
    Konto: p.accountName,
    Buchungstext: p.text,
    Betrag: euros(p.amount),
    Belegnummer: p.documentNumber ?? '',
  }))
  return germanCsv(['Mitgliedsnummer', 'Datum', 'Konto', 'Buchungstext', 'Betrag', 'Belegnummer'], rows)
}
