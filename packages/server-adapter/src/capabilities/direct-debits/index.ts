import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { createMandateStore } from './postgres-mandate-store'
import { createDirectDebitStore } from './postgres-direct-debit-store'
import { mandateHandlers } from './mandate-handlers'
import { directDebitRunHandlers } from './direct-debit-run-handlers'

/** SEPA mandates (Lastschriftmandate), alternate payers and the mandate check. */
export const mandateCapability = defineCapability({
  name: 'mandates',
  routes: contract.mandates,
  handlers: mandateHandlers,
  stores: { mandates: createMandateStore },
})

/** Direct-debit runs (Lastschriftläufe): debits, pain.008 exports, pre-notifications. */
export const directDebitCapability = defineCapability({
  name: 'direct-debits',
  routes: contract.directDebitRuns,
  handlers: directDebitRunHandlers,
  stores: { directDebits: createDirectDebitStore },
})
