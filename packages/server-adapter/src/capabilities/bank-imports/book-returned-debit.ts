import { standardReturnReasons, paymentMethodAfterReturn, type ReturnReason } from '@vereinskit/core/bank-import'
import { mandateReferenceKey } from '@vereinskit/core/sepa'
import { letterSalutation } from '@vereinskit/core/correspondence'
import type { ClubSettings } from '@vereinskit/core/settings'
import type { CalendarDate } from '@vereinskit/core'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import { postingRow } from '../ledger/posting-row'
import { writeLetters } from '../correspondence/write-letters'
import type { BankEntryRecord } from './bank-import-store'

/** The club's table: its own rows over the shipped ISO/EPC list (handbook §9.10.4). */
export async function effectiveReturnReasons(storage: OrganisationStorage): Promise<ReturnReason[]> {
  const own = await storage.bankImports.returnReasons()
  const codes = new Set(own.map((r) => r.code))
  return [...own, ...standardReturnReasons.filter((r) => !codes.has(r.code))].sort((a, b) => (a.code < b.code ? -1 : 1))
}

/** What happened to a returned-debit entry. */
export interface ReturnOutcome {
  readonly status: 'booked' | 'reported'
  readonly outcome: string
  readonly membershipId: string | null
  readonly directDebitId: string | null
  readonly postingIds: readonly string[]
}

/**
 * Books a returned collection (Rücklastschrift, handbook §6.6): matched to our debit by end-to-end id and mandate
 * reference; the collected amount is debited back per membership on the direct-debit account (never reversible),
 * the bank's charges separately on the return-charges account when the club set one; the debit and its mandate
 * history record the return; the members switch payment method as the reason table says (no reason, no switch);
 * a letter with the reason's text goes to the member (print queue or e-mail).
 */
export async function bookReturnedDebit(
  tx: OrganisationStorage,
  entry: BankEntryRecord,
  settings: ClubSettings,
  reasons: readonly ReturnReason[],
  context: { today: CalendarDate; now: Date; actor: string },
): Promise<ReturnOutcome> {
  const none = { membershipId: null, directDebitId: null, postingIds: [] }
  if (entry.endToEndId === null)
    return { status: 'reported', outcome: 'A return without end-to-end id cannot be matched to a collection.', ...none }
  const debit = await tx.directDebits.byEndToEndId(entry.endToEndId)
  if (!debit) return { status: 'reported', outcome: `No collection of ours has end-to-end id ${entry.endToEndId}.`, ...none }
  if (entry.mandateReference !== null && mandateReferenceKey(entry.mandateReference) !== mandateReferenceKey(debit.reference)) {
    return {
      status: 'reported',
      outcome: `The mandate reference ${entry.mandateReference} does not match collection ${debit.endToEndId}.`,
      ...none,
    }
  }
  if (debit.status === 'returned') return { status: 'reported', outcome: `Collection ${debit.endToEndId} came back already.`, ...none }
  if (debit.status !== 'exported') return { status: 'reported', outcome: `Collection ${debit.endToEndId} is not exported.`, ...none }
  const items = await tx.directDebits.items([debit.id])
  const shares = new Map<string, number>()
  for (const i of items) shares.set(i.membershipId, (shares.get(i.membershipId) ?? 0) + i.amount)
  const date = entry.bookingDate ?? context.today
  const reason = entry.returnReason
  const text = `Rücklastschrift${reason ? ` ${reason}` : ''} ${debit.collectionDate}`
  const returned = await tx.ledger.insertPostings(
    [...shares].map(([membershipId, amount]) =>
      postingRow({
        membershipId,
        accountId: settings.directDebitAccountId!,
        date,
        amount: -amount,
        text,
        documentNumber: debit.endToEndId,
        kind: 'returned-debit',
        runId: null,
        createdBy: context.actor,
      }),
    ),
  )
  const first = [...shares.keys()][0]!
  // Charges the bank reported; else what the booked return exceeds the collected amount by.
  const charges = entry.charges ?? Math.max(0, entry.amount - debit.amount)
  const chargePostings =
    charges > 0 && settings.returnChargesAccountId
      ? await tx.ledger.insertPostings([
          postingRow({
            membershipId: first,
            accountId: settings.returnChargesAccountId,
            date,
            amount: -charges,
            text: `Rücklastschriftgebühr ${debit.collectionDate}`,
            documentNumber: debit.endToEndId,
            kind: 'returned-debit',
            runId: null,
            createdBy: context.actor,
          }),
        ])
      : []
  await tx.directDebits.markReturned(debit.id, reason)
  const switchTo = paymentMethodAfterReturn(reason, reasons)
  for (const membershipId of shares.keys()) {
    // A synced copy's payment method is the parent's to change (UMB-12): the return is booked, the method stays.
    const lockedCopy = (await tx.memberSyncs.sourceOf(membershipId))?.options.bidirectional === false
    if (switchTo !== null && !lockedCopy) await tx.memberships.update(membershipId, { paymentMethod: switchTo })
  }
  const row = reason === null ? undefined : reasons.find((r) => r.code === reason.toUpperCase())
  if (reason !== null) {
    const member = await tx.memberships.get(first)
    if (member) {
      const organisation = await tx.organisation.get()
      await writeLetters(
        tx,
        [
          {
            membershipId: first,
            kind: 'returned-debit',
            templateId: null,
            title: `Rücklastschrift ${debit.collectionDate}`,
            createdOn: context.today,
            channel: member.person.preferredChannel,
            email: member.person.email,
            runId: null,
            data: {
              club: { name: organisation.name, address: null },
              member: {
                number: member.number,
                salutation: letterSalutation(member.person),
                name: `${member.person.firstName} ${member.person.lastName}`,
              },
              address: member.billingAddress ?? member.person.address,
              letter: { number: null, date: context.today },
              returnedDebit: { reason, text: row?.letterText ?? '', amount: debit.amount, charges },
            },
          },
        ],
        context.now,
      )
    }
  }
  const switched = switchTo === null ? 'payment method kept' : `payment method now ${switchTo}`
  const chargesText =
    charges > 0
      ? chargePostings.length > 0
        ? `, charges ${charges} cents booked`
        : `, charges ${charges} cents not booked (no return-charges account)`
      : ''
  return {
    status: 'booked',
    outcome: `Return of collection ${debit.endToEndId} booked (${reason ?? 'no reason given'}); ${switched}${chargesText}.`,
    membershipId: first,
    directDebitId: debit.id,
    postingIds: [...returned, ...chargePostings].map((p) => p.id),
  }
}
