import Papa from 'papaparse'

// docs/decisions/0004. Cells starting with = + - @ tab or CR could run as formulas in a spreadsheet and are escaped (CSV injection) —
// except plain numbers such as -72,00, which must stay numbers so the amounts can be summed.
const formulaLike = /^(?![-+]?\d[\d.,]*$)[=+\-@\t\r]/

/**
 * CSV for German spreadsheets (docs/decisions/0004): `;`, CRLF, UTF-8 with BOM, formula-looking text escaped, and a
 * header row even when there are no rows, so an empty export still names its columns.
 */
export function germanCsv(fields: string[], rows: readonly Record<string, unknown>[]): string {
  return `\uFEFF${Papa.unparse({ fields, data: rows.map((r) => fields.map((f) => r[f])) }, { delimiter: ';', escapeFormulae: formulaLike, newline: '\r\n' })}`
}
