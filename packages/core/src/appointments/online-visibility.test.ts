import { describe, expect, it } from 'vitest'
import { onlineConsultantsFor, onlineSlots, type OnlineBookingSettings } from './online-visibility'
import type { FreeSlot } from './free-slots'

const home = 'c-home'
const last = 'c-last'
const other = 'c-other'

function slot(consultantId: string, startsAt: string, extra: Partial<FreeSlot> = {}): FreeSlot {
  return {
    blockId: `b-${consultantId}`,
    consultantId,
    startsAt: new Date(startsAt),
    endsAt: new Date(new Date(startsAt).getTime() + 1_800_000),
    date: startsAt.slice(0, 10),
    time: '10:00',
    timeZone: 'Europe/Berlin',
    typeId: 'T-online',
    locationId: null,
    onlineBookable: true,
    ...extra,
  }
}

const settings: OnlineBookingSettings = { onlineConsultants: 'all', onlineDaysAhead: 14, onlineMaxSlots: 50, onlineBookingLeadHours: 2 }
const now = new Date('2027-06-01T08:00:00Z')
const context = (
  s: Partial<OnlineBookingSettings> = {},
  viewer: { homeConsultantId: string | null; lastConsultantId: string | null } | null = { homeConsultantId: home, lastConsultantId: last },
) => ({
  settings: { ...settings, ...s },
  now,
  today: '2027-06-01',
  onlineTypeIds: new Set(['T-online']),
  activeConsultantIds: new Set([home, last, other]),
  closedLocationIds: new Set(['L-closed']),
  viewer,
})
const all = [slot(home, '2027-06-02T08:00:00Z'), slot(last, '2027-06-02T09:00:00Z'), slot(other, '2027-06-02T10:00:00Z')]

describe('online visibility (OnlineTermineBerater, docs/decisions/0022)', () => {
  it.each([
    ['home', { homeConsultantId: home, lastConsultantId: last }, [home]],
    ['home-or-last', { homeConsultantId: home, lastConsultantId: last }, [home, last]],
    ['home-or-last', { homeConsultantId: null, lastConsultantId: last }, [last]],
    ['home', { homeConsultantId: null, lastConsultantId: last }, [home, last, other]],
    ['home-or-last', { homeConsultantId: null, lastConsultantId: null }, [home, last, other]],
    ['all', { homeConsultantId: home, lastConsultantId: last }, [home, last, other]],
  ] as const)('scope %s with %o shows %o', (scope, viewer, expected) => {
    expect(onlineSlots(all, context({ onlineConsultants: scope }, viewer)).map((s) => s.consultantId)).toEqual(expected)
  })

  it('without a viewer (anonymous listing) the scope is all', () => {
    expect(onlineConsultantsFor('home', null)).toBeNull()
  })

  it.each([
    ['a block that is not online bookable', slot(other, '2027-06-02T10:00:00Z', { onlineBookable: false }), false],
    ['a block without a consultation type', slot(other, '2027-06-02T10:00:00Z', { typeId: null }), false],
    ['a type that is not online selectable', slot(other, '2027-06-02T10:00:00Z', { typeId: 'T-staff' }), false],
    ['an inactive consultant', slot('c-gone', '2027-06-02T10:00:00Z'), false],
    ['within the booking lead time', slot(other, '2027-06-01T09:59:00Z'), false],
    ['exactly at the lead time', slot(other, '2027-06-01T10:00:00Z'), true],
    ['on the last day ahead', slot(other, '2027-06-15T16:00:00Z', { date: '2027-06-15' }), true],
    ['one day beyond', slot(other, '2027-06-16T08:00:00Z', { date: '2027-06-16' }), false],
    ['at a location that is closed', slot(other, '2027-06-02T10:00:00Z', { locationId: 'L-closed' }), false],
  ] as const)('%s: shown = %s', (_name, candidate, shown) => {
    expect(onlineSlots([candidate], context()).length).toBe(shown ? 1 : 0)
  })

  it('lists at most OnlineFreieTermine slots, the earliest first, even if that hides a consultant', () => {
    const many = [...Array.from({ length: 5 }, (_, i) => slot(home, `2027-06-0${i + 3}T08:00:00Z`)), slot(other, '2027-06-02T18:00:00Z')]
    const shown = onlineSlots(many, context({ onlineMaxSlots: 3 }))
    expect(shown.map((s) => s.startsAt.toISOString())).toEqual([
      '2027-06-02T18:00:00.000Z',
      '2027-06-03T08:00:00.000Z',
      '2027-06-04T08:00:00.000Z',
    ])
    expect(onlineSlots(many, context({ onlineMaxSlots: 2, onlineConsultants: 'home' })).every((s) => s.consultantId === home)).toBe(true)
  })
})
