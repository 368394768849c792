import { addDays, compareDates, type CalendarDate, type FieldIssue } from '@vereinskit/core'
import type {
  BookingForm,
  MemberIdentification,
  OnlineBooking,
  OnlineBookingReceipt,
  OnlineSlotView,
  appointmentBookingEndpoints,
} from '@vereinskit/core/contract'
import { isApiError, type ApiError, type ClientMethods } from '@vereinskit/client'
import type { BookingFailure } from '../i18n/booking/booking-texts'
import { asApiError, failureOf } from './booking-failure'
import { weekStartOf } from './slot-week'

/** The part of the vereinskit client the booking component uses; a full `createClient(...)` client fits too. */
export type BookingClient = ClientMethods<{ onlineBooking: typeof appointmentBookingEndpoints }>

export type OnlineSlot = OnlineSlotView

/** Where the booking stands: the steps type → slot → details → confirmed, or the cancellation link's view. */
export type BookingPhase =
  | 'loading'
  | 'load-failed'
  | 'origin-not-allowed'
  | 'choose'
  | 'details'
  | 'booking'
  | 'confirmed'
  | 'manage'
  | 'cancelling'
  | 'cancelled'
  | 'link-invalid'

/** What the search is for: a type, optionally a location and a consultant (the component's prefill). */
export interface SlotChoiceFilter {
  readonly typeId: string
  readonly locationId?: string | undefined
  readonly consultantId?: string | undefined
}

/** The outcome of `book` and `cancel`. */
export type BookingOutcome =
  | { readonly kind: 'invalid'; readonly issues: readonly FieldIssue[] }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'done'; readonly receipt: OnlineBookingReceipt }
  | { readonly kind: 'refused'; readonly error: ApiError }

const noteMax = 500

/**
 * The logic of `<vk-appointment-booking>` without any DOM: loads what the club offers online, searches the free
 * slots of one week, holds the chosen slot, books it for an identified member and cancels through a link. The
 * element renders the state and is told of each change through `onChange`; tests drive it in Node.
 */
export class BookingController {
  phase: BookingPhase = 'loading'
  form: BookingForm | undefined
  filter: SlotChoiceFilter | undefined
  /** The member as identified for the slot search (needed first when the form says `slotsNeedMember`). */
  member: MemberIdentification | undefined
  weekStart: CalendarDate | undefined
  slots: readonly OnlineSlot[] = []
  /** The first free slot after the week shown, when the week has none (the "next free appointment" jump). */
  nextFree: OnlineSlot | undefined
  searching = false
  selected: OnlineSlot | undefined
  receipt: OnlineBookingReceipt | undefined
  issues: readonly FieldIssue[] = []
  failure: BookingFailure | undefined
  private organisationId = ''
  private search = 0

  constructor(
    private readonly client: () => BookingClient,
    private readonly onChange: () => void,
  ) {}

  /** Loads the booking form of an organisation. */
  async load(organisationId: string): Promise<void> {
    this.organisationId = organisationId
    this.set({ phase: 'loading', failure: undefined, issues: [] })
    try {
      const form = await this.client().onlineBooking.form({ params: { organisationId } })
      this.set({ form, phase: 'choose' })
    } catch (error) {
      this.set({ phase: isApiError(error) && error.code === 'ORIGIN_NOT_ALLOWED' ? 'origin-not-allowed' : 'load-failed' })
    }
  }

  /** Loads the booking behind a cancellation link (`?vk-appointment=…&vk-token=…`). */
  async loadLink(organisationId: string, appointmentId: string, token: string): Promise<void> {
    this.organisationId = organisationId
    this.set({ phase: 'loading', failure: undefined })
    try {
      const receipt = await this.client().onlineBooking.booking({ params: { organisationId, appointmentId }, query: { token } })
      this.set({ receipt, phase: receipt.cancelledAt ? 'cancelled' : 'manage' })
    } catch (error) {
      const failure = failureOf(error)
      this.set({ phase: failure === 'link-invalid' ? 'link-invalid' : 'load-failed', failure })
    }
  }

  /** The last day the club lets members book online (OnlineTermineVoraus). */
  get lastDay(): CalendarDate | undefined {
    return this.form ? addDays(this.form.today, this.form.daysAhead) : undefined
  }

  /**
   * Searches the free slots of the week of `date` (this week by default) for a type, location and consultant;
   * answers the server's refusal, if any (a newer search overrides an older one still on its way).
   */
  async searchWeek(filter: SlotChoiceFilter, date?: CalendarDate, keepFailure = false): Promise<ApiError | undefined> {
    if (!this.form) return undefined
    const today = this.form.today
    const weekStart = weekStartOf(date && compareDates(date, today) > 0 ? date : today)
    const search = ++this.search
    this.set({ filter, weekStart, searching: true, ...(!keepFailure && { failure: undefined }) })
    const ask = (fromDate: CalendarDate, toDate?: CalendarDate) =>
      this.client().onlineBooking.slots({
        params: { organisationId: this.organisationId },
        body: {
          typeId: filter.typeId,
          ...(filter.locationId && { locationId: filter.locationId }),
          ...(filter.consultantId && { consultantId: filter.consultantId }),
          fromDate,
          ...(toDate && { toDate }),
          ...(this.member && { member: this.member }),
        },
      })
    try {
      // One week at a time, so the club's cap on listed slots applies to what is shown; an empty week asks once
      // more, from the next week on, for the jump to the next free slot.
      const { items } = await ask(compareDates(weekStart, today) < 0 ? today : weekStart, addDays(weekStart, 6))
      const nextFree = items.length === 0 ? (await ask(addDays(weekStart, 7))).items[0] : undefined
      if (search === this.search) this.set({ slots: items, nextFree, searching: false })
      return undefined
    } catch (caught) {
      const error = asApiError(caught)
      if (search === this.search) this.set({ slots: [], searching: false, failure: failureOf(error) })
      return error
    }
  }

  /**
   * Sets who is asking, for clubs whose slots depend on the member (home consultant, last consultation); answers
   * the issues of the entries, if any (then nobody is identified).
   */
  identify(entered: { membershipNumber: string; dateOfBirth: string }): FieldIssue[] {
    const issues = this.check(entered, '')
    const member = { membershipNumber: Number(entered.membershipNumber.trim()), dateOfBirth: entered.dateOfBirth }
    this.set(issues.length > 0 ? { issues, member: undefined } : { issues, member })
    return issues
  }

  /** Chooses a slot; `beforeSelect` may cancel (the element's cancelable event). */
  select(slot: OnlineSlot, beforeSelect: () => boolean): boolean {
    if (!beforeSelect()) return false
    this.set({ selected: slot, phase: 'details', failure: undefined, issues: [] })
    return true
  }

  /** Back from the details to the slots. */
  back(): void {
    this.set({ phase: 'choose', selected: undefined, issues: [], failure: undefined })
  }

  /** The issues the server would answer for the details, checked in the browser. */
  check(member: { membershipNumber: string; dateOfBirth: string }, note: string): FieldIssue[] {
    const issues: FieldIssue[] = []
    if (!/^[1-9]\d{0,9}$/.test(member.membershipNumber.trim()))
      issues.push({ path: 'member.membershipNumber', code: 'required', message: 'Enter your membership number.' })
    if (!/^\d{4}-\d{2}-\d{2}$/.test(member.dateOfBirth))
      issues.push({
        path: 'member.dateOfBirth',
        code: member.dateOfBirth ? 'invalid-date' : 'required',
        message: 'Enter your date of birth.',
      })
    if (note.length > noteMax) issues.push({ path: 'note', code: 'too-long', message: `At most ${noteMax} characters.` })
    return issues
  }

  /** Books the chosen slot; `beforeConfirm` may cancel. A slot taken meanwhile sends the member back to the slots. */
  async book(
    details: { membershipNumber: string; dateOfBirth: string; note: string; topicId?: string | undefined },
    beforeConfirm: (booking: OnlineBooking) => boolean,
  ): Promise<BookingOutcome> {
    const slot = this.selected
    if (this.phase !== 'details' || !slot || !this.filter) return { kind: 'cancelled' }
    const issues = this.check(details, details.note)
    this.set({ issues, failure: undefined })
    if (issues.length > 0) return { kind: 'invalid', issues }
    const booking: OnlineBooking = {
      slot: { blockId: slot.blockId, startsAt: slot.startsAt },
      typeId: this.filter.typeId,
      member: { membershipNumber: Number(details.membershipNumber.trim()), dateOfBirth: details.dateOfBirth },
      note: details.note.trim(),
      ...(details.topicId && { topicId: details.topicId }),
    }
    if (!beforeConfirm(booking)) return { kind: 'cancelled' }
    this.set({ phase: 'booking' })
    try {
      const receipt = await this.client().onlineBooking.book({ params: { organisationId: this.organisationId }, body: booking })
      this.set({ receipt, phase: 'confirmed', member: booking.member })
      return { kind: 'done', receipt }
    } catch (caught) {
      const error = asApiError(caught)
      const failure = error.issues.length > 0 ? undefined : failureOf(error)
      if (failure === 'slot-taken' || failure === 'outside-window') {
        this.set({ phase: 'choose', selected: undefined, failure })
        void this.searchWeek(this.filter, this.weekStart, true)
      } else this.set({ phase: 'details', issues: error.issues, failure })
      return { kind: 'refused', error }
    }
  }

  /** Cancels the booking shown (after booking, or behind a link), with the receipt's cancellation token. */
  async cancel(): Promise<BookingOutcome> {
    const receipt = this.receipt
    if (!receipt || (this.phase !== 'manage' && this.phase !== 'confirmed')) return { kind: 'cancelled' }
    const before = this.phase
    this.set({ phase: 'cancelling', failure: undefined })
    try {
      const cancelled = await this.client().onlineBooking.cancel({
        params: { organisationId: this.organisationId, appointmentId: receipt.appointmentId },
        body: { token: receipt.cancellationToken },
      })
      this.set({ receipt: cancelled, phase: 'cancelled' })
      return { kind: 'done', receipt: cancelled }
    } catch (caught) {
      const error = asApiError(caught)
      const failure = failureOf(error)
      this.set({ phase: failure === 'already-cancelled' ? 'cancelled' : before, failure })
      return { kind: 'refused', error }
    }
  }

  /** Starts over after a booking: same type and location, the member stays identified. */
  restart(): void {
    this.set({ phase: 'choose', selected: undefined, receipt: undefined, failure: undefined, issues: [] })
    if (this.filter) void this.searchWeek(this.filter, this.weekStart)
  }

  /** Forgets the issue of a field the member is editing. */
  clearIssue(path: string): void {
    if (this.issues.some((i) => i.path === path)) this.set({ issues: this.issues.filter((i) => i.path !== path) })
  }

  private set(changes: Partial<BookingController>): void {
    Object.assign(this, changes)
    this.onChange()
  }
}
