import type { ApiError } from '@vereinskit/client'

/** Fired when the server refused a search, booking or cancellation, or could not be reached; `error.code` says why. */
export class VkBookingErrorEvent extends Event {
  constructor(readonly detail: { readonly error: ApiError }) {
    super('vk-booking-error', { bubbles: true, composed: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-booking-error': VkBookingErrorEvent
  }
}
