import { describe, expect, it } from 'vitest'
import { ApiError } from '@vereinskit/client'
import type { BookingForm, OnlineBookingReceipt } from '@vereinskit/core/contract'
import { BookingController, type BookingClient, type OnlineSlot } from './booking-controller'
import { moveInWeek, slotsByDay, weekDays, weekStartOf } from './slot-week'

const form: BookingForm = {
  organisationName: 'Mieterverein Beispielstadt',
  today: '2031-06-18', // a Wednesday
  types: [{ id: 'type-1', name: 'Mietrecht' }],
  locations: [{ id: 'loc-1', name: 'Geschäftsstelle', address: 'Hauptstraße 1, 10115 Berlin', timeZone: 'Europe/Berlin' }],
  topics: [],
  slotsNeedMember: false,
  daysAhead: 28,
  maxOpenBookings: 1,
  cancellationHours: 24,
}

const slot = (date: string, time: string): OnlineSlot => ({
  blockId: 'block-1',
  startsAt: `${date}T${time}:00.000Z`,
  endsAt: `${date}T${time}:30.000Z`,
  date,
  time,
  timeZone: 'Europe/Berlin',
  consultantId: 'c-1',
  consultantName: 'Berger, Anna',
  typeId: 'type-1',
  locationId: 'loc-1',
})

const receipt = (cancelledAt: string | null = null): OnlineBookingReceipt => ({
  appointmentId: 'a-1',
  startsAt: '2031-06-20T07:00:00.000Z',
  endsAt: '2031-06-20T07:30:00.000Z',
  date: '2031-06-20',
  time: '09:00',
  timeZone: 'Europe/Berlin',
  consultantName: 'Berger, Anna',
  typeName: 'Mietrecht',
  locationName: 'Geschäftsstelle',
  locationAddress: null,
  ics: 'BEGIN:VCALENDAR',
  cancellationToken: 'token-1',
  cancellableUntil: '2031-06-19T07:00:00.000Z',
  confirmationQueued: true,
  cancelledAt,
})

function controllerWith(answers: Partial<Record<'slots' | 'book' | 'booking' | 'cancel', (input: any) => Promise<unknown>>> = {}) {
  const calls: { name: string; input: any }[] = []
  const answer = (name: keyof typeof answers, fallback: (input: any) => Promise<unknown>) => async (input: any) => {
    calls.push({ name, input })
    return (answers[name] ?? fallback)(input)
  }
  const client = {
    onlineBooking: {
      form: async () => form,
      slots: answer('slots', async () => ({ items: [slot('2031-06-19', '09:00'), slot('2031-06-19', '09:30')] })),
      book: answer('book', async () => receipt()),
      booking: answer('booking', async () => receipt()),
      cancel: answer('cancel', async () => receipt('2031-06-18T10:00:00.000Z')),
    },
  } as unknown as BookingClient
  return {
    controller: new BookingController(
      () => client,
      () => {},
    ),
    calls,
  }
}

const refusal = (code: string, status = 409) => new ApiError(code, code, { status })
const details = { membershipNumber: '1042', dateOfBirth: '1980-05-17', note: '' }

describe('BookingController', () => {
  it("searches a week from its Monday, but never asks for slots before the club's today", async () => {
    const { controller, calls } = controllerWith()
    await controller.load('org-1')
    expect(controller.phase).toBe('choose')
    await controller.searchWeek({ typeId: 'type-1', consultantId: 'c-1' })
    expect(controller.weekStart).toBe('2031-06-16')
    expect(calls[0]!.input.body).toEqual({ typeId: 'type-1', consultantId: 'c-1', fromDate: '2031-06-18', toDate: '2031-06-22' })
    await controller.searchWeek({ typeId: 'type-1' }, '2031-06-25')
    expect([controller.weekStart, calls[1]!.input.body.fromDate, calls[1]!.input.body.toDate]).toEqual([
      '2031-06-23',
      '2031-06-23',
      '2031-06-29',
    ])
    await controller.searchWeek({ typeId: 'type-1' }, '2031-01-01')
    expect(controller.weekStart).toBe('2031-06-16')
    expect(controller.lastDay).toBe('2031-07-16')
  })

  it('an empty week asks once more, from the next week on, for the next free slot', async () => {
    const { controller, calls } = controllerWith({
      slots: async (input) => ({ items: input.body.toDate ? [] : [slot('2031-07-02', '10:00'), slot('2031-07-03', '09:00')] }),
    })
    await controller.load('org-1')
    await controller.searchWeek({ typeId: 'type-1' })
    expect(controller.slots).toEqual([])
    expect(controller.nextFree?.date).toBe('2031-07-02')
    expect(calls.map((c) => [c.input.body.fromDate, c.input.body.toDate])).toEqual([
      ['2031-06-18', '2031-06-22'],
      ['2031-06-23', undefined],
    ])
  })

  it('keeps only the newest search when answers arrive out of order', async () => {
    let release: (v: unknown) => void = () => {}
    const slow = new Promise((resolve) => (release = resolve))
    let first = true
    const { controller } = controllerWith({
      slots: async () => {
        if (first) {
          first = false
          await slow
          return { items: [slot('2031-06-19', '11:00')] }
        }
        return { items: [slot('2031-06-26', '09:00')] }
      },
    })
    await controller.load('org-1')
    const older = controller.searchWeek({ typeId: 'type-1' })
    await controller.searchWeek({ typeId: 'type-1' }, '2031-06-23')
    release(undefined)
    await older
    expect(controller.slots.map((s) => s.date)).toEqual(['2031-06-26'])
  })

  it('checks the details in the browser and sends nothing while they are wrong', async () => {
    const { controller, calls } = controllerWith()
    await controller.load('org-1')
    await controller.searchWeek({ typeId: 'type-1' })
    controller.select(controller.slots[0]!, () => true)
    const outcome = await controller.book({ membershipNumber: '0', dateOfBirth: '', note: 'x'.repeat(501) }, () => true)
    expect(outcome.kind).toBe('invalid')
    expect(controller.issues.map((i) => [i.path, i.code])).toEqual([
      ['member.membershipNumber', 'required'],
      ['member.dateOfBirth', 'required'],
      ['note', 'too-long'],
    ])
    expect(calls.filter((c) => c.name === 'book')).toHaveLength(0)
  })

  it('a vetoed slot choice or booking changes nothing; a booking sends the slot, the type and the member', async () => {
    const { controller, calls } = controllerWith()
    await controller.load('org-1')
    await controller.searchWeek({ typeId: 'type-1' })
    expect(controller.select(controller.slots[0]!, () => false)).toBe(false)
    expect(controller.phase).toBe('choose')
    controller.select(controller.slots[1]!, () => true)
    expect((await controller.book(details, () => false)).kind).toBe('cancelled')
    expect(controller.phase).toBe('details')
    const outcome = await controller.book({ ...details, note: '  Nebenkosten ' }, () => true)
    expect(outcome.kind).toBe('done')
    expect(calls.find((c) => c.name === 'book')!.input.body).toEqual({
      slot: { blockId: 'block-1', startsAt: '2031-06-19T09:30:00.000Z' },
      typeId: 'type-1',
      member: { membershipNumber: 1042, dateOfBirth: '1980-05-17' },
      note: 'Nebenkosten',
    })
    expect(controller.phase).toBe('confirmed')
  })

  it('a slot taken meanwhile goes back to the slots, searches again and keeps saying why', async () => {
    const { controller, calls } = controllerWith({ book: async () => Promise.reject(refusal('SLOT_NOT_AVAILABLE')) })
    await controller.load('org-1')
    await controller.searchWeek({ typeId: 'type-1' })
    controller.select(controller.slots[0]!, () => true)
    const outcome = await controller.book(details, () => true)
    expect(outcome.kind).toBe('refused')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect([controller.phase, controller.failure, controller.selected]).toEqual(['choose', 'slot-taken', undefined])
    expect(calls.filter((c) => c.name === 'slots')).toHaveLength(2)
  })

  it('a refused member stays on the details with the reason; the limit too', async () => {
    for (const [code, failure] of [
      ['MEMBER_NOT_IDENTIFIED', 'not-identified'],
      ['ONLINE_BOOKING_LIMIT', 'limit'],
      ['NETWORK_ERROR', 'network'],
      ['SOMETHING_NEW', 'unexpected'],
    ] as const) {
      const { controller } = controllerWith({ book: async () => Promise.reject(refusal(code, 422)) })
      await controller.load('org-1')
      await controller.searchWeek({ typeId: 'type-1' })
      controller.select(controller.slots[0]!, () => true)
      await controller.book(details, () => true)
      expect([controller.phase, controller.failure]).toEqual(['details', failure])
    }
  })

  it('a link shows the booking, cancels it once; a wrong link and a late cancellation say so', async () => {
    const { controller } = controllerWith()
    await controller.loadLink('org-1', 'a-1', 'token-1')
    expect(controller.phase).toBe('manage')
    expect((await controller.cancel()).kind).toBe('done')
    expect(controller.phase).toBe('cancelled')

    const wrong = controllerWith({ booking: async () => Promise.reject(refusal('CANCELLATION_LINK_INVALID', 404)) }).controller
    await wrong.loadLink('org-1', 'a-1', 'nope')
    expect(wrong.phase).toBe('link-invalid')

    const late = controllerWith({ cancel: async () => Promise.reject(refusal('CANCELLATION_TOO_LATE')) }).controller
    await late.loadLink('org-1', 'a-1', 'token-1')
    await late.cancel()
    expect([late.phase, late.failure]).toEqual(['manage', 'too-late'])

    const already = controllerWith({ booking: async () => receipt('2031-06-17T10:00:00.000Z') }).controller
    await already.loadLink('org-1', 'a-1', 'token-1')
    expect(already.phase).toBe('cancelled')
  })
})

describe('the week of slots', () => {
  it('weeks run Monday to Sunday; each day keeps its slots in time order', () => {
    expect(weekStartOf('2031-06-22')).toBe('2031-06-16') // a Sunday
    expect(weekStartOf('2031-06-16')).toBe('2031-06-16')
    const days = weekDays('2031-06-16')
    const byDay = slotsByDay([slot('2031-06-19', '10:00'), slot('2031-06-19', '09:00'), slot('2031-06-30', '09:00')], days)
    expect(byDay.get('2031-06-19')!.map((s) => s.time)).toEqual(['09:00', '10:00'])
    expect([...byDay.values()].flat()).toHaveLength(2)
    expect(byDay.size).toBe(7)
  })

  it.each([
    ['ArrowDown', [1, 0], [1, 1]],
    ['ArrowDown', [1, 2], undefined],
    ['ArrowUp', [1, 0], undefined],
    ['ArrowRight', [1, 2], [4, 0]], // skips the empty days, keeps the row as far as the day has one
    ['ArrowRight', [4, 0], undefined],
    ['ArrowLeft', [4, 0], [1, 0]],
    ['Home', [4, 0], [1, 0]],
    ['End', [1, 0], [4, 0]],
    ['Tab', [1, 0], undefined],
  ] as const)('%s from %j goes to %j', (key, from, to) => {
    expect(moveInWeek([0, 3, 0, 0, 1, 0, 0], from, key)).toEqual(to)
  })
})
