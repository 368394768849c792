import { describe, expectTypeOf, it } from 'vitest'
import type { Contract, RouteDefinition, RouteTable } from '@vereinskit/core/contract'
import type { VereinskitClient } from '@vereinskit/client'
import type { RouteHandlers } from '@vereinskit/server-adapter'

/** Output of every method or handler in a nested table. */
type Outputs<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<infer O> ? O : Outputs<T[K]> }
/** Path params of every method or handler in a nested table. */
type Params<T> = {
  [K in keyof T]: T[K] extends (input: infer I, ...rest: never[]) => unknown ? (I extends { params: infer P } ? P : never) : Params<T[K]>
}
/** Names of all leaf routes. */
type Leaves<T extends RouteTable> = { [K in keyof T]: T[K] extends RouteDefinition ? K : T[K] extends RouteTable ? Leaves<T[K]> : never }

describe('the client and the server are derived from one contract', () => {
  it('have the same routes, path params and response types', () => {
    expectTypeOf<Leaves<Contract>>().toEqualTypeOf<Leaves<Contract>>()
    expectTypeOf<keyof VereinskitClient>().toEqualTypeOf<keyof RouteHandlers<Contract>>()
    expectTypeOf<Outputs<VereinskitClient>>().toEqualTypeOf<Outputs<RouteHandlers<Contract>>>()
    expectTypeOf<Params<VereinskitClient>>().toEqualTypeOf<Params<RouteHandlers<Contract>>>()
  })
})
