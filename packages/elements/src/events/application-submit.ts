import type { ApplicationSubmissionInput } from '@vereinskit/core/applications'

/** Fired before an application is sent; cancel it (`preventDefault()`) to stop the submission. */
export class VkApplicationSubmitEvent extends Event {
  constructor(readonly detail: { readonly submission: ApplicationSubmissionInput }) {
    super('vk-application-submit', { bubbles: true, composed: true, cancelable: true })
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'vk-application-submit': VkApplicationSubmitEvent
  }
}
