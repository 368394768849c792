import { safeDefine } from '../base/safe-define'
import { VkIbanInput } from '../components/iban-input/iban-input'

safeDefine('vk-iban-input', VkIbanInput)

declare global {
  interface HTMLElementTagNameMap {
    'vk-iban-input': VkIbanInput
  }
}
