import { VkAppointmentBooking } from '../components/appointment-booking/appointment-booking'

VkAppointmentBooking.define('vk-appointment-booking')

declare global {
  interface HTMLElementTagNameMap {
    'vk-appointment-booking': VkAppointmentBooking
  }
}
