import type { DirectDebitRunDetail, DirectDebitView } from '@vereinskit/core/contract'
import type { DirectDebitRunSummary, PlannedDirectDebit, SequenceType } from '@vereinskit/core/direct-debit'
import type { TypedRun } from '../../runs/run-kind'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { DirectDebitExportRecord, DirectDebitRecord } from './direct-debit-store'

const types: readonly SequenceType[] = ['FRST', 'RCUR', 'FNAL', 'OOFF']

type PreNotificationState = DirectDebitView['preNotification']

/** What a debit view shows, planned or stored. */
type DebitFields = Pick<
  DirectDebitRecord,
  | 'mandateId'
  | 'reference'
  | 'sequenceType'
  | 'amendment'
  | 'payerPersonId'
  | 'accountHolder'
  | 'iban'
  | 'amount'
  | 'membershipNumbers'
  | 'remittance'
  | 'lapseWarning'
> &
  Pick<DirectDebitView, 'id' | 'status' | 'endToEndId'>

/** A planned debit (preview) as staff see it. */
export function plannedDebitView(d: PlannedDirectDebit): DirectDebitView {
  return debitView({ ...d, id: null, status: 'planned', endToEndId: null }, 'none')
}

/** A stored debit as staff see it. */
export function debitView(d: DebitFields, preNotification: PreNotificationState): DirectDebitView {
  return {
    id: d.id,
    mandateId: d.mandateId,
    reference: d.reference,
    sequenceType: d.sequenceType,
    amendment: d.amendment,
    payerPersonId: d.payerPersonId,
    accountHolder: d.accountHolder,
    iban: d.iban,
    amount: d.amount,
    membershipNumbers: [...d.membershipNumbers],
    remittance: d.remittance,
    status: d.status,
    endToEndId: d.endToEndId,
    lapseWarning: d.lapseWarning,
    preNotification,
  }
}

/** The run's status per sequence type and overall (handbook §6.5 overview: counts, totals, status). */
export function runOverview(
  run: TypedRun<DirectDebitRunSummary>,
  debits: readonly DirectDebitRecord[],
  exports: readonly DirectDebitExportRecord[],
) {
  const bySequenceType: Record<string, { count: number; amount: number; status: 'open' | 'exported' }> = {}
  for (const type of types) {
    const own = debits.filter((d) => d.sequenceType === type)
    bySequenceType[type] = {
      count: own.length,
      amount: own.reduce((sum, d) => sum + d.amount, 0),
      status: own.length > 0 && own.every((d) => d.status !== 'pending') ? 'exported' : 'open',
    }
  }
  const exported = debits.filter((d) => d.status !== 'pending').length
  return {
    id: run.id,
    idempotencyKey: run.idempotencyKey,
    collectionDate: run.summary.collectionDate,
    createdAt: run.createdAt,
    status: exported === 0 ? ('open' as const) : exported === debits.length ? ('exported' as const) : ('partly-exported' as const),
    bySequenceType,
    total: debits.reduce((sum, d) => sum + d.amount, 0),
    exports: exports.map((e) => ({
      id: e.id,
      sequenceType: e.sequenceType,
      messageId: e.messageId,
      count: e.count,
      total: e.total,
      createdAt: e.createdAt.toISOString(),
      cancelledAt: e.cancelledAt?.toISOString() ?? null,
    })),
  }
}

/** The pre-notification state of each debit: none yet, or the letter's channel and its e-mail's delivery. */
export async function preNotificationStates(storage: OrganisationStorage, runId: string): Promise<Map<string, PreNotificationState>> {
  const done = await storage.directDebits.preNotified(runId)
  const documentIds = [...done.values()].flatMap((n) => (n.documentId ? [n.documentId] : []))
  const deliveries = documentIds.length > 0 ? await storage.mailDeliveries.list({ documentIds }) : []
  const byDocument = new Map(deliveries.map((d) => [d.documentId, d.status]))
  const states = new Map<string, PreNotificationState>()
  for (const [debitId, n] of done) {
    if (n.channel === 'letter' || n.documentId === null) states.set(debitId, n.documentId === null ? 'failed' : 'printed')
    else {
      const status = byDocument.get(n.documentId)
      states.set(
        debitId,
        status === 'sent' ? 'sent' : status === 'abandoned' || status === 'failed' || status === 'cancelled' ? 'failed' : 'queued',
      )
    }
  }
  return states
}

/** A whole run with its debits, optionally filtered. */
export async function runDetail(
  storage: OrganisationStorage,
  run: TypedRun<DirectDebitRunSummary>,
  filter: { sequenceType?: SequenceType | undefined; search?: string | undefined } = {},
): Promise<DirectDebitRunDetail> {
  const [debits, exports, states] = await Promise.all([
    storage.directDebits.debits({ runId: run.id }),
    storage.directDebits.exports(run.id),
    preNotificationStates(storage, run.id),
  ])
  const search = filter.search?.toLowerCase()
  const shown = debits.filter(
    (d) =>
      (filter.sequenceType === undefined || d.sequenceType === filter.sequenceType) &&
      (!search ||
        d.membershipNumbers.some((n) => String(n) === search) ||
        d.accountHolder.toLowerCase().includes(search) ||
        d.reference.toLowerCase() === search),
  )
  return { ...runOverview(run, debits, exports), debits: shown.map((d) => debitView(d, states.get(d.id) ?? 'none')) }
}
