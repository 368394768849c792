import writeExcelFile from 'write-excel-file/node'
import { formatGermanDate } from '@vereinskit/core'
import { germanCsv } from '../../exports/german-csv'
import type { ResultListEntryRecord } from './result-list-store'

const columns = ['Mitgliedsnummer', 'Rolle', 'Name', 'Vorname', 'Firma', 'Straße', 'PLZ', 'Ort', 'Geburtsdatum', 'Status'] as const

const status = (e: ResultListEntryRecord) => (e.archived ? 'archiviert' : e.inactive ? 'inaktiv' : e.membershipId ? 'aktiv' : 'Person')

/**
 * A result list as CSV for German spreadsheets (docs/decisions/0004): `;`, UTF-8 with BOM, formula-looking text
 * escaped, dates as TT.MM.JJJJ, which German Excel reads as dates (the handbook's "Text in Spalten" step is gone).
 */
export function resultListCsv(entries: readonly ResultListEntryRecord[]): string {
  return germanCsv(
    [...columns],
    entries.map((e) => ({
      Mitgliedsnummer: e.number ?? '',
      Rolle: e.role ?? '',
      Name: e.lastName,
      Vorname: e.firstName,
      Firma: e.company ?? '',
      Straße: e.street,
      PLZ: e.postcode,
      Ort: e.city,
      Geburtsdatum: e.dateOfBirth ? formatGermanDate(e.dateOfBirth) : '',
      Status: status(e),
    })),
  )
}

/** A result list as an Excel workbook: numbers as numbers, birth dates as real dates. */
export async function resultListXlsx(name: string, entries: readonly ResultListEntryRecord[]): Promise<Uint8Array<ArrayBuffer>> {
  const text = (value: string | null) => ({ value: value ?? '', type: String })
  const data = [
    columns.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...entries.map((e) => [
      e.number === null ? text('') : { value: e.number, type: Number },
      text(e.role),
      text(e.lastName),
      text(e.firstName),
      text(e.company),
      text(e.street),
      text(e.postcode),
      text(e.city),
      e.dateOfBirth ? { value: new Date(`${e.dateOfBirth}T00:00:00Z`), type: Date, format: 'dd.mm.yyyy' } : text(''),
      text(status(e)),
    ]),
  ]
  const sheet = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Ergebnisliste'
  const buffer = await writeExcelFile(data as never, { sheet } as never).toBuffer()
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer)
}
