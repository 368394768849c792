import type { OnlineSlotView } from '@vereinskit/core/contract'

/** Fired when the member picks a free slot, before the details step; cancel it to keep the member on the slots. */
export class VkBookingSlotSelectEvent extends Event {
  constructor(readonly detail: { readonly slot: OnlineSlotView }) {
    super('vk-booking-slot-select', { bubbles: true, composed: true, cancelable: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-booking-slot-select': VkBookingSlotSelectEvent
  }
}
