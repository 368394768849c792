import { letterSalutation } from '@vereinskit/core/correspondence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { RunContext, TypedRun } from '../../runs/run-kind'
import { writeLetters } from '../correspondence/write-letters'
import { assertCreditorData } from './direct-debit-run-kind'

/** What sending pre-notifications did. */
export interface PreNotificationOutcome {
  readonly created: number
  readonly retried: number
  readonly alreadySent: number
}

/** `DE89 **** **** **** **30 00`: enough for the payer to recognise the account. */
export function maskedIban(iban: string): string {
  const visible = iban.slice(0, 4) + '*'.repeat(Math.max(0, iban.length - 8)) + iban.slice(-4)
  return visible.replace(/(.{4})/g, '$1 ').trim()
}

/**
 * Sends the pre-notifications (Vorabinformationen, handbook §6.5) of a run: at most one per debit. The mandate's
 * channel decides: a letter goes to the print queue (a PDF through correspondence); an e-mail carries the PDF
 * with the club's SepaMail texts. An e-mail debit whose payer has no address yet is left for the next call (the
 * handbook's member 300005); an e-mail that was given up on is queued again; nobody gets a second one.
 */
export async function sendPreNotifications(
  tx: OrganisationStorage,
  run: TypedRun<unknown>,
  context: RunContext,
): Promise<PreNotificationOutcome> {
  await assertCreditorData(tx)
  const organisation = await tx.organisation.get()
  const debits = (await tx.directDebits.debits({ runId: run.id })).filter((d) => d.status !== 'returned')
  const done = await tx.directDebits.preNotified(run.id)
  const documents = [...done.values()].flatMap((n) => (n.documentId ? [n.documentId] : []))
  const deliveries = documents.length > 0 ? await tx.mailDeliveries.list({ documentIds: documents }) : []
  let retried = 0
  for (const delivery of deliveries) {
    if (delivery.status === 'abandoned' && (await tx.mailDeliveries.retry(delivery.id, context.clock.now()))) retried += 1
  }
  const payers = new Map((await tx.mandates.payers()).map((p) => [p.payerPersonId, p]))
  const items = await tx.directDebits.items(debits.filter((d) => !done.has(d.id)).map((d) => d.id))
  const toSend = debits
    .filter((d) => !done.has(d.id))
    .filter((d) => d.preNotificationChannel === 'letter' || payers.get(d.payerPersonId)?.payerEmail)
  const ids = await writeLetters(
    tx,
    toSend.map((d) => {
      const payer = payers.get(d.payerPersonId)
      const own = items.filter((i) => i.debitId === d.id)
      return {
        membershipId: own[0]!.membershipId,
        kind: 'pre-notification' as const,
        templateId: null,
        title: `SEPA-Vorabinformation ${d.collectionDate}`,
        createdOn: context.today,
        channel: d.preNotificationChannel,
        email: payer?.payerEmail ?? null,
        runId: run.id,
        data: {
          club: { name: organisation.name, address: null },
          member: {
            number: d.membershipNumbers[0] ?? 0,
            salutation: payer
              ? letterSalutation({ salutation: payer.payerSalutation, title: payer.payerTitle, lastName: payer.payerLastName })
              : 'Guten Tag,',
            name: payer?.payerName ?? d.accountHolder,
          },
          address: payer?.payerAddress ?? { street: '', postcode: '', city: '', country: 'DE' },
          letter: { number: null, date: context.today },
          directDebit: {
            collectionDate: d.collectionDate,
            amount: d.amount,
            mandateReference: d.reference,
            creditorId: organisation.creditorId ?? '',
            iban: maskedIban(d.iban),
          },
        },
      }
    }),
    context.clock.now(),
  )
  await tx.directDebits.insertPreNotifications(
    toSend.map((d, i) => ({ debitId: d.id, channel: d.preNotificationChannel, documentId: ids[i] ?? null })),
  )
  return { created: toSend.length, retried, alreadySent: done.size }
}
