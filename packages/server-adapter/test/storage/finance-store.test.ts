import { expect, it } from 'vitest'
import { defaultClubSettings } from '@vereinskit/core/settings'
import { describeStore } from './storage-contract'
import { aFeeClassIn } from './finance-fixture'

describeStore('finance', (s) => {
  async function setUp() {
    const club = await s.club()
    return { club, ...(await aFeeClassIn(club.store)) }
  }

  it('keeps accounts, plans and fee classes per organisation, and refuses a duplicate account number', async () => {
    const { club, fees, plan, feeClass } = await setUp()
    const other = await s.club()
    expect(await club.store.finance.listAccounts()).toEqual([fees])
    expect(await club.store.finance.listPlans()).toEqual([plan])
    expect(await club.store.finance.listFeeClasses()).toEqual([feeClass])
    expect(await other.store.finance.listAccounts()).toEqual([])
    expect(await other.store.finance.listFeeClasses()).toEqual([])
    await expect(club.store.finance.createAccount({ ...fees, name: 'Doppelt' })).rejects.toMatchObject({ code: 'DUPLICATE_NAME' })
    const { id: _, ...sameNumber } = fees
    expect(await other.store.finance.createAccount(sameNumber)).toMatchObject({ number: fees.number })
  })

  it('changes plans and fee classes of its own organisation only', async () => {
    const { club, plan, feeClass } = await setUp()
    const other = await s.club()
    expect(await other.store.finance.updatePlan({ ...plan, name: 'fremd' })).toBeUndefined()
    expect(await club.store.finance.updatePlan({ ...plan, name: 'neu' })).toMatchObject({ id: plan.id, name: 'neu' })
    expect(await other.store.finance.updateFeeClass(feeClass.id, { validUntil: '2026-12-31' })).toBeUndefined()
    expect(await club.store.finance.updateFeeClass(feeClass.id, { validUntil: '2026-12-31' })).toMatchObject({ validUntil: '2026-12-31' })
  })

  it('replaces the contents of a group, keeps settings with defaults, and numbers invoices without gaps', async () => {
    const { club, feeClass } = await setUp()
    await club.store.finance.setGroupItems(club.groups.adults.id, [{ feeClassId: feeClass.id, amount: 9600 }])
    await club.store.finance.setGroupItems(club.groups.adults.id, [{ feeClassId: feeClass.id, amount: 4800 }])
    expect(await club.store.finance.listGroupItems()).toEqual([{ groupId: club.groups.adults.id, feeClassId: feeClass.id, amount: 4800 }])
    expect(await club.store.finance.getSettings()).toEqual(defaultClubSettings)
    expect(await club.store.finance.updateSettings({ invoicePaymentTermDays: 30 })).toMatchObject({ invoicePaymentTermDays: 30 })
    expect(await club.store.finance.lastInvoiceNumber()).toBe(0)
    expect(await club.store.finance.takeInvoiceNumbers(3)).toBe(0)
    expect(await club.store.finance.takeInvoiceNumbers(2)).toBe(3)
    expect(await club.store.finance.lastInvoiceNumber()).toBe(5)
    expect(await (await s.club()).store.finance.lastInvoiceNumber()).toBe(0)
  })
})
