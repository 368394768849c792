import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { addDays } from '../calendar/calendar-date'
import { dunningLevel } from './dunning-level'
import { planDunningRun, type DunningCandidate } from './plan-dunning-run'
import { dunningRunPlanOf } from './dunning-run-summary'
import { aDunningCandidate, anOpenDebit, dunningAccount, fiveLevels } from '../testing/dunning-builders'

// The operations handbook's example (§6.3): level 1 after 30 days, level 2 after 14 days, minimum 10,00 each.
const twoLevels = [
  dunningLevel({ number: 1, first: true, days: 30, minimum: 1000, text: 'Zahlungserinnerung', nextLevel: 2 }),
  dunningLevel({ number: 2, last: true, days: 14, minimum: 1000, text: '1. Mahnung' }),
]
const asOf = '2025-03-05'

function plan(candidates: DunningCandidate[], levels = twoLevels, request = {}) {
  return planDunningRun({ asOf, ...request }, candidates, levels, [dunningAccount], 0)
}

describe('first and follow-up letters (handbook §6.3, docs/decisions/0000#d9)', () => {
  it.each([
    ['F1: earliest open debit 49 days old, 25,00 open', aDunningCandidate(1, [anOpenDebit('m', '2025-01-15', 2500)]), 1],
    ['F2: only 13 days old', aDunningCandidate(1, [anOpenDebit('m', '2025-02-20', 2500)]), null],
    ['F3: 8,00 does not exceed 10,00', aDunningCandidate(1, [anOpenDebit('m', '2025-01-15', 800)]), null],
    ['F4: 10,00 equals the minimum, which is not exceeding it', aDunningCandidate(1, [anOpenDebit('m', '2025-01-15', 1000)]), null],
    [
      'S1: last letter 44 days ago',
      aDunningCandidate(1, [anOpenDebit('m', '2025-01-01', 2500)], { level: 1, lastLetterOn: '2025-01-20' }),
      2,
    ],
    [
      'S2: last letter 8 days ago',
      aDunningCandidate(1, [anOpenDebit('m', '2025-01-01', 2500)], { level: 1, lastLetterOn: '2025-02-25' }),
      null,
    ],
    [
      'S3: 5,00 open, however old',
      aDunningCandidate(1, [anOpenDebit('m', '2024-06-01', 500)], { level: 1, lastLetterOn: '2025-01-20' }),
      null,
    ],
  ])('%s', (_case, candidate, level) => {
    const letters = plan([candidate]).letters
    expect(letters.map((l) => l.toLevel)).toEqual(level === null ? [] : [level])
  })

  it('issues first and follow-up letters in the same run, numbered in membership order', () => {
    const result = plan([
      aDunningCandidate(20, [anOpenDebit('m', '2025-01-01', 2500)], { level: 1, lastLetterOn: '2025-01-20' }),
      aDunningCandidate(10, [anOpenDebit('m', '2025-01-15', 2500)]),
    ])
    expect(result.letters.map((l) => [l.membershipNumber, l.fromLevel, l.toLevel, l.letterNumber])).toEqual([
      [10, null, 1, 1],
      [20, 1, 2, 2],
    ])
  })

  it('covers all open items of the member and counts the total, not a single item', () => {
    const result = plan([aDunningCandidate(1, [anOpenDebit('m', '2025-01-15', 600, 'a'), anOpenDebit('m', '2025-02-28', 600, 'b')])])
    expect(result.letters[0]).toMatchObject({ openTotal: 1200, total: 1200, items: [{ debitId: 'a' }, { debitId: 'b' }] })
  })

  it('leaves out items booked after the run date and lowers the total by unallocated credit', () => {
    const items = [anOpenDebit('m', '2025-01-15', 2500, 'a'), anOpenDebit('m', '2025-04-01', 9000, 'later')]
    expect(plan([aDunningCandidate(1, items)]).letters[0]).toMatchObject({ openTotal: 2500, items: [{ debitId: 'a' }] })
    expect(plan([aDunningCandidate(1, items, {}, { unallocatedCredit: 1600 })]).letters).toEqual([])
  })

  it('limits the run to a membership-number range and refuses a reversed one', () => {
    const members = [10000, 15000, 20000].map((n) => aDunningCandidate(n, [anOpenDebit('m', '2025-01-15', 2500)]))
    expect(plan(members, twoLevels, { numberFrom: 10000, numberTo: 19999 }).letters.map((l) => l.membershipNumber)).toEqual([10000, 15000])
    expect(() => plan(members, twoLevels, { numberFrom: 20000, numberTo: 10000 })).toThrow(
      expect.objectContaining({ code: 'INVALID_RANGE' }),
    )
  })

  it('starts again at the first level when everything dunned before is paid (docs/decisions/0015)', () => {
    const result = plan([aDunningCandidate(1, [anOpenDebit('m', '2025-01-25', 2500)], { level: 2, lastLetterOn: '2025-01-20' })])
    expect(result.letters[0]).toMatchObject({ fromLevel: 2, toLevel: 1 })
  })
})

describe('the five-level example (handbook §9.10.6)', () => {
  it('walks member M through all levels and then flags it for collection', () => {
    const levels = fiveLevels()
    let state = { level: null as number | null, lastLetterOn: null as string | null }
    const items = [anOpenDebit('m', '2024-01-01', 4000)]
    const steps: [string, number | null, number][] = [
      ['2024-02-15', null, 0],
      ['2024-03-02', 1, 0],
      ['2024-03-25', null, 0],
      ['2024-04-05', 2, 300],
      ['2024-04-30', 3, 500],
      ['2024-05-25', 4, 800],
      ['2024-06-30', 5, 1000],
    ]
    for (const [date, level, fee] of steps) {
      const result = planDunningRun({ asOf: date }, [aDunningCandidate(1, items, state)], levels, [dunningAccount], 0)
      expect(
        result.letters.map((l) => [l.toLevel, l.fee]),
        date,
      ).toEqual(level === null ? [] : [[level, fee]])
      if (level !== null) state = { level, lastLetterOn: date }
    }
    const later = planDunningRun({ asOf: '2025-01-01' }, [aDunningCandidate(1, items, state)], levels, [dunningAccount], 0)
    expect(later.letters).toEqual([])
    expect(later.forCollection).toEqual([{ membershipId: 'm-1', membershipNumber: 1, openTotal: 4000 }])
    const handedOver = planDunningRun(
      { asOf: '2025-01-01' },
      [aDunningCandidate(1, items, { ...state, courtProcedure: true })],
      levels,
      [dunningAccount],
      0,
    )
    expect(handedOver.forCollection).toEqual([])
  })

  it('needs more than the level days: exactly 60 days is not yet a reminder (docs/decisions/0000#d9)', () => {
    const at = (days: number) =>
      planDunningRun(
        { asOf: addDays('2024-01-01', days) },
        [aDunningCandidate(1, [anOpenDebit('m', '2024-01-01', 4000)])],
        fiveLevels(),
        [dunningAccount],
        0,
      )
    expect(at(60).letters).toEqual([])
    expect(at(61).letters).toHaveLength(1)
  })

  it('books the fee with the level text and posting text, and adds it to what the letter asks for', () => {
    const result = planDunningRun(
      { asOf: '2024-04-05' },
      [aDunningCandidate(1, [anOpenDebit('m', '2024-01-01', 4000)], { level: 1, lastLetterOn: '2024-03-02' })],
      fiveLevels(),
      [dunningAccount],
      41,
    )
    expect(result.letters[0]).toMatchObject({
      letterNumber: 42,
      fee: 300,
      feeAccountId: 'acc-dunning',
      postingText: 'Mahngebühr',
      levelText: '1. Mahnung',
      total: 4300,
    })
    expect(result.feeTotal).toBe(300)
  })

  it('writes no letter on a last level without a template, but still sets the level', () => {
    const member = aDunningCandidate(1, [anOpenDebit('m', '2024-01-01', 4000)], { level: 4, lastLetterOn: '2024-05-25' })
    expect(planDunningRun({ asOf: '2024-06-30' }, [member], fiveLevels(), [dunningAccount], 0).letters[0]?.produceDocument).toBe(false)
    const withTemplate = fiveLevels({ 5: { templateId: 'tpl-court' } })
    expect(planDunningRun({ asOf: '2024-06-30' }, [member], withTemplate, [dunningAccount], 0).letters[0]?.produceDocument).toBe(true)
  })

  it('makes the whole run invalid when a level with a fee lacks its account (docs/decisions/0000#d10)', () => {
    const members = [
      aDunningCandidate(1, [anOpenDebit('m', '2024-01-01', 4000)]),
      aDunningCandidate(2, [anOpenDebit('m', '2024-01-01', 4000)], { level: 1, lastLetterOn: '2024-03-02' }),
    ]
    const result = planDunningRun({ asOf: '2024-04-05' }, members, fiveLevels({ 2: { feeAccountId: null } }), [dunningAccount], 0)
    expect(result).toMatchObject({ valid: false, letters: [], problems: [{ level: 2, reason: 'no-account' }] })
    expect(() => dunningRunPlanOf(result)).toThrow(expect.objectContaining({ code: 'DUNNING_RUN_INVALID' }))
  })
})

describe('members left out, each with its reason', () => {
  const due = [anOpenDebit('m', '2025-01-15', 2500)]
  it.each([
    ['an open-ended dunning block', aDunningCandidate(1, due, { block: { until: null } }), 'dunning-block'],
    [
      'a dunning block until the run date (inclusive, docs/decisions/0000#d11)',
      aDunningCandidate(1, due, { block: { until: asOf } }),
      'dunning-block',
    ],
    ['a processing block', aDunningCandidate(1, due, {}, { processingBlocked: true }), 'processing-block'],
    ['a court-procedure marker', aDunningCandidate(1, due, { courtProcedure: true }), 'court-procedure'],
    ['an invalid address', aDunningCandidate(1, due, {}, { addressInvalid: true }), 'invalid-address'],
    ['a level the club has not configured', aDunningCandidate(1, due, { level: 7, lastLetterOn: '2025-01-20' }), 'unknown-level'],
  ])('%s', (_name, candidate, reason) => {
    const result = plan([candidate])
    expect(result.letters).toEqual([])
    expect(result.excluded).toEqual([{ membershipId: 'm-1', membershipNumber: 1, reason }])
  })

  it('includes a member whose block ended the day before, and direct-debit payers', () => {
    expect(plan([aDunningCandidate(1, due, { block: { until: addDays(asOf, -1) } })]).letters).toHaveLength(1)
  })

  it('lists only members who would be due', () => {
    expect(plan([aDunningCandidate(1, [anOpenDebit('m', '2025-03-01', 2500)], { block: { until: null } })]).excluded).toEqual([])
  })
})

describe('properties', () => {
  const member = fc.record({
    open: fc.array(fc.record({ days: fc.integer({ min: 0, max: 400 }), cents: fc.integer({ min: 1, max: 50_000 }) }), { maxLength: 4 }),
    credit: fc.integer({ min: 0, max: 20_000 }),
    level: fc.constantFrom(null, 1, 2, 3, 4, 5),
    letterDaysAgo: fc.integer({ min: 0, max: 400 }),
  })

  test.prop([fc.array(member, { maxLength: 8 }), fc.integer({ min: 0, max: 5000 })])(
    'never books a fee for a membership whose open total is at or below the level minimum',
    (members, minimum) => {
      const levels = fiveLevels(Object.fromEntries([1, 2, 3, 4, 5].map((n) => [n, { minimum }])))
      const candidates = members.map((m, i) =>
        aDunningCandidate(
          i + 1,
          m.open.map((o, j) => anOpenDebit('m', addDays(asOf, -o.days), o.cents, `d${i}-${j}`)),
          m.level === null ? {} : { level: m.level, lastLetterOn: addDays(asOf, -m.letterDaysAgo) },
          { unallocatedCredit: m.credit },
        ),
      )
      const result = planDunningRun({ asOf }, candidates, levels, [dunningAccount], 0)
      for (const letter of result.letters) {
        const c = candidates.find((x) => x.membershipId === letter.membershipId)!
        const open = c.openItems.reduce((s, i) => s + i.open, 0) - c.unallocatedCredit
        expect(open).toBeGreaterThan(minimum)
        expect(letter.openTotal).toBe(open)
      }
      expect(result.letters.map((l) => l.letterNumber)).toEqual(result.letters.map((_, i) => i + 1))
    },
  )
})
