import { contract } from '@vereinskit/core/contract'
import { defineCapability } from '../capability'
import { applicationHandlers } from './application-handlers'
import { createApplicationStore } from './postgres-application-store'

/** Online membership applications (Online-Mitgliedsantrag): the public form, staff review, acceptance. */
export const applicationsCapability = defineCapability({
  name: 'applications',
  routes: contract.applications,
  handlers: applicationHandlers,
  stores: { applications: createApplicationStore },
})
