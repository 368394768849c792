import type { ApiError } from '@vereinskit/client'

/** Fired when the server refused the application or could not be reached; `error.issues` names the fields. */
export class VkApplicationErrorEvent extends Event {
  constructor(readonly detail: { readonly error: ApiError }) {
    super('vk-application-error', { bubbles: true, composed: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-application-error': VkApplicationErrorEvent
  }
}
