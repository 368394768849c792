import * as z from 'zod'
import { addDays, compareDates, type CalendarDate } from '../calendar/calendar-date'
import type { FreeSlot } from './free-slots'

/**
 * Which consultants' blocks members see online (OnlineTermineBerater, handbook version notes 5.2: value 3 was
 * added for "all"): `home` — the membership's home consultant (Stammberater); `home-or-last` — the home
 * consultant and the consultant of the member's last consultation; `all` — every consultant. A member who has
 * neither sees every consultant, so a first booking is always possible.
 * @see docs/decisions/0022-appointments.md
 */
export const OnlineConsultantScope = z.enum(['home', 'home-or-last', 'all'])
export type OnlineConsultantScope = z.infer<typeof OnlineConsultantScope>

/** The club settings of online booking (MIA-Online, handbook "Einrichtung von MIA-Online", §3). */
export interface OnlineBookingSettings {
  readonly onlineConsultants: OnlineConsultantScope
  /** OnlineTermineVoraus: slots up to this many calendar days after today (the organisation's), inclusive. */
  readonly onlineDaysAhead: number
  /** OnlineFreieTermine: at most this many slots are listed, the earliest first. */
  readonly onlineMaxSlots: number
  /** The shortest notice for an online booking, in hours before the slot starts. */
  readonly onlineBookingLeadHours: number
}

/** Who is looking: the member's home consultant and last consultation's consultant, when known. */
export interface OnlineViewer {
  readonly homeConsultantId: string | null
  readonly lastConsultantId: string | null
}

/** The consultants a viewer may book online under the scope; null means all. */
export function onlineConsultantsFor(scope: OnlineConsultantScope, viewer: OnlineViewer | null): Set<string> | null {
  if (scope === 'all' || !viewer) return null
  const ids = scope === 'home' ? [viewer.homeConsultantId] : [viewer.homeConsultantId, viewer.lastConsultantId]
  const own = ids.filter((id): id is string => id !== null)
  return own.length === 0 ? null : new Set(own)
}

/** What decides whether a slot may be booked online, apart from the cap on how many are listed. */
export interface OnlineSlotContext {
  readonly settings: OnlineBookingSettings
  readonly now: Date
  readonly today: CalendarDate
  readonly onlineTypeIds: ReadonlySet<string>
  readonly activeConsultantIds: ReadonlySet<string>
  /** Locations that are not active. */
  readonly closedLocationIds?: ReadonlySet<string> | undefined
  readonly viewer: OnlineViewer | null
}

/**
 * Whether one free slot may be booked online (handbook: Administration → Consultant calendar; Setting up
 * MIA-Online): an online-bookable block of a type that is online selectable (a block without a type never is),
 * of an active consultant in the viewer's scope, starting no sooner than the booking lead time and no later than
 * `onlineDaysAhead` days after today. The booking itself is checked with this, not against a listed page of slots.
 */
export function isOnlineBookable(slot: FreeSlot, context: OnlineSlotContext): boolean {
  const { settings } = context
  if (!slot.onlineBookable || slot.typeId === null || !context.onlineTypeIds.has(slot.typeId)) return false
  if (!context.activeConsultantIds.has(slot.consultantId)) return false
  if (slot.locationId !== null && context.closedLocationIds?.has(slot.locationId)) return false
  const scope = onlineConsultantsFor(settings.onlineConsultants, context.viewer)
  if (scope && !scope.has(slot.consultantId)) return false
  const earliest = context.now.getTime() + settings.onlineBookingLeadHours * 3_600_000
  return slot.startsAt.getTime() >= earliest && compareDates(slot.date, addDays(context.today, settings.onlineDaysAhead)) <= 0
}

/**
 * The free slots shown online: those `isOnlineBookable` allows, at most `onlineMaxSlots` of them — earliest first,
 * so a low limit can hide later consultants (as the handbook warns).
 */
export function onlineSlots(slots: readonly FreeSlot[], context: OnlineSlotContext): FreeSlot[] {
  const shown: FreeSlot[] = []
  for (const slot of [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    if (shown.length >= context.settings.onlineMaxSlots) break
    if (isOnlineBookable(slot, context)) shown.push(slot)
  }
  return shown
}
