import type { OnlineBooking } from '@vereinskit/core/contract'

/** Fired before a booking is sent; cancel it (`preventDefault()`) to stop the booking. */
export class VkBookingConfirmEvent extends Event {
  constructor(readonly detail: { readonly booking: OnlineBooking }) {
    super('vk-booking-confirm', { bubbles: true, composed: true, cancelable: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-booking-confirm': VkBookingConfirmEvent
  }
}
