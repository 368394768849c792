import type { CalendarDate } from '../calendar/calendar-date'
import type { Account } from '../fees/account'
import type { OpenItem } from '../ledger/open-items'
import { dunningLevel, type DunningLevel } from '../dunning/dunning-level'
import { noDunning, type DunningState } from '../dunning/dunning-state'
import type { DunningCandidate } from '../dunning/plan-dunning-run'

/** The handbook's five-level example (§9.10.6), with fees on a dunning-costs account. */
export function fiveLevels(overrides: Partial<Record<number, Partial<DunningLevel>>> = {}): DunningLevel[] {
  const rows: [number, number, number, string][] = [
    [1, 60, 0, 'Zahlungserinnerung'],
    [2, 30, 300, '1. Mahnung'],
    [3, 20, 500, '2. Mahnung'],
    [4, 20, 800, '3. Mahnung'],
    [5, 30, 1000, 'Gerichtl. Mahnverfahren'],
  ]
  return rows.map(([number, days, fee, text]) =>
    dunningLevel({
      number,
      days,
      minimum: 500,
      fee,
      feeAccountId: fee > 0 ? 'acc-dunning' : null,
      text,
      first: number === 1,
      last: number === 5,
      nextLevel: number === 5 ? null : number + 1,
      ...overrides[number],
    }),
  )
}

/** A receivable account for dunning costs. */
export const dunningAccount: Account = {
  id: 'acc-dunning',
  number: '4100',
  name: 'Mahngebühr',
  type: 'receivable',
  receivableKind: 'dunning-costs',
  priority: 2,
}

/** An open debit of `open` cents booked on `date`. */
export function anOpenDebit(membershipId: string, date: CalendarDate, open: number, id = `${membershipId}-${date}`): OpenItem {
  return {
    side: 'debit',
    postingId: id,
    membershipId,
    accountId: 'acc-fee',
    date,
    text: 'Mitgliedsbeitrag',
    amount: open,
    settled: 0,
    open,
  }
}

/** A membership due for dunning unless the overrides say otherwise. */
export function aDunningCandidate(
  membershipNumber: number,
  openItems: readonly OpenItem[],
  state: Partial<DunningState> = {},
  overrides: Partial<DunningCandidate> = {},
): DunningCandidate {
  return {
    membershipId: `m-${membershipNumber}`,
    membershipNumber,
    state: { ...noDunning, ...state },
    processingBlocked: false,
    addressInvalid: false,
    recipient: {
      salutation: 'Sehr geehrte Frau Muster,',
      name: 'Erika Muster',
      address: { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' },
    },
    channel: 'letter',
    openItems: openItems.map((i) => ({ ...i, membershipId: `m-${membershipNumber}` })),
    unallocatedCredit: 0,
    ...overrides,
  }
}
