import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { correspondenceHandlers } from './correspondence-handlers'
import { createLetterTemplateStore } from './postgres-letter-template-store'
import { createDocumentStore } from './postgres-document-store'
import { createDatabaseContentStore } from './document-contents'
import { createMailDeliveryStore } from './postgres-mail-delivery-store'

/**
 * Correspondence (Schriftverkehr), shared by every capability that writes letters: templates and text blocks,
 * documents with their content, the print queue and e-mail delivery.
 */
export const correspondenceCapability = defineCapability({
  name: 'correspondence',
  routes: contract.correspondence,
  handlers: correspondenceHandlers,
  stores: {
    letterTemplates: createLetterTemplateStore,
    documents: createDocumentStore,
    documentContents: createDatabaseContentStore,
    mailDeliveries: createMailDeliveryStore,
  },
})
