import type { CalendarDate } from '@vereinskit/core'
import type { MandateDetailView } from '@vereinskit/core/contract'
import { mandateInUse, mandateStateOn, type MandateCollection } from '@vereinskit/core/direct-debit'
import type { StoredMandate } from './mandate-store'

/** Mandates with their state today, the one in use marked (handbook §11.5 "aktuell gültig"). */
export function mandateViews(
  mandates: readonly StoredMandate[],
  collections: readonly MandateCollection[],
  today: CalendarDate,
): MandateDetailView[] {
  const inUse = mandateInUse(mandates, collections, today)
  return mandates.map((m) => {
    const status = mandateStateOn(m, collections, today)
    return {
      id: m.id,
      personId: m.personId,
      reference: m.reference,
      kind: m.kind,
      validFrom: m.validFrom,
      signedOn: m.signedOn,
      limitedUntil: m.limitedUntil,
      terminatedOn: m.terminatedOn,
      accountHolder: m.accountHolder,
      iban: m.iban,
      bic: m.bic,
      preNotificationChannel: m.preNotificationChannel,
      creditorId: m.creditorId,
      state: status.state,
      lapsesOn: status.lapsesOn,
      lapseWarning: status.lapseWarning,
      inUse: inUse?.id === m.id,
      collectionCount: collections.filter((c) => c.mandateId === m.id).length,
      hasDocument: m.hasDocument,
    }
  })
}
