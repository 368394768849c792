import { planReversal, planReversalAllocations } from '@vereinskit/core/ledger'
import type { CalendarDate } from '@vereinskit/core'
import { feeReversalOf, levelsToRestore } from '@vereinskit/core/dunning'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { postingRow } from '../ledger/posting-row'
import { settleAccounts } from '../ledger/settle-accounts'
import { cancelLetters } from '../correspondence/write-letters'
import type { DunningLetterRecord } from './dunning-store'

/**
 * Takes letters back (a whole run, or one member's last letter, docs/decisions/0000#d12): each membership gets its
 * previous level and date back — unless staff corrected the level since, which then stands — its document goes to
 * the trash, e-mails not yet sent are cancelled, and its fee goes: deleted while nothing settled or used it,
 * otherwise reversed by a counter-posting, so a payment already allocated to it keeps its record and is allocated
 * again to other debts. @see docs/decisions/0015-dunning-restart-and-fee-reversal.md
 */
export async function takeBackLetters(
  tx: OrganisationStorage,
  letters: readonly DunningLetterRecord[],
  context: { readonly today: CalendarDate; readonly now: Date; readonly actor: string },
): Promise<void> {
  if (letters.length === 0) return
  await tx.dunning.setLevels(levelsToRestore(letters, await tx.dunning.states()))
  await tx.dunning.cancelLetters(
    letters.map((l) => l.id),
    context.now,
    context.actor,
  )
  await cancelLetters(
    tx,
    letters.flatMap((l) => (l.documentId ? [l.documentId] : [])),
    context.now,
  )
  const touched = new Set<string>()
  for (const letter of letters) {
    if (!letter.feePostingId) continue
    const fee = await tx.ledger.getPosting(letter.feePostingId, { forUpdate: true })
    if (!fee || (await tx.ledger.isReversed(fee.id))) continue
    const allocations = await tx.ledger.allocationsOf(fee.id)
    const usage = await tx.ledger.usage(fee.id)
    const settled = allocations.reduce((sum, a) => sum + a.amount, 0)
    const usedByOtherRuns = usage.invoiced || usage.directDebited || usage.dunned
    if (feeReversalOf({ postingId: fee.id, settled, usedByOtherRuns }) === 'delete') {
      await tx.ledger.deletePosting(fee.id)
      continue
    }
    const plan = planReversal(fee, context.today, false)
    const [reversal] = await tx.ledger.insertPostings([
      postingRow({ membershipId: fee.membershipId, ...plan, kind: 'reversal', createdBy: context.actor }),
    ])
    const change = planReversalAllocations(fee, reversal!.id, plan.date, allocations)
    await tx.ledger.deleteAllocations(change.remove)
    await tx.ledger.insertAllocations(change.add, 'reversal')
    touched.add(fee.membershipId)
  }
  await settleAccounts(tx, [...touched])
}
