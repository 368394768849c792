import type { applicationRoutes } from './applications'
import type { onlineBookingRoutes } from './online-booking'
import type { Endpoint } from './define-route'

/**
 * The two routes the membership application form calls, without their schemas: the form page stays within its
 * size budget, and the server validates. The types bind each to its full route (method and path must match).
 * @see docs/decisions/0014-browser-forms-without-a-schema-library.md
 */
export const applicationFormEndpoints: {
  readonly form: Endpoint<typeof applicationRoutes.form>
  readonly submit: Endpoint<typeof applicationRoutes.submit>
} = {
  form: { method: 'GET', path: '/public/organisations/:organisationId/application-form', access: 'public' },
  submit: { method: 'POST', path: '/public/organisations/:organisationId/applications', access: 'public' },
}

/** The routes the appointment booking component calls, without their schemas (its page has its own budget). */
export const appointmentBookingEndpoints: {
  readonly form: Endpoint<typeof onlineBookingRoutes.form>
  readonly slots: Endpoint<typeof onlineBookingRoutes.slots>
  readonly book: Endpoint<typeof onlineBookingRoutes.book>
  readonly booking: Endpoint<typeof onlineBookingRoutes.booking>
  readonly cancel: Endpoint<typeof onlineBookingRoutes.cancel>
} = {
  form: { method: 'GET', path: '/public/organisations/:organisationId/appointment-booking', access: 'public' },
  slots: { method: 'POST', path: '/public/organisations/:organisationId/appointment-slots', access: 'public' },
  book: { method: 'POST', path: '/public/organisations/:organisationId/appointments', access: 'public' },
  booking: { method: 'GET', path: '/public/organisations/:organisationId/appointments/:appointmentId', access: 'public' },
  cancel: { method: 'POST', path: '/public/organisations/:organisationId/appointments/:appointmentId/cancellation', access: 'public' },
}
