import { safeDefine } from '../base/safe-define'
import { VkMembershipApplication } from '../components/membership-application/membership-application'
import './iban-input'

safeDefine('vk-membership-application', VkMembershipApplication)

declare global {
  interface HTMLElementTagNameMap {
    'vk-membership-application': VkMembershipApplication
  }
}
