import { VereinskitError } from '@vereinskit/core'
import { parseSyncImport } from '@vereinskit/core/sync'
import type { HandlerContext } from '../../http/route-handler'

type Issue = { line: number; code: string; message: string }

/**
 * The CSV sync import (UMB-10): each row names a member of this organisation by login (e-mail, or the membership
 * number until members have usernames) and a child by name or id. Every row is checked first; with any problem
 * nothing is applied unless `skipInvalidRows` asks to apply the good rows. Rows are applied in one transaction, so
 * a failure while applying leaves nothing half done; a member already synced to that child is reported, not an
 * error (an import can be run again). @see docs/decisions/0023-sync-and-tenancy.md#sync-import
 */
export async function importSyncs(context: HandlerContext, body: { content: string; skipInvalidRows: boolean }) {
  const parsed = parseSyncImport(body.content)
  const issues: Issue[] = parsed.issues.map((i) => ({ line: Number(i.path.replace(/^line /, '')) || 0, code: i.code, message: i.message }))
  const children = await context.storage.structure.children()
  const planned: { line: number; login: string; division: string; membershipId: string; childId: string }[] = []
  const alreadySynced: { line: number; login: string; division: string }[] = []
  for (const row of parsed.rows) {
    const child = children.find((c) => c.id === row.division || c.name.toLowerCase() === row.division.toLowerCase())
    if (!child) {
      issues.push({
        line: row.line,
        code: 'unknown-division',
        message: `The division in this row is no child organisation of ${context.organisation.name}.`,
      })
      continue
    }
    const matches = await context.storage.memberSyncs.membershipsByLogin(row.login)
    if (matches.length !== 1) {
      issues.push({
        line: row.line,
        code: matches.length === 0 ? 'unmatched' : 'ambiguous',
        message: matches.length === 0 ? `No member with the login ${row.login}.` : `${matches.length} members have the login ${row.login}.`,
      })
      continue
    }
    const copies = await context.storage.memberSyncs.copiesOf(matches[0]!)
    if (copies.some((c) => c.childId === child.id)) alreadySynced.push({ line: row.line, login: row.login, division: row.division })
    else if (await context.storage.memberSyncs.numberTakenIn(child.id, matches[0]!)) {
      issues.push({ line: row.line, code: 'number-taken', message: `${child.name} uses this member's number for another member.` })
    } else planned.push({ ...row, membershipId: matches[0]!, childId: child.id })
  }
  issues.sort((a, b) => a.line - b.line)
  if (issues.length > 0 && !body.skipInvalidRows) {
    throw new VereinskitError('SYNC_IMPORT_INVALID', `${issues.length} row(s) of the sync import have errors; nothing was applied.`, {
      issues: issues.map((i) => ({ path: `line ${i.line}`, code: i.code, message: i.message })),
    })
  }
  const applied = await context.storage.transaction(async (tx) => {
    const done = []
    for (const row of planned) {
      const childMembershipId = await tx.memberSyncs.copyInto(row.membershipId, row.childId)
      done.push({ line: row.line, login: row.login, division: row.division, childMembershipId })
    }
    return done
  })
  return { applied, alreadySynced, issues }
}
