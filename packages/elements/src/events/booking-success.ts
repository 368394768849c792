import type { OnlineBookingReceipt } from '@vereinskit/core/contract'

/**
 * Fired when the server has booked the appointment (`action: 'booked'`) or cancelled it through its link
 * (`action: 'cancelled'`). The receipt carries the time, the consultant and the calendar file.
 */
export class VkBookingSuccessEvent extends Event {
  constructor(readonly detail: { readonly action: 'booked' | 'cancelled'; readonly receipt: OnlineBookingReceipt }) {
    super('vk-booking-success', { bubbles: true, composed: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-booking-success': VkBookingSuccessEvent
  }
}
