import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { customerReferenceHandlers } from './customer-reference-handlers'
import { createCustomerReferenceStore } from './postgres-customer-reference-store'

export type { CustomerDirectory, CustomerDirectoryFactory, CrmIntegration, ExternalCustomer } from './customer-directory'
export { restCustomerDirectory } from './customer-directory'

/** Reference-only links to an external CRM (no personal data copied) and the conversion of old local copies. */
export const customerReferenceCapability = defineCapability({
  name: 'customer-references',
  routes: contract.customerReferences,
  handlers: customerReferenceHandlers,
  stores: { customerReferences: createCustomerReferenceStore },
})
