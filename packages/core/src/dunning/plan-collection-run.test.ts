import { describe, expect, it } from 'vitest'
import { collectionExportRows, planCollectionRun, type CollectionCandidate } from './plan-collection-run'
import { anOpenDebit } from '../testing/dunning-builders'
import { noDunning } from './dunning-state'

const address = { street: 'Heidestraße 17', postcode: '51147', city: 'Köln', country: 'DE' }
const member = (n: number, rest: Partial<CollectionCandidate> = {}): CollectionCandidate => ({
  membershipId: `m-${n}`,
  membershipNumber: n,
  name: `Member ${n}`,
  address,
  active: true,
  state: { ...noDunning, level: 5, lastLetterOn: '2025-01-01' },
  openItems: [anOpenDebit(`m-${n}`, '2024-01-01', 123456, `d-${n}`), anOpenDebit(`m-${n}`, '2026-01-01', 100, `later-${n}`)],
  ...rest,
})

describe('collection run (Export Inkasso, handbook §6.16)', () => {
  const members = [
    member(1),
    member(2, { state: { ...noDunning, level: 4, lastLetterOn: '2025-01-01' } }),
    member(3, { state: { ...noDunning, level: 5, lastLetterOn: '2025-01-01', courtProcedure: true } }),
    member(4, { active: false }),
    member(5, { state: { ...noDunning, level: 5, lastLetterOn: '2025-01-01', block: { until: null } } }),
  ]

  it('filters by level, markers, block and status, and hands over open debits booked by the date', () => {
    const asOf = '2025-06-01'
    expect(planCollectionRun({ level: 5, membershipStatus: 'any' }, members, asOf).map((i) => i.debitId)).toEqual([
      'd-1',
      'd-3',
      'd-4',
      'd-5',
    ])
    expect(
      planCollectionRun({ level: 5, courtProcedure: false, dunningBlock: false, membershipStatus: 'active' }, members, asOf).map(
        (i) => i.membershipNumber,
      ),
    ).toEqual([1])
    expect(planCollectionRun({ membershipStatus: 'inactive' }, members, asOf).map((i) => i.membershipNumber)).toEqual([4])
    expect(
      planCollectionRun({ numberFrom: 2, numberTo: 3, membershipStatus: 'any' }, members, asOf).map((i) => i.membershipNumber),
    ).toEqual([2, 3])
  })

  it('writes one row per posting with German dates and amounts', () => {
    const rows = collectionExportRows(planCollectionRun({ level: 4, membershipStatus: 'any' }, members, '2025-06-01'))
    expect(rows).toEqual([
      ['Mitgliedsnummer', 'Name', 'Straße', 'PLZ', 'Ort', 'Land', 'Buchungsdatum', 'Buchungstext', 'Offener Betrag'],
      ['2', 'Member 2', 'Heidestraße 17', '51147', 'Köln', 'DE', '01.01.2024', 'Mitgliedsbeitrag', '1234,56'],
    ])
  })
})
