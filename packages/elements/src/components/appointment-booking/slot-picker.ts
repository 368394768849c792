import { html, nothing, type TemplateResult } from 'lit'
import { addDays, compareDates, type CalendarDate } from '@vereinskit/core'
import type { OnlineSlot } from '../../controllers/booking-controller'
import { moveInWeek, slotsByDay, weekDays } from '../../controllers/slot-week'
import type { BookingTexts } from '../../i18n/booking/booking-texts'
import { formatCalendarDate } from '../../i18n/format-calendar-date'

/** What the slot picker shows and where it reports back. */
export interface SlotPickerState {
  readonly b: BookingTexts
  readonly lang: string
  readonly view: 'list' | 'week'
  readonly weekStart: CalendarDate
  readonly today: CalendarDate
  readonly lastDay: CalendarDate
  readonly slots: readonly OnlineSlot[]
  /** The first free slot after this week, when this week has none. */
  readonly nextFree: OnlineSlot | undefined
  readonly searching: boolean
  /** The week view's one tab stop: [day, row]. */
  readonly focus: readonly [number, number]
  /** Whether the slots come from more than one consultant (then each slot names its consultant). */
  readonly manyConsultants: boolean
  onView(view: 'list' | 'week'): void
  onWeek(date: CalendarDate): void
  onSelect(slot: OnlineSlot): void
  onFocus(at: readonly [number, number]): void
}

function slotLabel(state: SlotPickerState, slot: OnlineSlot): string {
  const { b, lang } = state
  return `${formatCalendarDate(slot.date, lang)}, ${b.time(slot.time)}, ${b.withConsultant(slot.consultantName)}`
}

function slotButton(state: SlotPickerState, slot: OnlineSlot, at?: readonly [number, number]): TemplateResult {
  const roving = at !== undefined
  const isStop = roving && at[0] === state.focus[0] && at[1] === state.focus[1]
  return html`<li>
    <button
      type="button"
      part="slot"
      class="slot"
      data-day=${roving ? at[0] : nothing}
      data-row=${roving ? at[1] : nothing}
      tabindex=${roving ? (isStop ? 0 : -1) : nothing}
      aria-label=${slotLabel(state, slot)}
      @click=${() => state.onSelect(slot)}
    >
      <span class="time">${state.b.time(slot.time)}</span>
      ${state.manyConsultants ? html`<span class="who">${slot.consultantName}</span>` : nothing}
    </button>
  </li>`
}

/** Arrow keys, Home and End move the focus between the week view's slots (one tab stop, roving tabindex). */
function onWeekKey(state: SlotPickerState, columns: readonly number[], event: KeyboardEvent): void {
  const target = event.target as HTMLElement
  if (!target.dataset.day) return
  const next = moveInWeek(columns, [Number(target.dataset.day), Number(target.dataset.row)], event.key)
  if (!next) return
  event.preventDefault()
  state.onFocus(next)
  const grid = target.closest('.week')
  grid?.querySelector<HTMLElement>(`[data-day="${next[0]}"][data-row="${next[1]}"]`)?.focus()
}

function weekView(state: SlotPickerState, days: readonly CalendarDate[], byDay: Map<CalendarDate, OnlineSlot[]>): TemplateResult {
  const columns = days.map((d) => byDay.get(d)?.length ?? 0)
  return html`<div
    class="week"
    part="week"
    role="group"
    aria-labelledby="week-label"
    @keydown=${(e: KeyboardEvent) => onWeekKey(state, columns, e)}
  >
    ${days.map(
      (day, i) =>
        html`<div class="day" part="day">
          <h4 id="day-${i}">${formatCalendarDate(day, state.lang, 'short')}</h4>
          ${
            columns[i]
              ? html`<ul aria-labelledby="day-${i}">
                  ${byDay.get(day)!.map((slot, row) => slotButton(state, slot, [i, row]))}
                </ul>`
              : html`<p class="none" aria-hidden="true">–</p>`
          }
        </div>`,
    )}
  </div>`
}

function listView(state: SlotPickerState, days: readonly CalendarDate[], byDay: Map<CalendarDate, OnlineSlot[]>): TemplateResult {
  return html`<div class="list" part="list">
    ${days
      .filter((d) => byDay.get(d)?.length)
      .map(
        (day, i) =>
          html`<section>
            <h4 id="list-day-${i}">${formatCalendarDate(day, state.lang)}</h4>
            <ul aria-labelledby="list-day-${i}">
              ${byDay.get(day)!.map((slot) => slotButton(state, slot))}
            </ul>
          </section>`,
      )}
  </div>`
}

/**
 * The free slots of one week, as a list by day or as a week of seven columns, with the week's navigation (never
 * before this week, never past the booking window) and, for an empty week, a jump to the next free slot.
 */
export function renderSlotPicker(state: SlotPickerState): TemplateResult {
  const { b, lang, weekStart } = state
  const days = weekDays(weekStart)
  const byDay = slotsByDay(state.slots, days)
  const inWeek = days.some((d) => byDay.get(d)!.length > 0)
  const later = state.nextFree
  const hasEarlier = compareDates(weekStart, state.today) > 0
  const hasLater = compareDates(addDays(weekStart, 7), state.lastDay) <= 0
  return html`<section class="slots" part="slots" aria-labelledby="slots-heading" aria-busy=${state.searching ? 'true' : 'false'}>
    <h3 id="slots-heading">${b.slotsHeading}</h3>
    <div class="toolbar">
      <div class="views" role="group" aria-label=${b.slotsHeading}>
        ${(['list', 'week'] as const).map(
          (view) =>
            html`<button
              type="button"
              part="view-toggle"
              aria-pressed=${state.view === view ? 'true' : 'false'}
              @click=${() => state.onView(view)}
            >
              ${view === 'list' ? b.listView : b.weekView}
            </button>`,
        )}
      </div>
      <div class="nav" part="nav">
        <button type="button" ?disabled=${!hasEarlier} aria-label=${b.previousWeek} @click=${() => state.onWeek(addDays(weekStart, -7))}>
          ‹
        </button>
        <span id="week-label" aria-live="polite"
          >${b.weekOf(formatCalendarDate(days[0]!, lang, 'short'), formatCalendarDate(days[6]!, lang, 'short'))}</span
        >
        <button type="button" ?disabled=${!hasLater} aria-label=${b.nextWeek} @click=${() => state.onWeek(addDays(weekStart, 7))}>›</button>
      </div>
    </div>
    ${
      state.searching
        ? html`<p role="status">${b.searching}</p>`
        : inWeek
          ? state.view === 'week'
            ? weekView(state, days, byDay)
            : listView(state, days, byDay)
          : html`<p role="status">${later || hasLater ? b.noSlotsThisWeek : b.noSlotsAtAll}</p>
              ${
                later
                  ? html`<button type="button" part="next-free" class="link" @click=${() => state.onWeek(later.date)}>
                      ${b.nextFreeOn(formatCalendarDate(later.date, lang))}
                    </button>`
                  : nothing
              }`
    }
  </section>`
}
