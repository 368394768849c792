import type { applicationRoutes } from './applications'
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
