/**
 * @module @vereinskit/elements: embeddable web components for club websites. This entry exports the classes
 * without registering tags; import `@vereinskit/elements/define/membership-application` (or `/define/all`) to
 * register them.
 *
 * @example
 * import '@vereinskit/elements/define/membership-application'
 * // <vk-membership-application organisation-id="…" base-url="https://verein.example/api" lang="de">
 * import '@vereinskit/elements/define/appointment-booking'
 * // <vk-appointment-booking organisation-id="…" base-url="https://verein.example/api" type-id="…">
 */
export { VkIbanInput } from './components/iban-input/iban-input'
export { VkMembershipApplication } from './components/membership-application/membership-application'
export { VkAppointmentBooking } from './components/appointment-booking/appointment-booking'
export { ApplicationFormController } from './controllers/application-form-controller'
export { BookingController } from './controllers/booking-controller'
export type { BookingClient, BookingPhase, BookingOutcome, OnlineSlot, SlotChoiceFilter } from './controllers/booking-controller'
export type { ApplicationClient, ApplicationFormPhase, SubmitOutcome } from './controllers/application-form-controller'
export { VkElement } from './base/vk-element'
export { VkFormControl } from './base/vk-form-control'
export { renderField } from './base/render-field'
export { VkApplicationSubmitEvent } from './events/application-submit'
export { VkApplicationSuccessEvent } from './events/application-success'
export { VkApplicationErrorEvent } from './events/application-error'
export { VkBookingSlotSelectEvent } from './events/booking-slot-select'
export { VkBookingConfirmEvent } from './events/booking-confirm'
export { VkBookingSuccessEvent } from './events/booking-success'
export { VkBookingErrorEvent } from './events/booking-error'
export { safeDefine } from './base/safe-define'
export { resolveTranslation } from './i18n/resolve-translation'
export type { Translation, Locale, FieldReason } from './i18n/translation'
export { bookingTexts } from './i18n/booking/booking-texts'
export type { BookingTexts, BookingFailure } from './i18n/booking/booking-texts'
