import { html, nothing, type TemplateResult } from 'lit'
import type { CalendarDate } from '@vereinskit/core'
import type { BookingController, OnlineSlot } from '../../controllers/booking-controller'
import { chosenSlot, identificationFields, type ViewTexts } from './booking-views'
import { renderSlotPicker } from './slot-picker'

/** What the member entered so far, kept across the steps. */
export interface Entered {
  readonly membershipNumber: string
  readonly dateOfBirth: string
  readonly note: string
  readonly topicId: string
}

/**
 * The first step: consultation type and location, the member's identification where the club's slots depend on
 * who asks, and the free slots of the week.
 */
export function choiceStep(
  texts: ViewTexts,
  props: {
    readonly controller: BookingController
    readonly chosen: { readonly typeId: string; readonly locationId: string }
    readonly entered: Entered
    readonly errors: Readonly<Record<string, string>>
    readonly view: 'list' | 'week'
    readonly focusAt: readonly [number, number]
    readonly failure: TemplateResult | typeof nothing
    onChoice(event: Event): void
    readonly picker: {
      onView(view: 'list' | 'week'): void
      onWeek(date: CalendarDate): void
      onSelect(slot: OnlineSlot): void
      onFocus(at: readonly [number, number]): void
    }
  },
): TemplateResult {
  const { b } = texts
  const { controller: c, chosen } = props
  const form = c.form!
  const select = (name: 'typeId' | 'locationId', label: string, options: readonly { id: string; name: string }[], any?: string) =>
    html`<div>
      <label part="label" for="f-${name}">${label}</label>
      <select part="input" id="f-${name}" name=${name} @change=${props.onChoice}>
        ${any !== undefined ? html`<option value="" ?selected=${!chosen[name]}>${any}</option>` : nothing}
        ${options.map((o) => html`<option value=${o.id} ?selected=${chosen[name] === o.id}>${o.name}</option>`)}
      </select>
    </div>`
  const ready = chosen.typeId && (!form.slotsNeedMember || c.member)
  return html`<fieldset part="section">
      <legend>${b.chooseHeading}</legend>
      <div class="row">
        ${select('typeId', b.consultationType, form.types, form.types.length > 1 && !chosen.typeId ? '–' : undefined)}
        ${form.locations.length > 1 ? select('locationId', b.location, form.locations, b.anyLocation) : nothing}
      </div>
    </fieldset>
    ${
      form.slotsNeedMember
        ? html`${identificationFields(texts, props.errors, props.entered, (n) => c.clearIssue(n))}
            <button type="submit" part="submit">${b.showSlots}</button>`
        : nothing
    }
    ${props.failure}
    ${
      ready && c.weekStart
        ? renderSlotPicker({
            b,
            lang: texts.lang,
            view: props.view,
            weekStart: c.weekStart,
            today: form.today,
            lastDay: c.lastDay!,
            slots: c.slots,
            nextFree: c.nextFree,
            searching: c.searching,
            focus: props.focusAt,
            manyConsultants: new Set(c.slots.map((s) => s.consultantId)).size > 1,
            ...props.picker,
          })
        : nothing
    }`
}

/** The details step: the chosen slot, the member's identification, topic and note, and the booking button. */
export function detailsStep(
  texts: ViewTexts,
  props: {
    readonly controller: BookingController
    readonly entered: Entered
    readonly errors: Readonly<Record<string, string>>
    readonly failure: TemplateResult | typeof nothing
    onSubmit(event: SubmitEvent): void
  },
): TemplateResult {
  const { b, t } = texts
  const { controller: c, entered } = props
  const form = c.form!
  const noteError = props.errors.note ?? ''
  return html`<form part="form" novalidate @submit=${props.onSubmit} aria-labelledby="heading">
    <h2 part="heading" id="heading">${b.detailsHeading}</h2>
    ${chosenSlot(texts, form, c.selected!, () => c.back())} ${props.failure}
    ${identificationFields(texts, props.errors, entered, (n) => c.clearIssue(n))}
    ${
      form.topics.length > 0
        ? html`<div>
            <label part="label" for="f-topicId">${b.topic} (${t.optional})</label>
            <select part="input" id="f-topicId" name="topicId">
              <option value="">${b.noTopic}</option>
              ${form.topics.map((o) => html`<option value=${o.id} ?selected=${entered.topicId === o.id}>${o.name}</option>`)}
            </select>
          </div>`
        : nothing
    }
    <div>
      <label part="label" for="f-note">${b.note} (${t.optional})</label>
      <textarea
        part="input"
        id="f-note"
        name="note"
        rows="3"
        maxlength="500"
        aria-describedby="f-note-hint${noteError ? ' f-note-error' : ''}"
        aria-invalid=${noteError ? 'true' : 'false'}
        .value=${entered.note}
      ></textarea>
      <div class="hint" id="f-note-hint">${b.noteHint(500)}</div>
      <div class="error" id="f-note-error">${noteError}</div>
    </div>
    <button part="submit" type="submit" ?disabled=${c.phase === 'booking'}>${c.phase === 'booking' ? b.booking : b.book}</button>
  </form>`
}
