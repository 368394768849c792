import { checkTemplate, defaultTemplates, unknownPlaceholders } from '@vereinskit/core/correspondence'
import type { contract } from '@vereinskit/core/contract'
import { VereinskitError } from '@vereinskit/core'
import type { RouteHandlers } from '../../http/route-handler'
import { notFound } from '../../http/not-found-error'
import type { DocumentRecord } from './document-store'
import type { MailDeliveryRecord } from './mail-delivery-store'
import { documentPdf } from './render-document'
import { joinPdfs } from './print-queue-pdf'

/** A document as the contract shows it. */
export function documentView(d: DocumentRecord) {
  return {
    id: d.id,
    membershipId: d.membershipId,
    kind: d.kind,
    title: d.title,
    createdOn: d.createdOn,
    channel: d.channel,
    runId: d.runId,
    rendered: d.contentKey !== null,
    printedAt: d.printedAt?.toISOString() ?? null,
    deletedAt: d.deletedAt?.toISOString() ?? null,
  }
}

function deliveryView(d: MailDeliveryRecord) {
  return {
    id: d.id,
    documentId: d.documentId,
    subject: d.message?.subject ?? null,
    recipient: d.recipient,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    nextAttemptAt: d.nextAttemptAt.toISOString(),
    sentAt: d.sentAt?.toISOString() ?? null,
  }
}

const copy = <T extends { blocks: readonly unknown[] }>(t: T) => ({ ...t, blocks: [...t.blocks] }) as T & { blocks: never[] }

/** Templates, text blocks, documents, the print queue and e-mail deliveries. */
export const correspondenceHandlers: RouteHandlers<typeof contract.correspondence> = {
  async templates(_, { storage }) {
    return {
      items: (await storage.letterTemplates.list()).map(copy),
      builtIn: Object.values(defaultTemplates).map((t) => copy({ ...t, id: null })),
    }
  },

  async createTemplate({ body }, { storage }) {
    checkTemplate(body, await storage.letterTemplates.listTextBlocks())
    return copy(await storage.letterTemplates.create(body))
  },

  async updateTemplate({ params, body }, { storage }) {
    checkTemplate(body, await storage.letterTemplates.listTextBlocks())
    const updated = await storage.letterTemplates.update(params.templateId, body)
    if (!updated) throw notFound('TEMPLATE_NOT_FOUND', 'Template', params.templateId)
    return copy(updated)
  },

  async textBlocks(_, { storage }) {
    return { items: (await storage.letterTemplates.listTextBlocks()).map((b) => ({ ...b, assignments: [...b.assignments] })) }
  },

  async putTextBlock({ body }, { storage }) {
    const unknown = unknownPlaceholders(body.text)
    if (unknown.length > 0) {
      throw new VereinskitError(
        'TEMPLATE_PLACEHOLDER_UNKNOWN',
        `The text block uses what does not exist: ${unknown.map((n) => `{{${n}}}`).join(', ')}.`,
      )
    }
    await storage.letterTemplates.putTextBlock(body)
    return body
  },

  async documents({ params }, { storage }) {
    if (!(await storage.memberships.get(params.membershipId))) throw notFound('MEMBERSHIP_NOT_FOUND', 'Membership', params.membershipId)
    return { items: (await storage.documents.listForMembership(params.membershipId)).map(documentView) }
  },

  async documentPdf({ params }, { storage }) {
    const document = await storage.documents.get(params.documentId)
    if (!document) throw notFound('DOCUMENT_NOT_FOUND', 'Document', params.documentId)
    return new Uint8Array(await documentPdf(storage, document))
  },

  async printQueue({ query }, { storage }) {
    return { items: (await storage.documents.printQueue(query.runId)).map(documentView) }
  },

  async printQueuePdf({ query }, { storage }) {
    const waiting = (await storage.documents.printQueue(query.runId)).slice(0, query.limit)
    if (waiting.length === 0) throw new VereinskitError('DOCUMENT_NOT_FOUND', 'No letters are waiting to be printed.')
    const parts: Uint8Array[] = []
    for (const document of waiting) parts.push(await documentPdf(storage, document))
    return new Uint8Array(await joinPdfs(parts))
  },

  async markPrinted({ body }, { storage, clock }) {
    return { marked: await storage.documents.markPrinted(body.documentIds, clock.now()) }
  },

  async deliveries({ query }, { storage }) {
    const documentIds = query.runId ? (await storage.documents.ofRun(query.runId)).map((d) => d.id) : undefined
    return { items: (await storage.mailDeliveries.list({ status: query.status, documentIds })).map(deliveryView) }
  },

  async retryDelivery({ params }, { storage, clock }) {
    const delivery = await storage.mailDeliveries.retry(params.deliveryId, clock.now())
    if (!delivery) throw notFound('NOT_FOUND', 'Failed, abandoned or uncertain e-mail delivery', params.deliveryId)
    return deliveryView(delivery)
  },
}
