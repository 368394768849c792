import { html, nothing, type PropertyValues, type TemplateResult } from 'lit'
import { property, state } from 'lit/decorators.js'
import { daysBetween } from '@vereinskit/core'
import { appointmentBookingEndpoints } from '@vereinskit/core/contract'
import { createClientFor, type ApiError } from '@vereinskit/client'
import { VkElement } from '../../base/vk-element'
import { BookingController, type BookingClient, type OnlineSlot } from '../../controllers/booking-controller'
import { LocalizeController } from '../../controllers/localize-controller'
import { bookingTexts } from '../../i18n/booking/booking-texts'
import { reasonMessage } from '../../i18n/resolve-translation'
import { formControlStyles, tokens } from '../../styles/tokens.styles'
import { VkBookingSlotSelectEvent } from '../../events/booking-slot-select'
import { VkBookingConfirmEvent } from '../../events/booking-confirm'
import { VkBookingSuccessEvent } from '../../events/booking-success'
import { VkBookingErrorEvent } from '../../events/booking-error'
import { receiptView, type ViewTexts } from './booking-views'
import { choiceStep, detailsStep } from './booking-steps'
import { appointmentBookingStyles } from './appointment-booking.styles'

/**
 * @tagname vk-appointment-booking
 * @summary Online appointment booking (Online-Terminbuchung) for members: choose the consultation type and
 * location, pick a free slot in a list or week view, identify with membership number and date of birth, confirm,
 * and add the appointment to a calendar. Opened with `?vk-appointment=…&vk-token=…` (the link of the confirmation
 * e-mail), it shows that booking and cancels it.
 *
 * @event vk-booking-slot-select - A slot was picked; cancelable. `detail.slot`.
 * @event vk-booking-confirm - Before the booking is sent; cancelable. `detail.booking` is what will be sent.
 * @event vk-booking-success - Booked or cancelled. `detail.action`, `detail.receipt` (with the `.ics` text).
 * @event vk-booking-error - The server refused or was unreachable. `detail.error` is an `ApiError`.
 *
 * @csspart form - Each step's form.
 * @csspart heading - The heading.
 * @csspart section - Each group of fields.
 * @csspart input - Inputs, selects and the note.
 * @csspart slots - The free slots with their toolbar.
 * @csspart view-toggle - The list / week switches.
 * @csspart nav - The week navigation.
 * @csspart week - The week view.
 * @csspart day - A day of the week view.
 * @csspart list - The list view.
 * @csspart slot - A free slot's button.
 * @csspart chosen - The chosen slot in the details step.
 * @csspart summary - Date, time, consultant and place.
 * @csspart submit - The booking button.
 * @csspart confirmation - The confirmation or the booking behind a link.
 * @csspart add-to-calendar - The link that downloads the `.ics` file.
 * @csspart cancel - The cancellation button.
 * @csspart error-summary - A refusal, in words.
 *
 * @cssproperty --vk-theme-color-primary - Global token: accent (slots, buttons, focus).
 * @cssproperty --vk-booking-slot-background - Background of a free slot; defaults to the surface colour.
 * @cssproperty --vk-booking-slot-color - Text of a free slot; defaults to the accent colour.
 * @cssproperty --vk-booking-max-width - Maximum width of the component.
 */
export class VkAppointmentBooking extends VkElement {
  static override styles = [tokens, formControlStyles, appointmentBookingStyles]

  /** Id of the organisation whose consultations are booked. */
  @property({ attribute: 'organisation-id' }) organisationId = ''
  /** Where the vereinskit API is mounted, e.g. `https://verein.example/api`. */
  @property({ attribute: 'base-url' }) baseUrl = ''
  /** A ready client; takes precedence over `base-url`. */
  @property({ attribute: false }) client: BookingClient | undefined
  /** Prefill: the consultation type (its slots show at once). */
  @property({ attribute: 'type-id' }) typeId = ''
  /** Prefill: the location. */
  @property({ attribute: 'location-id' }) locationId = ''
  /** Prefill: only this consultant's slots. */
  @property({ attribute: 'consultant-id' }) consultantId = ''
  /** Prefill: the membership number. */
  @property({ attribute: 'member-number' }) memberNumber = ''
  /** The booking to show and cancel; defaults to the page's `vk-appointment` parameter. */
  @property({ attribute: 'appointment-id' }) appointmentId = ''
  /** Its cancellation token; defaults to the page's `vk-token` parameter. */
  @property() token = ''
  /** The first view of the slots. */
  @property() view: 'list' | 'week' = 'week'

  @state() private chosen = { typeId: '', locationId: '' }
  @state() private focusAt: readonly [number, number] = [0, 0]
  @state() private entered = { membershipNumber: '', dateOfBirth: '', note: '', topicId: '' }

  private readonly controller = new BookingController(
    () => this.api(),
    () => this.requestUpdate(),
  )
  private readonly localize = new LocalizeController(this)
  private loadedFor = ''
  private ownClient: BookingClient | undefined

  private get texts(): ViewTexts {
    return { t: this.localize.t, b: bookingTexts(this.localize.lang), lang: this.localize.lang }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('memberNumber') && !this.entered.membershipNumber)
      this.entered = { ...this.entered, membershipNumber: this.memberNumber }
    const link = this.link()
    const key = `${this.baseUrl}|${this.organisationId}|${this.client ? 'own' : ''}|${link?.appointmentId ?? ''}`
    if (this.organisationId && key !== this.loadedFor) {
      this.loadedFor = key
      void (link ? this.controller.loadLink(this.organisationId, link.appointmentId, link.token) : this.start())
    }
  }

  /** The cancellation link's appointment and token: from the attributes, else from the page's address. */
  private link(): { appointmentId: string; token: string } | undefined {
    const params = new URLSearchParams(location.search)
    const appointmentId = this.appointmentId || params.get('vk-appointment') || ''
    const token = this.token || params.get('vk-token') || ''
    return appointmentId && token ? { appointmentId, token } : undefined
  }

  private api(): BookingClient {
    if (this.client) return this.client
    this.ownClient ??= createClientFor(
      { onlineBooking: appointmentBookingEndpoints },
      { baseUrl: this.baseUrl || new URL('/api', location.href).href },
    )
    return this.ownClient
  }

  private async start(): Promise<void> {
    await this.controller.load(this.organisationId)
    const form = this.controller.form
    if (this.controller.phase === 'origin-not-allowed')
      console.error(
        `vereinskit: ${location.origin} may not embed appointment booking of organisation ${this.organisationId}; add it to the website origins.`,
      )
    if (!form) return
    const typeId = form.types.some((t) => t.id === this.typeId) ? this.typeId : form.types.length === 1 ? form.types[0]!.id : ''
    const locationId = form.locations.some((l) => l.id === this.locationId) ? this.locationId : ''
    this.chosen = { typeId, locationId }
    if (typeId && !form.slotsNeedMember) await this.search()
  }

  private async search(date?: string): Promise<void> {
    if (!this.chosen.typeId) return
    this.focusAt = [0, 0]
    const error = await this.controller.searchWeek(
      { typeId: this.chosen.typeId, locationId: this.chosen.locationId || undefined, consultantId: this.consultantId || undefined },
      date,
    )
    if (error) this.fail(error)
    else this.focusAt = this.firstSlotAt()
  }

  /** The week view's tab stop after a search: the week's first slot. */
  private firstSlotAt(): readonly [number, number] {
    const start = this.controller.weekStart
    const first = this.controller.slots.find((s) => start !== undefined && s.date >= start)
    return first && start ? [Math.min(daysBetween(start, first.date), 6), 0] : [0, 0]
  }

  private fail(refusal: ApiError): void {
    this.dispatchEvent(new VkBookingErrorEvent({ error: refusal }))
  }

  private onChoice(event: Event): void {
    const select = event.target as HTMLSelectElement
    this.chosen = { ...this.chosen, [select.name]: select.value }
    if (!this.controller.form?.slotsNeedMember || this.controller.member) void this.search(this.controller.weekStart)
  }

  private onIdentify(event: SubmitEvent): void {
    event.preventDefault()
    if (this.controller.identify(this.read(event.target as HTMLFormElement)).length === 0) void this.search(this.controller.weekStart)
  }

  private read(form: HTMLFormElement) {
    const data = new FormData(form)
    const text = (name: string) => String(data.get(name) ?? '').trim()
    this.entered = {
      membershipNumber: text('member.membershipNumber') || this.entered.membershipNumber,
      dateOfBirth: text('member.dateOfBirth') || this.entered.dateOfBirth,
      note: String(data.get('note') ?? this.entered.note),
      topicId: text('topicId'),
    }
    return this.entered
  }

  private async onSelect(slot: OnlineSlot): Promise<void> {
    if (!this.controller.select(slot, () => this.dispatchEvent(new VkBookingSlotSelectEvent({ slot })))) return
    await this.updateComplete
    // The keyboard goes on where there is something to enter: the first empty field, else the note.
    const fields = [...this.renderRoot.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')]
    ;(fields.find((f) => !f.value) ?? fields.at(-1))?.focus()
  }

  private async onBook(event: SubmitEvent): Promise<void> {
    event.preventDefault()
    const details = this.read(event.target as HTMLFormElement)
    const outcome = await this.controller.book(details, (booking) => this.dispatchEvent(new VkBookingConfirmEvent({ booking })))
    await this.updateComplete
    if (outcome.kind === 'done') {
      this.dispatchEvent(new VkBookingSuccessEvent({ action: 'booked', receipt: outcome.receipt }))
      this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus()
    }
    if (outcome.kind === 'refused') this.fail(outcome.error)
    if (outcome.kind !== 'done' && outcome.kind !== 'cancelled')
      this.renderRoot.querySelector<HTMLElement>('[role="alert"], [aria-invalid="true"]')?.focus()
  }

  private async onCancel(): Promise<void> {
    const outcome = await this.controller.cancel()
    await this.updateComplete
    if (outcome.kind === 'done') this.dispatchEvent(new VkBookingSuccessEvent({ action: 'cancelled', receipt: outcome.receipt }))
    if (outcome.kind === 'refused') this.fail(outcome.error)
    this.renderRoot.querySelector<HTMLElement>('.confirmation')?.focus()
  }

  private get errors(): Readonly<Record<string, string>> {
    const errors: Record<string, string> = {}
    for (const issue of this.controller.issues) errors[issue.path || 'form'] ??= reasonMessage(this.localize.t, issue.code, issue.message)
    return errors
  }

  private failureMessage(): TemplateResult | typeof nothing {
    const failure = this.controller.failure
    return failure ? html`<p class="problem" part="error-summary" role="alert" tabindex="-1">${this.texts.b.errors[failure]}</p>` : nothing
  }

  protected override render() {
    const texts = this.texts
    const { t, b } = texts
    const c = this.controller
    if (c.phase === 'loading') return html`<p role="status">${b.loading}</p>`
    if (c.phase === 'origin-not-allowed') return html`<p role="alert">${b.originNotAllowed}</p>`
    if (c.phase === 'link-invalid') return html`<p role="alert" part="error-summary">${b.errors['link-invalid']}</p>`
    if (c.phase === 'load-failed')
      return html`<p role="alert">${c.failure === 'network' ? t.networkError : t.loadFailed}</p>
        <button type="button" @click=${() => ((this.loadedFor = ''), this.requestUpdate())}>${t.retry}</button>`
    if (c.phase === 'cancelled')
      return html`<div class="confirmation" part="confirmation" role="status" tabindex="-1">
        <h2>${b.cancelledHeading}</h2>
        <p>${b.cancelledText}</p>
      </div>`
    if ((c.phase === 'manage' || c.phase === 'confirmed' || c.phase === 'cancelling') && c.receipt)
      return html`${this.failureMessage()}
      ${receiptView(texts, c.receipt, {
        heading: c.phase === 'manage' || !c.form ? b.manageHeading : b.confirmedHeading,
        busy: c.phase === 'cancelling',
        fresh: c.form !== undefined,
        onCancel: () => void this.onCancel(),
        onRestart: () => c.restart(),
      })}`
    const form = c.form!
    if (c.phase === 'details' || c.phase === 'booking') return this.renderDetails(texts)
    return html`<form part="form" novalidate @submit=${this.onIdentify} aria-labelledby="heading">
      <h2 part="heading" id="heading">${b.heading} – ${form.organisationName}</h2>
      ${form.types.length === 0 ? html`<p role="status">${b.noSlotsAtAll}</p>` : this.renderChoice(texts)}
    </form>`
  }

  private renderChoice(texts: ViewTexts): TemplateResult {
    return choiceStep(texts, {
      controller: this.controller,
      chosen: this.chosen,
      entered: this.entered,
      errors: this.errors,
      view: this.view,
      focusAt: this.focusAt,
      failure: this.failureMessage(),
      onChoice: (event) => this.onChoice(event),
      picker: {
        onView: (view) => (this.view = view),
        onWeek: (date) => void this.search(date),
        onSelect: (slot) => void this.onSelect(slot),
        onFocus: (at) => (this.focusAt = at),
      },
    })
  }

  private renderDetails(texts: ViewTexts): TemplateResult {
    return detailsStep(texts, {
      controller: this.controller,
      entered: this.entered,
      errors: this.errors,
      failure: this.failureMessage(),
      onSubmit: (event) => void this.onBook(event),
    })
  }
}
