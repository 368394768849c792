import type { ApplicationReceipt } from '@vereinskit/core/contract'

/** Fired when the server has taken the application. */
export class VkApplicationSuccessEvent extends Event {
  constructor(readonly detail: { readonly receipt: ApplicationReceipt }) {
    super('vk-application-success', { bubbles: true, composed: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-application-success': VkApplicationSuccessEvent
  }
}
