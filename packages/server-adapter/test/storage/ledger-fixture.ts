import { anAccount } from '@vereinskit/core/testing'
import type { NewPostingRow } from '../../src/capabilities/ledger/ledger-store'
import { postingRow } from '../../src/capabilities/ledger/posting-row'
import type { StoreSuite } from './storage-contract'

/** An organisation with a fee account, a bank account and two members: what ledger, run and invoice suites book on. */
export async function aLedger(s: StoreSuite) {
  const club = await s.club()
  const { id: _fee, ...feeAccount } = anAccount()
  const { id: _bank, ...bankAccount } = anAccount({ number: '1200', name: 'Bank', type: 'cash', receivableKind: null, priority: 0 })
  const fees = await club.store.finance.createAccount(feeAccount)
  const bank = await club.store.finance.createAccount(bankAccount)
  const first = await s.member(club.store, 1000)
  const second = await s.member(club.store, 1001)
  const debit = (membershipId: string, amount: number, fields: Partial<NewPostingRow> = {}): NewPostingRow =>
    postingRow({
      membershipId,
      accountId: fees.id,
      date: '2026-01-15',
      amount: -amount,
      text: 'Beitrag',
      kind: 'charge',
      createdBy: 'test',
      ...fields,
    })
  const credit = (membershipId: string, amount: number, fields: Partial<NewPostingRow> = {}): NewPostingRow =>
    postingRow({
      membershipId,
      accountId: bank.id,
      date: '2026-02-01',
      amount,
      text: 'Zahlung',
      kind: 'payment',
      createdBy: 'test',
      ...fields,
    })
  return { ...club, fees, bank, first, second, debit, credit }
}
