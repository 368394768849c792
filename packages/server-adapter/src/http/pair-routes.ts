import { isRouteDefinition, type RouteDefinition, type RouteTable } from '@vereinskit/core/contract'
import type { RouteHandler, RouteHandlers } from './route-handler'

/** A route of the contract with the handler that serves it. */
export interface MountedRoute {
  readonly name: string
  readonly route: RouteDefinition
  readonly handler: RouteHandler<RouteDefinition>
}

/**
 * Walks a route table and its handler table side by side. `RouteHandlers<T>` has the table's shape, so the
 * compiler has already checked that every route has a handler of its type; this only pairs them up.
 */
export function* pairRoutes<T extends RouteTable>(routes: T, handlers: RouteHandlers<T>, prefix = ''): Generator<MountedRoute> {
  for (const [key, entry] of Object.entries(routes)) {
    const name = prefix ? `${prefix}.${key}` : key
    const handler = (handlers as Record<string, unknown>)[key]
    if (isRouteDefinition(entry)) {
      if (typeof handler !== 'function') throw new Error(`No handler for route ${name}`)
      yield { name, route: entry, handler: handler as RouteHandler<RouteDefinition> }
    } else {
      yield* pairRoutes(entry, handler as RouteHandlers<RouteTable>, name)
    }
  }
}
