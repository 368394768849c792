import { describe, expect, it } from 'vitest'
import { fc, test } from '@fast-check/vitest'
import { freeSlots, localSlotsOf, slotsOf } from './free-slots'
import { overlaps, type BookedTime, type StoredBlock } from './appointment-block'
import { instantAt, localDateTimeOf } from './zoned-time'

const consultants = ['00000000-0000-4000-8000-0000000000c1', '00000000-0000-4000-8000-0000000000c2', '00000000-0000-4000-8000-0000000000c3']

function block(
  id: string,
  consultantId: string,
  date: string,
  from: string,
  to: string,
  slotMinutes: number,
  extra: Partial<StoredBlock> = {},
): StoredBlock {
  return {
    id,
    consultantId,
    date,
    from,
    to,
    startsAt: instantAt(date, from, 'Europe/Berlin'),
    endsAt: instantAt(date, to, 'Europe/Berlin'),
    typeId: null,
    locationId: null,
    timeZone: 'Europe/Berlin',
    slotMinutes,
    plannable: true,
    onlineBookable: false,
    templateId: null,
    ...extra,
  }
}

describe('free slots', () => {
  it('cuts blocks into slots and leaves out the booked ones', () => {
    const b = block('b1', consultants[0]!, '2027-05-03', '09:00', '11:00', 30)
    const booked: BookedTime[] = [
      {
        consultantId: consultants[0]!,
        startsAt: instantAt('2027-05-03', '09:30', 'Europe/Berlin'),
        endsAt: instantAt('2027-05-03', '10:00', 'Europe/Berlin'),
      },
    ]
    expect(freeSlots([b], booked).map((s) => s.time)).toEqual(['09:00', '10:00', '10:30'])
    // Another consultant's appointment at the same time does not take the slot.
    expect(freeSlots([b], [{ ...booked[0]!, consultantId: consultants[1]! }])).toHaveLength(4)
  })

  it('drops a partial last slot: 09:00–10:45 in 30-minute slots gives three', () => {
    expect(slotsOf(block('b', consultants[0]!, '2027-05-03', '09:00', '10:45', 30))).toHaveLength(3)
  })

  it('filters by local date and time, location, consultant, type, the plannable flag and the past', () => {
    const a = block('a', consultants[0]!, '2027-05-03', '09:00', '10:00', 30, { locationId: 'L1', typeId: 'T1' })
    const b = block('b', consultants[1]!, '2027-05-04', '14:00', '15:00', 30, { locationId: 'L2', typeId: 'T2', plannable: false })
    expect(freeSlots([a, b], []).map((s) => s.blockId)).toEqual(['a', 'a'])
    expect(freeSlots([a, b], [], { plannableOnly: false })).toHaveLength(4)
    expect(freeSlots([a, b], [], { plannableOnly: false, fromDate: '2027-05-04' }).map((s) => s.blockId)).toEqual(['b', 'b'])
    expect(freeSlots([a, b], [], { plannableOnly: false, fromTime: '09:30', toTime: '14:30' }).map((s) => s.time)).toEqual([
      '09:30',
      '14:00',
    ])
    expect(freeSlots([a, b], [], { plannableOnly: false, locationId: 'L2' })).toHaveLength(2)
    expect(freeSlots([a, b], [], { plannableOnly: false, typeId: 'T1', consultantIds: [consultants[1]!] })).toHaveLength(0)
    expect(freeSlots([a, b], [], { notBefore: instantAt('2027-05-03', '09:15', 'Europe/Berlin') }).map((s) => s.time)).toEqual(['09:30'])
  })

  it('shows local times on the day after the change to summer time', () => {
    const b = block('b', consultants[0]!, '2027-03-29', '09:00', '10:00', 60)
    expect(freeSlots([b], [])[0]).toMatchObject({ date: '2027-03-29', time: '09:00' })
    expect(freeSlots([b], [])[0]!.startsAt.toISOString()).toBe('2027-03-29T07:00:00.000Z')
  })

  // Random calendars: the answer is exactly every slot of every block that no appointment of its consultant overlaps.
  const calendar = fc.record({
    blocks: fc.array(
      fc.record({
        consultant: fc.constantFrom(...consultants),
        day: fc.integer({ min: 1, max: 9 }),
        start: fc.integer({ min: 14, max: 34 }), // half hours: 07:00–17:00
        length: fc.integer({ min: 1, max: 8 }),
        slot: fc.constantFrom(15, 20, 30, 45, 60),
      }),
      { maxLength: 12 },
    ),
    booked: fc.array(
      fc.record({
        consultant: fc.constantFrom(...consultants),
        day: fc.integer({ min: 1, max: 9 }),
        start: fc.integer({ min: 28, max: 80 }),
        minutes: fc.integer({ min: 5, max: 120 }),
      }),
      { maxLength: 20 },
    ),
  })

  test.prop([calendar])('equal blocks minus appointments, for random calendars', ({ blocks, booked }) => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    const stored = blocks.map((b, i) =>
      block(`b${i}`, b.consultant, `2027-03-2${b.day}`, hhmm(b.start * 30), hhmm(b.start * 30 + b.length * 30), b.slot),
    )
    const appointments: BookedTime[] = booked.map((a) => {
      const startsAt = instantAt(`2027-03-2${a.day}`, hhmm(a.start * 15), 'Europe/Berlin')
      return { consultantId: a.consultant, startsAt, endsAt: new Date(startsAt.getTime() + a.minutes * 60_000) }
    })
    const expected = stored
      .flatMap((b) => slotsOf(b).map((s) => ({ ...s, blockId: b.id, consultantId: b.consultantId })))
      .filter((s) => !appointments.some((a) => a.consultantId === s.consultantId && overlaps(a, s)))
      .map((s) => `${s.blockId}@${s.startsAt.toISOString()}`)
      .sort()
    const actual = freeSlots(stored, appointments).map((s) => `${s.blockId}@${s.startsAt.toISOString()}`)
    expect([...actual].sort()).toEqual(expected)
    // In time order.
    const times = freeSlots(stored, appointments).map((s) => s.startsAt.getTime())
    expect(times).toEqual([...times].sort((x, y) => x - y))
  })
})

describe("local times of a block's slots", () => {
  it('follow the wall clock through the nights of a DST change', () => {
    const spring = localSlotsOf(block('b1', consultants[0]!, '2027-03-28', '01:00', '04:00', 30))
    expect(spring.map((s) => s.time)).toEqual(['01:00', '01:30', '03:00', '03:30'])
    const autumn = localSlotsOf(block('b2', consultants[0]!, '2027-10-31', '01:00', '04:00', 60))
    expect(autumn.map((s) => s.time)).toEqual(['01:00', '02:00', '02:00', '03:00'])
  })

  test.prop([
    fc.integer({ min: 0, max: 729 }),
    fc.integer({ min: 0, max: 20 * 4 }),
    fc.integer({ min: 1, max: 16 }),
    fc.constantFrom(15, 20, 30, 45, 60),
    fc.constantFrom('Europe/Berlin', 'Europe/Stockholm', 'America/New_York', 'Australia/Sydney'),
  ])('are what converting each slot on its own gives, for any block in any zone', (day, quarter, length, step, zone) => {
    const date = new Date(Date.UTC(2027, 0, 1 + day)).toISOString().slice(0, 10)
    const from = `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`
    const startsAt = instantAt(date, from, zone)
    const b = {
      ...block('b', consultants[0]!, date, from, from, step),
      timeZone: zone,
      startsAt,
      endsAt: new Date(startsAt.getTime() + length * step * 60_000),
    }
    expect(localSlotsOf(b)).toEqual(slotsOf(b).map((s) => ({ ...s, ...localDateTimeOf(s.startsAt, zone) })))
  })
})

describe('closed locations', () => {
  it('offer no slots; blocks without a location and at open ones still do', () => {
    const blocks = [
      block('b1', consultants[0]!, '2027-03-22', '09:00', '10:00', 30, { locationId: 'L-closed' }),
      block('b2', consultants[1]!, '2027-03-22', '09:00', '10:00', 30, { locationId: 'L-open' }),
      block('b3', consultants[2]!, '2027-03-22', '09:00', '10:00', 30),
    ]
    const free = freeSlots(blocks, [], { closedLocationIds: new Set(['L-closed']) })
    expect(new Set(free.map((s) => s.blockId))).toEqual(new Set(['b2', 'b3']))
  })
})
