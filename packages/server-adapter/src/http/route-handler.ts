import type { CalendarDate } from '@vereinskit/core'
import type { ParsedRouteInput, RouteDefinition, RouteOutput, RouteTable } from '@vereinskit/core/contract'
import type { Clock } from '../clock'
import type { AdministratorRecord } from '@vereinskit/core/organisations'
import type { ApiKeyRecord } from '../storage/api-key-store'
import type { OrganisationRecord } from '../storage/organisation-store'
import type { OrganisationStorage } from '../storage/organisation-storage'
import type { MemberDatabaseIntegration } from '../capabilities/member-database/member-database-integration'
import type { CrmIntegration } from '../capabilities/customer-references/customer-directory'

/** What every handler gets besides its parsed input: the organisation in the path is loaded and authorised. */
export interface HandlerContext {
  /** The organisation's storage: every store behind it is scoped to `organisation`. */
  readonly storage: OrganisationStorage
  readonly clock: Clock
  readonly organisation: OrganisationRecord
  /** Today in the organisation's time zone. */
  readonly today: CalendarDate
  /** Who acts, for the record on postings: `api-key:<id>` for staff, `public` for website forms. */
  readonly actor: string
  /** Staff routes: the key used and the administrator it acts as (none for an organisation key). */
  readonly access: { readonly apiKey?: ApiKeyRecord; readonly administrator?: AdministratorRecord }
  /** How this server reaches external systems (member databases), as the host configured it. */
  readonly integrations: ServerIntegrations
}

/** External systems the host wires in; each is optional. */
export interface ServerIntegrations {
  readonly memberDatabase?: MemberDatabaseIntegration
  readonly crm?: CrmIntegration
}

/** The server side of one route: parsed input in, the route's response type out. */
export type RouteHandler<R extends RouteDefinition> = (input: ParsedRouteInput<R>, context: HandlerContext) => Promise<RouteOutput<R>>

/** Handlers for a whole route table, shaped like the table, so a missing or mistyped handler does not compile. */
export type RouteHandlers<T extends RouteTable> = {
  readonly [K in keyof T]: T[K] extends RouteDefinition ? RouteHandler<T[K]> : T[K] extends RouteTable ? RouteHandlers<T[K]> : never
}
