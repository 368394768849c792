import { VkIbanInput } from '../components/iban-input/iban-input'

VkIbanInput.define('vk-iban-input')

declare global {
  interface HTMLElementTagNameMap {
    'vk-iban-input': VkIbanInput
  }
}
