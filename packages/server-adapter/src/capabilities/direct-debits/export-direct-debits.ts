import { VereinskitError, compareDates, type CalendarDate } from '@vereinskit/core'
import { checkCollectionDate, mandateStateOn, writePain008, type SequenceType } from '@vereinskit/core/direct-debit'
import { mandateReferenceKey } from '@vereinskit/core/sepa'
import { openItemsAt } from '@vereinskit/core/ledger'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { RunContext, TypedRun } from '../../runs/run-kind'
import { postingRow } from '../ledger/posting-row'
import { assertCreditorData } from './direct-debit-run-kind'
import type { DirectDebitExportRecord } from './direct-debit-store'

/**
 * Exports one sequence type of a run (handbook §6.5 "Export"): writes the pain.008.001.08 file and books the
 * direct-debit credits — one per membership and debit, allocated to exactly the items the debit settles — in the
 * caller's transaction, so either both exist or neither. Refused when the file would reach the bank too late for
 * its lead days, or when an item was paid since the run was made (the file would collect it twice).
 */
export async function exportDirectDebits(
  tx: OrganisationStorage,
  run: TypedRun<unknown>,
  sequenceType: SequenceType,
  context: RunContext,
): Promise<DirectDebitExportRecord> {
  await tx.organisation.getForUpdate()
  await assertCreditorData(tx)
  const [organisation, settings] = await Promise.all([tx.organisation.get(), tx.finance.getSettings()])
  const debits = (await tx.directDebits.debits({ runId: run.id })).filter((d) => d.status === 'pending' && d.sequenceType === sequenceType)
  if (debits.length === 0)
    throw new VereinskitError('DIRECT_DEBIT_EXPORT_EMPTY', `The run has no ${sequenceType} collections waiting for export.`)
  const collectionDate = debits[0]!.collectionDate
  const date = checkCollectionDate({
    collectionDate,
    today: context.today,
    leadDays: settings.directDebitLeadDays,
    sequenceTypes: [sequenceType],
    preNotificationDays: 0,
  })
  const late = date.problems.find((p) => p.code === 'too-late')
  if (late && late.code === 'too-late') {
    throw new VereinskitError(
      'DIRECT_DEBIT_DATE_INVALID',
      `${sequenceType} collections for ${collectionDate} had to reach the bank by ${late.latestSubmission}; delete the run and create one for a later date.`,
    )
  }
  // A mandate revoked, ended or changed since the run was made must not be collected as planned.
  const mandates = new Map((await tx.mandates.mandates()).map((m) => [m.id, m]))
  const collections = await tx.mandates.collections()
  const changed = debits.filter((d) => {
    const m = mandates.get(d.mandateId)
    return (
      !m ||
      mandateStateOn(m, collections, collectionDate).state !== 'valid' ||
      m.iban !== d.iban ||
      mandateReferenceKey(m.reference) !== mandateReferenceKey(d.reference)
    )
  })
  if (changed.length > 0) {
    throw new VereinskitError(
      'DIRECT_DEBIT_MANDATE_CHANGED',
      `The mandates of membership ${changed.flatMap((d) => d.membershipNumbers).join(', ')} were revoked, ended or changed since the run was created; remove those debits and export again.`,
    )
  }
  const items = await tx.directDebits.items(debits.map((d) => d.id))
  // An item paid since the run was created must not be collected: compare with what is open now.
  const memberships = [...new Set(items.map((i) => i.membershipId))]
  const { postings, allocations } = await tx.ledger.ledger(memberships)
  const openNow = new Map(openItemsAt(postings, allocations, { cutoff: '9999-12-31' }).map((i) => [i.postingId, i.open]))
  const settled = debits.filter((d) => items.some((i) => i.debitId === d.id && (openNow.get(i.postingId) ?? 0) < i.amount))
  if (settled.length > 0) {
    throw new VereinskitError(
      'DIRECT_DEBIT_ITEMS_SETTLED',
      `Items of the debits for membership ${settled.flatMap((d) => d.membershipNumbers).join(', ')} were paid since the run was created; remove those debits and export again.`,
    )
  }
  const messageId = `VK-${collectionDate.replace(/-/g, '')}-${globalThis.crypto.randomUUID().slice(0, 8).toUpperCase()}-${sequenceType}`
  const xml = writePain008({
    messageId,
    createdAt: context.clock.now().toISOString().slice(0, 19),
    creditor: { name: organisation.name, iban: settings.creditorIban!, bic: settings.creditorBic, creditorId: organisation.creditorId! },
    batches: [
      {
        paymentInformationId: messageId,
        sequenceType,
        collectionDate,
        transactions: debits.map((d) => ({
          endToEndId: d.endToEndId,
          amount: d.amount,
          mandateReference: d.reference,
          signedOn: d.signedOn,
          amendment: d.amendment,
          debtorName: d.accountHolder,
          debtorIban: d.iban,
          debtorBic: d.bic,
          debtorAddress: d.address,
          remittance: d.remittance,
        })),
      },
    ],
  })
  const total = debits.reduce((sum, d) => sum + d.amount, 0)
  const exported = await tx.directDebits.insertExport({
    runId: run.id,
    sequenceType,
    messageId,
    xml,
    count: debits.length,
    total,
    createdBy: context.actor,
  })
  // One credit per membership and debit, dated on the collection date (handbook §6.5: export books the credits).
  const groups = new Map<string, { debitId: string; membershipId: string; amount: number; endToEndId: string }>()
  const endToEnd = new Map(debits.map((d) => [d.id, d.endToEndId]))
  for (const i of items) {
    const key = `${i.debitId}:${i.membershipId}`
    const group = groups.get(key) ?? { debitId: i.debitId, membershipId: i.membershipId, amount: 0, endToEndId: endToEnd.get(i.debitId)! }
    group.amount += i.amount
    groups.set(key, group)
  }
  const list = [...groups.values()]
  const credits = await tx.ledger.insertPostings(
    list.map((g) =>
      postingRow({
        membershipId: g.membershipId,
        accountId: settings.directDebitAccountId!,
        date: collectionDate,
        amount: g.amount,
        text: settings.directDebitText,
        documentNumber: g.endToEndId,
        kind: 'direct-debit',
        runId: run.id,
        createdBy: context.actor,
      }),
    ),
  )
  const creditOf = new Map(list.map((g, index) => [`${g.debitId}:${g.membershipId}`, credits[index]!]))
  const dateOf = new Map(postings.map((p) => [p.id, p.date]))
  await tx.ledger.insertAllocations(
    items.map((i) => ({
      creditId: creditOf.get(`${i.debitId}:${i.membershipId}`)!.id,
      debitId: i.postingId,
      amount: i.amount,
      allocatedOn: laterOf(collectionDate, dateOf.get(i.postingId) ?? collectionDate),
    })),
    'direct-debit',
  )
  await tx.directDebits.setCreditPostings(
    list.map((g) => ({
      debitId: g.debitId,
      membershipId: g.membershipId,
      creditPostingId: creditOf.get(`${g.debitId}:${g.membershipId}`)!.id,
    })),
  )
  await tx.directDebits.markExported(
    debits.map((d) => d.id),
    exported.id,
  )
  return exported
}

/**
 * Cancels an export (handbook §6.5 "Export annullieren"): its credits and their allocations are removed, its
 * debits wait for export again, the file stays as history marked cancelled. Refused without the explicit
 * confirmation that the file was not sent to the bank, and once a collection of it came back.
 */
export async function cancelDirectDebitExport(
  tx: OrganisationStorage,
  run: TypedRun<unknown>,
  exportId: string,
  confirmed: boolean,
  context: RunContext,
): Promise<void> {
  if (!confirmed) {
    throw new VereinskitError(
      'DIRECT_DEBIT_CANCEL_UNCONFIRMED',
      'Only cancel an export whose file was not sent to the bank: a file already submitted would be collected anyway. Confirm with confirmNotSentToBank: true.',
    )
  }
  await tx.organisation.getForUpdate()
  const found = (await tx.directDebits.exports(run.id)).find((e) => e.id === exportId)
  if (!found) throw new VereinskitError('NOT_FOUND', `Export ${exportId} is not part of run ${run.id}.`)
  if (found.cancelledAt !== null) throw new VereinskitError('DIRECT_DEBIT_RUN_NOT_EXPORTED', `Export ${exportId} was cancelled already.`)
  const debits = await tx.directDebits.debits({ exportId })
  if (debits.some((d) => d.status === 'returned')) {
    throw new VereinskitError(
      'DIRECT_DEBIT_RETURNED',
      'A collection of this export came back from the bank, so the file was processed; it cannot be cancelled.',
    )
  }
  const credits = await tx.directDebits.cancelExport(exportId, context.clock.now(), context.actor)
  await tx.ledger.deletePostings(credits)
}

function laterOf(a: CalendarDate, b: CalendarDate): CalendarDate {
  return compareDates(a, b) >= 0 ? a : b
}
