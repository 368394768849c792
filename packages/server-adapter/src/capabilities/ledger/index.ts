import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { ledgerHandlers } from './ledger-handlers'
import { createLedgerStore } from './postgres-ledger-store'

/** Member accounts (Mitgliederkonten): postings, allocations, reversals, write-offs, lists and exports. */
export const ledgerCapability = defineCapability({
  name: 'ledger',
  routes: contract.ledger,
  handlers: ledgerHandlers,
  stores: { ledger: createLedgerStore },
})
