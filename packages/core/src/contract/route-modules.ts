import type { AdminModule, ModuleUse } from '../organisations/module-permission'
import type { RouteDefinition } from './define-route'

/**
 * Which module each area of the API belongs to, by the static path segments after `/organisations/:id/` (the last
 * known one wins: `/memberships/:id/mandates` is direct debit, `/memberships/:id` is members). A staff route with
 * no known segment fails the test that walks the contract (route-modules.test.ts).
 */
const moduleBySegment: Readonly<Record<string, AdminModule>> = {
  members: 'members',
  memberships: 'members',
  persons: 'members',
  'result-lists': 'members',
  'membership-periods': 'members',
  applications: 'members',
  'synced-members': 'members',
  'sync-imports': 'members',
  syncs: 'members',
  'member-database': 'members',
  crm: 'members',
  accounts: 'finance',
  'payment-plans': 'finance',
  'fee-classes': 'finance',
  'fee-class-groups': 'finance',
  'fee-assignments': 'finance',
  jobs: 'finance',
  'charge-runs': 'finance',
  'invoice-runs': 'finance',
  'run-progress': 'finance',
  account: 'finance',
  ledger: 'finance',
  postings: 'finance',
  'open-items': 'finance',
  'balance-list': 'finance',
  'quick-bookings': 'finance',
  'write-offs': 'finance',
  dunning: 'dunning',
  'dunning-levels': 'dunning',
  'dunning-runs': 'dunning',
  'exclusion-runs': 'dunning',
  'collection-runs': 'dunning',
  mandates: 'direct-debit',
  'mandate-check': 'direct-debit',
  'direct-debit-runs': 'direct-debit',
  'bank-files': 'bank-import',
  'bank-entries': 'bank-import',
  'return-reasons': 'bank-import',
  documents: 'correspondence',
  'letter-templates': 'correspondence',
  'text-blocks': 'correspondence',
  'mail-deliveries': 'correspondence',
  'print-queue': 'correspondence',
  appointments: 'appointments',
  'appointment-blocks': 'appointments',
  'appointment-consultant-changes': 'appointments',
  'appointment-list.pdf': 'appointments',
  'calendar-templates': 'appointments',
  consultants: 'appointments',
  'consultation-locations': 'appointments',
  'consultation-topics': 'appointments',
  'consultation-types': 'appointments',
  'free-slots': 'appointments',
  'missed-appointments': 'appointments',
  'routing-slips.pdf': 'appointments',
  'home-consultant': 'appointments',
  settings: 'organisation',
  structure: 'organisation',
  children: 'organisation',
  administrators: 'organisation',
}

/** Routes every administrator may call whatever their rights: ending one's own switched session. */
const withoutModule = new Set(['logout'])

/**
 * The module a staff route belongs to; `null` for a route that needs no module right (logging out), undefined for a
 * path this table does not know.
 */
export function moduleOfRoute(route: Pick<RouteDefinition, 'path'>): AdminModule | null | undefined {
  const segments = route.path
    .split('/')
    .slice(3)
    .filter((s) => s !== '' && !s.startsWith(':'))
  if (segments.length === 1 && withoutModule.has(segments[0]!)) return null
  for (let i = segments.length - 1; i >= 0; i--) {
    const found = moduleBySegment[segments[i]!]
    if (found) return found
  }
  return undefined
}

/** Reading or writing: a GET reads, and so do previews, searches and checks that are POSTs to keep input out of URLs. */
export function moduleUseOf(route: Pick<RouteDefinition, 'method' | 'path'>): ModuleUse {
  if (route.method === 'GET') return 'read'
  const last = route.path.split('/').at(-1) ?? ''
  return ['preview', 'search', 'duplicate-check', 'mandate-check', 'duplicates'].includes(last) ? 'read' : 'write'
}
