import { describe, expect, it } from 'vitest'
import { checkCollectionDate } from './collection-date'

const leadDays = { FRST: 1, RCUR: 1, FNAL: 1, OOFF: 1 }

describe('checkCollectionDate (D15)', () => {
  it('allows submission until D-1 TARGET2 business day', () => {
    // Tuesday 2027-03-02: D-1 is Monday.
    expect(
      checkCollectionDate({ collectionDate: '2027-03-02', today: '2027-03-01', leadDays, sequenceTypes: ['RCUR'], preNotificationDays: 0 })
        .problems,
    ).toEqual([])
    expect(
      checkCollectionDate({ collectionDate: '2027-03-02', today: '2027-03-02', leadDays, sequenceTypes: ['RCUR'], preNotificationDays: 0 })
        .problems,
    ).toEqual([{ code: 'too-late', sequenceType: 'RCUR', latestSubmission: '2027-03-01' }])
  })

  it('skips weekends and the Easter closing days', () => {
    // Easter 2027: Good Friday 26 March, Easter Monday 29 March. D-1 of Tuesday 30 March is Thursday 25 March.
    const check = checkCollectionDate({
      collectionDate: '2027-03-30',
      today: '2027-03-26',
      leadDays,
      sequenceTypes: ['FRST'],
      preNotificationDays: 0,
    })
    expect(check.latestSubmission.FRST).toBe('2027-03-25')
    expect(check.problems).toEqual([{ code: 'too-late', sequenceType: 'FRST', latestSubmission: '2027-03-25' }])
  })

  it('uses the lead days of each sequence type in the run', () => {
    const check = checkCollectionDate({
      collectionDate: '2027-03-10',
      today: '2027-03-05',
      leadDays: { FRST: 5, RCUR: 2, FNAL: 2, OOFF: 5 },
      sequenceTypes: ['RCUR', 'FRST'],
      preNotificationDays: 0,
    })
    expect(check.problems).toEqual([{ code: 'too-late', sequenceType: 'FRST', latestSubmission: '2027-03-03' }])
  })

  it('refuses a collection date that is no business day, naming the next one', () => {
    expect(
      checkCollectionDate({ collectionDate: '2027-12-25', today: '2027-12-01', leadDays, sequenceTypes: [], preNotificationDays: 0 })
        .problems,
    ).toEqual([{ code: 'not-business-day', nextBusinessDay: '2027-12-27' }])
  })

  it('refuses dates more than 90 days ahead', () => {
    expect(
      checkCollectionDate({ collectionDate: '2027-06-01', today: '2027-01-04', leadDays, sequenceTypes: [], preNotificationDays: 0 })
        .problems,
    ).toEqual([{ code: 'too-far-ahead', latestCollectionDate: '2027-04-04' }])
  })

  it('warns when pre-notifications get fewer than the notice days', () => {
    const check = checkCollectionDate({
      collectionDate: '2027-03-10',
      today: '2027-03-01',
      leadDays,
      sequenceTypes: ['RCUR'],
      preNotificationDays: 14,
    })
    expect(check.problems).toEqual([])
    expect(check.warnings).toEqual([{ code: 'pre-notification-too-short', days: 9, required: 14 }])
  })
})
