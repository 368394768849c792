import type { Account, FeeClass, NewPaymentPlan, PaymentPlan } from '@vereinskit/core/fees'
import type { ClubSettings } from '@vereinskit/core/settings'

/** Accounts, payment plans, fee classes, group contents and club settings. */
export interface FinanceStore {
  listAccounts(): Promise<Account[]>
  createAccount(input: Omit<Account, 'id'>): Promise<Account>
  listPlans(): Promise<PaymentPlan[]>
  createPlan(input: NewPaymentPlan): Promise<PaymentPlan>
  /** Replaces a plan's name and rules; undefined when the plan does not exist. */
  updatePlan(plan: PaymentPlan): Promise<PaymentPlan | undefined>
  listFeeClasses(): Promise<FeeClass[]>
  createFeeClass(input: Omit<FeeClass, 'id'>): Promise<FeeClass>
  updateFeeClass(
    id: string,
    changes: Partial<Pick<FeeClass, 'validUntil' | 'successorId' | 'showInMembership'>>,
  ): Promise<FeeClass | undefined>
  listGroupItems(): Promise<{ groupId: string; feeClassId: string; amount: number }[]>
  setGroupItems(groupId: string, items: readonly { feeClassId: string; amount: number }[]): Promise<void>
  getSettings(): Promise<ClubSettings>
  updateSettings(changes: Partial<ClubSettings>): Promise<ClubSettings>
  /** Reserves `count` invoice numbers; returns the last number before them. Call with the organisation row locked. */
  takeInvoiceNumbers(count: number): Promise<number>
  lastInvoiceNumber(): Promise<number>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly finance: FinanceStore
  }
}
