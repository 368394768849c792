import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { createBankImportStore } from './postgres-bank-import-store'
import { bankImportHandlers } from './bank-import-handlers'

/** Bank imports (camt.053 and camt.054): credits, returned debits, manual assignment, return reasons. */
export const bankImportCapability = defineCapability({
  name: 'bank-imports',
  routes: contract.bankImports,
  handlers: bankImportHandlers,
  stores: { bankImports: createBankImportStore },
})
