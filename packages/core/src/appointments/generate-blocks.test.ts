import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { addDays, daysBetween, isoWeekday } from '../calendar/calendar-date'
import { generateBlocksForDay, generateBlocksForPeriod } from './generate-blocks'
import { duplicateTemplate, isWeekA, patternDayOf, CalendarTemplateInput, emptyPattern } from './calendar-template'
import { consultant, template, timeBlock } from './test-calendar'

const berlin = () => 'Europe/Berlin'

describe('week A / week B (docs/decisions/0000#d23)', () => {
  it('alternates from the anchor Monday, also before it', () => {
    expect(patternDayOf('2027-01-04', '2027-01-04')).toBe(0)
    expect(patternDayOf('2027-01-04', '2027-01-10')).toBe(6)
    expect(patternDayOf('2027-01-04', '2027-01-11')).toBe(7)
    expect(patternDayOf('2027-01-04', '2027-01-17')).toBe(13)
    expect(patternDayOf('2027-01-04', '2027-01-18')).toBe(0)
    expect(patternDayOf('2027-01-04', '2027-01-03')).toBe(13) // the Sunday before the anchor is in week B
    expect(patternDayOf('2027-01-04', '2026-12-28')).toBe(7)
  })

  test.prop([fc.integer({ min: -2000, max: 2000 })])('a date and the date two weeks later share their pattern day', (offset) => {
    const date = addDays('2027-01-04', offset)
    expect(patternDayOf('2027-01-04', date)).toBe(patternDayOf('2027-01-04', addDays(date, 14)))
    expect(isWeekA('2027-01-04', date)).toBe(!isWeekA('2027-01-04', addDays(date, 7)))
    expect(patternDayOf('2027-01-04', date) % 7).toBe(isoWeekday(date) - 1)
  })

  it('over three months, Monday blocks of week A and Tuesday blocks of week B alternate week by week', () => {
    const t = template({ 0: [timeBlock('09:00', '12:00')], 8: [timeBlock('14:00', '16:00')] })
    const { blocks } = generateBlocksForPeriod({
      consultant: consultant(),
      template: t,
      from: '2027-01-01',
      to: '2027-03-31',
      timeZoneOf: berlin,
      existing: [],
    })
    const mondays = blocks.filter((b) => b.from === '09:00').map((b) => b.date)
    const tuesdays = blocks.filter((b) => b.from === '14:00').map((b) => b.date)
    expect(mondays.slice(0, 4)).toEqual(['2027-01-04', '2027-01-18', '2027-02-01', '2027-02-15'])
    expect(tuesdays.slice(0, 4)).toEqual(['2027-01-12', '2027-01-26', '2027-02-09', '2027-02-23'])
    for (const [a, b] of mondays.slice(1).map((d, i) => [mondays[i]!, d] as const)) expect(daysBetween(a, b)).toBe(14)
    expect(mondays).toHaveLength(7)
    expect(tuesdays).toHaveLength(6)
  })
})

describe('generation across daylight-saving changes', () => {
  const t = template({
    0: [timeBlock('09:00', '12:00')],
    7: [timeBlock('09:00', '12:00')],
    6: [timeBlock('01:00', '04:00')],
    13: [timeBlock('01:00', '04:00')],
  })
  const period = (from: string, to: string) =>
    generateBlocksForPeriod({ consultant: consultant(), template: t, from, to, timeZoneOf: berlin, existing: [] }).blocks

  it('keeps 09:00 on the wall on both sides of the last Sunday of March', () => {
    const blocks = period('2027-03-22', '2027-03-29')
    const monday = (date: string) => blocks.find((b) => b.date === date)!
    expect(monday('2027-03-22').startsAt.toISOString()).toBe('2027-03-22T08:00:00.000Z')
    expect(monday('2027-03-29').startsAt.toISOString()).toBe('2027-03-29T07:00:00.000Z')
    // The Sunday night block 01:00–04:00 lasts two real hours that day.
    const sunday = blocks.find((b) => b.date === '2027-03-28')!
    expect(sunday.endsAt.getTime() - sunday.startsAt.getTime()).toBe(2 * 3_600_000)
  })

  it('keeps 09:00 on the wall on both sides of the last Sunday of October; the night block lasts four hours', () => {
    const blocks = period('2027-10-25', '2027-11-01')
    expect(blocks.find((b) => b.date === '2027-10-25')!.startsAt.toISOString()).toBe('2027-10-25T07:00:00.000Z')
    expect(blocks.find((b) => b.date === '2027-11-01')!.startsAt.toISOString()).toBe('2027-11-01T08:00:00.000Z')
    const sunday = blocks.find((b) => b.date === '2027-10-31')!
    expect(sunday.endsAt.getTime() - sunday.startsAt.getTime()).toBe(4 * 3_600_000)
  })

  it('uses the location time zone of each block', () => {
    const stockholm = '00000000-0000-4000-8000-00000000005e'
    const t2 = template({ 0: [timeBlock('09:00', '10:00', { locationId: stockholm })] })
    const { blocks } = generateBlocksForPeriod({
      consultant: consultant(),
      template: t2,
      from: '2027-01-04',
      to: '2027-01-04',
      timeZoneOf: (id) => (id === stockholm ? 'America/New_York' : 'Europe/Berlin'),
      existing: [],
    })
    expect(blocks[0]!.startsAt.toISOString()).toBe('2027-01-04T14:00:00.000Z')
    expect(blocks[0]!.timeZone).toBe('America/New_York')
  })
})

describe('generation rules', () => {
  it('refuses a consultant without a default duration with the handbook message', () => {
    const t = template({ 0: [timeBlock('09:00', '12:00', { durationMinutes: 20 })] })
    expect(() =>
      generateBlocksForPeriod({
        consultant: consultant({ defaultDurationMinutes: null }),
        template: t,
        from: '2027-01-04',
        to: '2027-01-10',
        timeZoneOf: berlin,
        existing: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'CONSULTANT_WITHOUT_DURATION' }))
  })

  it('takes slot length and location from the block, else the consultant', () => {
    const t = template({
      0: [
        timeBlock('09:00', '10:00'),
        timeBlock('10:00', '12:00', { durationMinutes: 45, locationId: '00000000-0000-4000-8000-0000000000aa' }),
      ],
    })
    const c = consultant({ defaultDurationMinutes: 20, defaultLocationId: '00000000-0000-4000-8000-0000000000bb' })
    const { blocks } = generateBlocksForPeriod({
      consultant: c,
      template: t,
      from: '2027-01-04',
      to: '2027-01-04',
      timeZoneOf: berlin,
      existing: [],
    })
    expect(blocks.map((b) => [b.slotMinutes, b.locationId])).toEqual([
      [20, '00000000-0000-4000-8000-0000000000bb'],
      [45, '00000000-0000-4000-8000-0000000000aa'],
    ])
  })

  it('creates nothing twice: blocks overlapping existing ones are reported as skipped', () => {
    const t = template({ 0: [timeBlock('09:00', '12:00')], 1: [timeBlock('09:00', '12:00')] })
    const input = { consultant: consultant(), template: t, from: '2027-01-04', to: '2027-01-10', timeZoneOf: berlin }
    const first = generateBlocksForPeriod({ ...input, existing: [] })
    const again = generateBlocksForPeriod({ ...input, existing: first.blocks })
    expect(first.blocks).toHaveLength(2)
    expect(again.blocks).toHaveLength(0)
    expect(again.skipped).toHaveLength(2)
  })

  it('refuses a template of another consultant and periods over a year', () => {
    const t = template({}, { consultantId: '00000000-0000-4000-8000-0000000000c2' })
    expect(() =>
      generateBlocksForPeriod({
        consultant: consultant(),
        template: t,
        from: '2027-01-04',
        to: '2027-01-10',
        timeZoneOf: berlin,
        existing: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR_TEMPLATE_NOT_FOUND' }))
    expect(() =>
      generateBlocksForPeriod({
        consultant: consultant(),
        template: template({}),
        from: '2027-01-01',
        to: '2028-01-02',
        timeZoneOf: berlin,
        existing: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_RANGE' }))
  })

  it('generates one block per consultant for a single day', () => {
    const a = consultant()
    const b = consultant({ id: '00000000-0000-4000-8000-0000000000c2', name: 'Svensson, Lars', defaultDurationMinutes: 60 })
    const spec = {
      date: '2027-03-28',
      from: '10:00',
      to: '12:00',
      typeId: null,
      locationId: null,
      durationMinutes: null,
      plannable: true,
      onlineBookable: true,
    }
    const { blocks } = generateBlocksForDay({ consultants: [a, b], spec, timeZoneOf: berlin, existing: [] })
    expect(blocks.map((x) => [x.consultantId, x.slotMinutes, x.startsAt.toISOString()])).toEqual([
      [a.id, 30, '2027-03-28T08:00:00.000Z'],
      [b.id, 60, '2027-03-28T08:00:00.000Z'],
    ])
    expect(() =>
      generateBlocksForDay({
        consultants: [a, consultant({ id: b.id, defaultDurationMinutes: null })],
        spec,
        timeZoneOf: berlin,
        existing: [],
      }),
    ).toThrow(expect.objectContaining({ code: 'CONSULTANT_WITHOUT_DURATION' }))
  })
})

describe('templates', () => {
  it('duplicating gives "Kopie von …", inactive and not default, with the same pattern', () => {
    const original = template({ 3: [timeBlock('08:00', '09:00')] })
    const copy = duplicateTemplate(original)
    expect(copy).toMatchObject({ name: 'Kopie von Sprechstunde', active: false, isDefault: false, consultantId: original.consultantId })
    expect(copy.pattern).toEqual(original.pattern)
    expect(copy.pattern[3]).not.toBe(original.pattern[3])
  })

  it('refuses overlapping blocks on one day, a block ending before it starts, and an anchor that is no Monday', () => {
    const pattern = emptyPattern()
    pattern[0] = [timeBlock('09:00', '11:00'), timeBlock('10:30', '12:00')]
    const base = { consultantId: '00000000-0000-4000-8000-0000000000c1', name: 'X', anchorMonday: '2027-01-04', pattern }
    expect(CalendarTemplateInput.safeParse(base).success).toBe(false)
    pattern[0] = [timeBlock('11:00', '10:00')]
    expect(CalendarTemplateInput.safeParse(base).success).toBe(false)
    pattern[0] = [timeBlock('09:00', '10:00'), timeBlock('10:00', '11:00')]
    expect(CalendarTemplateInput.safeParse(base).success).toBe(true)
    expect(CalendarTemplateInput.safeParse({ ...base, anchorMonday: '2027-01-05' }).success).toBe(false)
  })
})
