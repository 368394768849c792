import { html, nothing, type TemplateResult } from 'lit'
import type { BookingForm, OnlineBookingReceipt } from '@vereinskit/core/contract'
import type { OnlineSlot } from '../../controllers/booking-controller'
import { renderField } from '../../base/render-field'
import type { BookingTexts } from '../../i18n/booking/booking-texts'
import type { Translation } from '../../i18n/translation'
import { formatCalendarDate, formatInstant } from '../../i18n/format-calendar-date'

/** The texts and language every view needs. */
export interface ViewTexts {
  readonly t: Translation
  readonly b: BookingTexts
  readonly lang: string
}

/** A text input or date in the one field layout, with its error from `errors`. */
export function inputField(
  texts: ViewTexts,
  errors: Readonly<Record<string, string>>,
  name: string,
  label: string,
  options: { type?: string; value?: string; autocomplete?: string; inputmode?: string; hint?: string; onInput: () => void },
): TemplateResult {
  const id = `f-${name.replace('.', '-')}`
  const error = errors[name] ?? ''
  return html`<div>
    ${renderField(
      { id, label, error, required: true, live: false, ...(options.hint && { hint: options.hint }) },
      (describedBy) =>
        html`<input
          part="input"
          id=${id}
          name=${name}
          type=${options.type ?? 'text'}
          .value=${options.value ?? ''}
          autocomplete=${options.autocomplete ?? 'off'}
          inputmode=${options.inputmode ?? nothing}
          required
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy ?? nothing}
          @input=${options.onInput}
        />`,
    )}
  </div>`
}

/** The member's identification: membership number and date of birth. */
export function identificationFields(
  texts: ViewTexts,
  errors: Readonly<Record<string, string>>,
  values: { membershipNumber: string; dateOfBirth: string },
  onInput: (name: string) => void,
): TemplateResult {
  const { t, b } = texts
  return html`<fieldset part="section">
    <legend>${b.identifyHeading}</legend>
    <p class="hint">${b.identifyHint}</p>
    <div class="row">
      ${inputField(texts, errors, 'member.membershipNumber', b.membershipNumber, {
        value: values.membershipNumber,
        inputmode: 'numeric',
        onInput: () => onInput('member.membershipNumber'),
      })}
      ${inputField(texts, errors, 'member.dateOfBirth', t.dateOfBirth, {
        type: 'date',
        value: values.dateOfBirth,
        autocomplete: 'bday',
        onInput: () => onInput('member.dateOfBirth'),
      })}
    </div>
  </fieldset>`
}

/** Where and with whom: date and time in the location's time, the consultant, the place and its address. */
export function appointmentSummary(
  texts: ViewTexts,
  what: { date: string; time: string; consultantName: string; place: string | null; address: string | null },
): TemplateResult {
  const { b, lang } = texts
  return html`<dl part="summary" class="summary-list">
    <dt>${b.yourAppointment}</dt>
    <dd>${formatCalendarDate(what.date, lang)}, ${b.time(what.time)}</dd>
    <dd>${b.withConsultant(what.consultantName)}</dd>
    ${what.place ? html`<dd>${what.place}${what.address ? html`, ${what.address}` : nothing}</dd>` : nothing}
  </dl>`
}

/** The chosen slot, summarised, with the way back to the slots. */
export function chosenSlot(texts: ViewTexts, form: BookingForm, slot: OnlineSlot, onBack: () => void): TemplateResult {
  const location = form.locations.find((l) => l.id === slot.locationId)
  return html`<div class="chosen" part="chosen">
    ${appointmentSummary(texts, {
      date: slot.date,
      time: slot.time,
      consultantName: slot.consultantName,
      place: location?.name ?? null,
      address: location?.address || null,
    })}
    <button type="button" class="link" part="back" @click=${onBack}>${texts.b.chooseOther}</button>
  </div>`
}

/** After booking, or behind a cancellation link: the booking, "add to calendar", the cancellation deadline. */
export function receiptView(
  texts: ViewTexts,
  receipt: OnlineBookingReceipt,
  options: { heading: string; busy: boolean; fresh: boolean; onCancel: () => void; onRestart: () => void },
): TemplateResult {
  const { b, lang } = texts
  const deadlinePassed = Date.parse(receipt.cancellableUntil) <= Date.now()
  return html`<div class="confirmation" part="confirmation" role="status" tabindex="-1">
    <h2>${options.heading}</h2>
    ${appointmentSummary(texts, {
      date: receipt.date,
      time: receipt.time,
      consultantName: receipt.consultantName,
      place: receipt.locationName,
      address: receipt.locationAddress,
    })}
    ${options.fresh ? html`<p>${b.confirmedMail(receipt.confirmationQueued)}</p>` : nothing}
    <p>
      <a
        part="add-to-calendar"
        class="button secondary"
        download="termin.ics"
        href=${`data:text/calendar;charset=utf-8,${encodeURIComponent(receipt.ics)}`}
        >${b.addToCalendar}</a
      >
    </p>
    ${
      deadlinePassed
        ? nothing
        : html`<p class="hint">${b.cancellableUntil(formatInstant(receipt.cancellableUntil, lang, receipt.timeZone))}</p>
            <button type="button" part="cancel" class="button secondary" ?disabled=${options.busy} @click=${options.onCancel}>
              ${options.busy ? b.cancelling : b.cancelAppointment}
            </button>`
    }
    ${options.fresh ? html`<button type="button" class="link" part="restart" @click=${options.onRestart}>${b.bookAnother}</button>` : nothing}
  </div>`
}
