import { financeSetupRoutes } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { financeSetupHandlers } from './finance-setup-handlers'
import { createFinanceStore } from './postgres-finance-store'
import { createFeeClassGroupStore } from './postgres-fee-class-group-store'

/** Finance set-up: accounts, payment plans, fee classes and groups, club and website settings. */
export const financeSetupCapability = defineCapability({
  name: 'finance-setup',
  routes: financeSetupRoutes,
  handlers: financeSetupHandlers,
  stores: { finance: createFinanceStore, feeClassGroups: createFeeClassGroupStore },
})
