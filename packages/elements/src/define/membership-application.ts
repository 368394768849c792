import { VkMembershipApplication } from '../components/membership-application/membership-application'

// Registers <vk-iban-input> too: it is one of the form's dependencies.
VkMembershipApplication.define('vk-membership-application')

declare global {
  interface HTMLElementTagNameMap {
    'vk-membership-application': VkMembershipApplication
    'vk-iban-input': import('../components/iban-input/iban-input').VkIbanInput
  }
}
