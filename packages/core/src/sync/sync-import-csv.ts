import type { FieldIssue } from '../errors/vereinskit-error'

/**
 * One row of a sync import (Synchronisation per CSV-Import, UMB-10): a member, named by login e-mail or username,
 * and the division (child organisation) to sync it to, by name or id. A member for two divisions has two rows.
 */
export interface SyncImportRow {
  /** 1-based line number in the file, for the report. */
  readonly line: number
  readonly login: string
  readonly division: string
}

/** The rows of a file and the problems found in it; any problem means nothing is applied. */
export interface ParsedSyncImport {
  readonly rows: readonly SyncImportRow[]
  readonly issues: readonly FieldIssue[]
}

/** The largest import accepted: a structure of 100,000 members in two divisions each. */
export const maxSyncImportRows = 200_000

/**
 * Reads a sync import: two columns, login and division, separated by `,` or `;` (German spreadsheets), an optional
 * header row (`login;division`, `E-Mail;Abteilung`, …), double quotes around fields allowed. Empty lines are
 * skipped; a row with a missing column, or the same member and division twice, is an issue with its line number
 * (docs/decisions/0023#sync-import).
 */
export function parseSyncImport(text: string): ParsedSyncImport {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  const rows: SyncImportRow[] = []
  const issues: FieldIssue[] = []
  const seen = new Set<string>()
  lines.forEach((raw, index) => {
    const line = index + 1
    if (raw.trim() === '') return
    const cells = splitCells(raw)
    if (line === 1 && isHeader(cells)) return
    if (cells.length !== 2 || cells.some((c) => c === '')) {
      issues.push({ path: `line ${line}`, code: 'columns', message: 'Expected two columns: login (e-mail or username) and division.' })
      return
    }
    const [login, division] = cells as [string, string]
    const key = `${login.toLowerCase()}\u0000${division.toLowerCase()}`
    if (seen.has(key)) {
      issues.push({ path: `line ${line}`, code: 'duplicate-row', message: `${login} is assigned to ${division} twice.` })
      return
    }
    seen.add(key)
    rows.push({ line, login, division })
  })
  if (rows.length > maxSyncImportRows) {
    issues.push({ path: 'file', code: 'too-many-rows', message: `At most ${maxSyncImportRows} rows per import.` })
  }
  return { rows, issues }
}

function splitCells(line: string): string[] {
  const separator = line.includes(';') ? ';' : ','
  const cells: string[] = []
  let current = ''
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"'
        i++
      } else if (ch === '"') quoted = false
      else current += ch
    } else if (ch === '"') quoted = true
    else if (ch === separator) {
      cells.push(current.trim())
      current = ''
    } else current += ch
  }
  cells.push(current.trim())
  return cells
}

const headerWords = /^(login|e-?mail|username|benutzername|mitglied|member|division|abteilung|organisation|verein)$/i

function isHeader(cells: readonly string[]): boolean {
  return cells.length === 2 && cells.every((c) => headerWords.test(c))
}
