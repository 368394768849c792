import type { Account } from '@vereinskit/core/fees'
import { anAccount } from '@vereinskit/core/testing'
import type { OrganisationStorage } from '../../src/storage/organisation-storage'

const free = { basis: 'free' } as const

/**
 * A fee class of 96 € on a plan that charges nothing, in `store`: what assignment, ledger and finance suites need.
 * Posts to `fees` when given, else to a new fee account.
 */
export async function aFeeClassIn(store: OrganisationStorage, fees?: Account) {
  const { id: _, ...account } = anAccount()
  const feeAccount = fees ?? (await store.finance.createAccount(account))
  const plan = await store.finance.createPlan({ name: 'beitragsfrei', joiningYear: free, secondYear: free, laterYears: free })
  const feeClass = await store.finance.createFeeClass({
    name: 'Erwachsene',
    amount: 9600,
    paymentPlanId: plan.id,
    validFrom: '2000-01-01',
    validUntil: null,
    accountId: feeAccount.id,
    successorId: null,
    showInMembership: true,
  })
  return { fees: feeAccount, plan, feeClass }
}
