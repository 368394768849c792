import { refuseLockedMandateChange } from '../memberships/locked-membership-fields'
import { VereinskitError, addDays, compareDates } from '@vereinskit/core'
import type { contract } from '@vereinskit/core/contract'
import { checkMandates } from '@vereinskit/core/direct-debit'
import { generateMandateReference, nextMandateReference } from '@vereinskit/core/sepa'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { CalendarDate } from '@vereinskit/core'
import { mandateViews } from './mandate-view'

const maxDocumentBytes = 5 * 1024 * 1024

async function membershipMandates(storage: OrganisationStorage, membershipId: string, today: CalendarDate) {
  const [payer] = await storage.mandates.payers([membershipId])
  if (!payer) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', membershipId)
  const mandates = await storage.mandates.mandates([payer.payerPersonId])
  const collections = await storage.mandates.collections(mandates.map((m) => m.id))
  return {
    membershipId,
    payer: {
      personId: payer.payerPersonId,
      name: payer.payerName,
      alternate: payer.alternate,
      membershipNumber: payer.payerMembershipNumber,
    },
    mandates: mandateViews(mandates, collections, today),
  }
}

async function oneMandate(storage: OrganisationStorage, mandateId: string, today: CalendarDate) {
  const mandate = await storage.mandates.get(mandateId)
  if (!mandate) throw notFound('MANDATE_NOT_FOUND', 'Mandate', mandateId)
  return mandateViews([mandate], await storage.mandates.collections([mandate.id]), today)[0]!
}

function assertDates(validFrom: CalendarDate, limitedUntil: CalendarDate | null | undefined) {
  if (limitedUntil && compareDates(limitedUntil, validFrom) < 0) {
    throw new VereinskitError('MANDATE_INVALID', `"Limited until" (${limitedUntil}) lies before "valid from" (${validFrom}).`)
  }
}

/** Mandates of payers, their documents, alternate payers and the mandate check (handbook §11.5, §6.13). */
export const mandateHandlers: RouteHandlers<typeof contract.mandates> = {
  list: ({ params }, { storage, today }) => membershipMandates(storage, params.membershipId, today),

  create: ({ params, body }, { storage, today }) =>
    storage.transaction(async (tx) => {
      const organisation = await tx.organisation.getForUpdate()
      if (!organisation.creditorId) throw new VereinskitError('CREDITOR_DATA_MISSING', 'Mandates need the club’s creditor identifier.')
      const [payer] = await tx.mandates.payers([params.membershipId])
      if (!payer) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
      await refuseLockedMandateChange(tx, params.membershipId)
      assertDates(body.validFrom, body.limitedUntil)
      // The reference is generated from the payer's own membership number (the member's when the payer has none here).
      const number = payer.payerMembershipNumber ?? payer.membershipNumber
      const prefix = generateMandateReference(organisation.mandateReferencePrefix, number, 0).slice(0, -1)
      const reference = nextMandateReference(organisation.mandateReferencePrefix, number, await tx.mandates.referencesStartingWith(prefix))
      const mandate = await tx.mandates.create({
        personId: payer.payerPersonId,
        membershipId: params.membershipId,
        reference,
        kind: body.kind,
        validFrom: body.validFrom,
        signedOn: body.signedOn,
        limitedUntil: body.limitedUntil,
        iban: body.iban,
        bic: body.bic,
        accountHolder: body.accountHolder,
        preNotificationChannel: body.preNotificationChannel,
        creditorId: organisation.creditorId,
      })
      return mandateViews([mandate], [], today)[0]!
    }),

  update: ({ params, body }, { storage, today }) =>
    storage.transaction(async (tx) => {
      const mandate = await tx.mandates.get(params.mandateId, { forUpdate: true })
      if (!mandate) throw notFound('MANDATE_NOT_FOUND', 'Mandate', params.mandateId)
      if (mandate.membershipId) await refuseLockedMandateChange(tx, mandate.membershipId)
      assertDates(mandate.validFrom, body.limitedUntil)
      // A revoked mandate never comes back to life: its end may move earlier, not later (a new mandate is needed).
      const wouldExtend =
        body.limitedUntil !== undefined &&
        mandate.limitedUntil !== null &&
        (body.limitedUntil === null || compareDates(body.limitedUntil, mandate.limitedUntil) > 0)
      if (mandate.terminatedOn !== null && (wouldExtend || body.terminatedOn === null)) {
        throw new VereinskitError(
          'MANDATE_INVALID',
          `Mandate ${mandate.reference} was revoked on ${mandate.terminatedOn}; it cannot be extended. Create a new mandate.`,
        )
      }
      // Changed bank details are not an edit of history: the next collection carries the amendment (AmdmntInd).
      await tx.mandates.update(mandate.id, body)
      return oneMandate(tx, mandate.id, today)
    }),

  revoke: ({ params, body }, { storage, today }) =>
    storage.transaction(async (tx) => {
      const mandate = await tx.mandates.get(params.mandateId, { forUpdate: true })
      if (!mandate) throw notFound('MANDATE_NOT_FOUND', 'Mandate', params.mandateId)
      if (mandate.membershipId) await refuseLockedMandateChange(tx, mandate.membershipId)
      // With immediate effect: the last day of use is the day before the revocation arrived (handbook §11.5).
      const lastDay = addDays(body.receivedOn, -1)
      const limitedUntil = mandate.limitedUntil && compareDates(mandate.limitedUntil, lastDay) < 0 ? mandate.limitedUntil : lastDay
      await tx.mandates.update(mandate.id, { terminatedOn: body.receivedOn, limitedUntil })
      return oneMandate(tx, mandate.id, today)
    }),

  remove: ({ params }, { storage }) =>
    storage.transaction(async (tx) => {
      const mandate = await tx.mandates.get(params.mandateId, { forUpdate: true })
      if (!mandate) throw notFound('MANDATE_NOT_FOUND', 'Mandate', params.mandateId)
      if (mandate.membershipId) await refuseLockedMandateChange(tx, mandate.membershipId)
      if ((await tx.mandates.collections([mandate.id])).length > 0) {
        throw new VereinskitError(
          'MANDATE_IN_USE',
          `Mandate ${mandate.reference} was used for a collection; end it with "limited until" instead.`,
        )
      }
      await tx.mandates.delete(mandate.id)
      return { deleted: true as const }
    }),

  putDocument: ({ params, body }, { storage }) =>
    storage.transaction(async (tx) => {
      const mandate = await tx.mandates.get(params.mandateId, { forUpdate: true })
      if (!mandate) throw notFound('MANDATE_NOT_FOUND', 'Mandate', params.mandateId)
      if (mandate.membershipId) await refuseLockedMandateChange(tx, mandate.membershipId)
      const bytes = decodeBase64(body.contentBase64)
      if (bytes.byteLength > maxDocumentBytes) {
        throw new VereinskitError(
          'MANDATE_DOCUMENT_TOO_LARGE',
          `The document has ${bytes.byteLength} bytes; at most ${maxDocumentBytes} are stored.`,
        )
      }
      if (!isPdf(bytes)) throw new VereinskitError('MANDATE_DOCUMENT_NOT_PDF', 'The document is not a PDF file (it must start with %PDF-).')
      await tx.mandates.putDocument(mandate.id, body.fileName, bytes)
      return { fileName: body.fileName, bytes: bytes.byteLength }
    }),

  async getDocument({ params }, { storage }) {
    if (!(await storage.mandates.get(params.mandateId))) throw notFound('MANDATE_NOT_FOUND', 'Mandate', params.mandateId)
    const document = await storage.mandates.document(params.mandateId)
    if (!document) throw new VereinskitError('DOCUMENT_NOT_FOUND', `Mandate ${params.mandateId} has no document.`)
    return new Uint8Array(document.bytes)
  },

  setAlternatePayer: ({ params, body }, { storage, today }) =>
    storage.transaction(async (tx) => {
      const [own] = await tx.mandates.payers([params.membershipId])
      if (!own) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
      await refuseLockedMandateChange(tx, params.membershipId)
      let personId: string | null = null
      if (body.payerMembershipNumber !== null) {
        const id = (await tx.memberships.idsByNumbers([body.payerMembershipNumber])).get(body.payerMembershipNumber)
        if (!id) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership number', String(body.payerMembershipNumber))
        const payer = (await tx.memberships.get(id))!
        const member = (await tx.memberships.get(params.membershipId))!
        if (payer.person.id === member.person.id) {
          throw new VereinskitError(
            'MANDATE_INVALID',
            'The alternate payer must be another person than the member; use null for the member.',
          )
        }
        personId = payer.person.id
      }
      await tx.mandates.setAlternatePayer(params.membershipId, personId)
      return membershipMandates(tx, params.membershipId, today)
    }),

  async check({ query }, { storage, today }) {
    const date = query.date ?? today
    const [payers, mandates, collections] = await Promise.all([
      storage.mandates.payers(),
      storage.mandates.mandates(),
      storage.mandates.collections(),
    ])
    const byPerson = new Map<string, typeof mandates>()
    for (const m of mandates) byPerson.set(m.personId, [...(byPerson.get(m.personId) ?? []), m])
    const findings = checkMandates(
      payers
        .filter((p) => p.paymentMethod === 'direct-debit')
        .map((p) => ({
          membershipId: p.membershipId,
          membershipNumber: p.membershipNumber,
          payerPersonId: p.payerPersonId,
          payerIsAlternate: p.alternate,
          mandates: byPerson.get(p.payerPersonId) ?? [],
        })),
      collections,
      date,
    )
    return { date, findings }
  },
}

function decodeBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text.replace(/\s/g, ''))) {
    throw new VereinskitError('MANDATE_DOCUMENT_NOT_PDF', 'The document is not valid base64.')
  }
  return new Uint8Array(Buffer.from(text, 'base64'))
}

function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-'
}
