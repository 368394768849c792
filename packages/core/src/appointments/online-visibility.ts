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

/**
 * The free slots shown online (handbook §9.3, §3.1): only online-bookable blocks of a type that is online
 * selectable (a block without a type is never shown), of active consultants in the viewer's scope, starting no
 * sooner than the booking lead time and no later than `onlineDaysAhead` days after today, and at most
 * `onlineMaxSlots` of them — earliest first, so a low limit can hide later consultants (as the handbook warns).
 */
export function onlineSlots(
  slots: readonly FreeSlot[],
  context: {
    readonly settings: OnlineBookingSettings
    readonly now: Date
    readonly today: CalendarDate
    readonly onlineTypeIds: ReadonlySet<string>
    readonly activeConsultantIds: ReadonlySet<string>
    readonly viewer: OnlineViewer | null
  },
): FreeSlot[] {
  const { settings } = context
  const scope = onlineConsultantsFor(settings.onlineConsultants, context.viewer)
  const earliest = context.now.getTime() + settings.onlineBookingLeadHours * 3_600_000
  const lastDay = addDays(context.today, settings.onlineDaysAhead)
  const shown: FreeSlot[] = []
  for (const slot of [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())) {
    if (shown.length >= settings.onlineMaxSlots) break
    if (!slot.onlineBookable || slot.typeId === null || !context.onlineTypeIds.has(slot.typeId)) continue
    if (!context.activeConsultantIds.has(slot.consultantId)) continue
    if (scope && !scope.has(slot.consultantId)) continue
    if (slot.startsAt.getTime() < earliest || compareDates(slot.date, lastDay) > 0) continue
    shown.push(slot)
  }
  return shown
}
