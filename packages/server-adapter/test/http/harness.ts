import { afterAll, beforeAll } from 'vitest'
import { createRequestHandler, type RequestHandlerOptions } from '../../src/create-request-handler'
import { createPostgresStorage } from '../../src/storage/create-postgres-storage'
import type { DatabaseConnection } from '../../src/storage/database'
import type { Storage } from '../../src/storage/storage'
import type { Engine } from '../engines'

/** A request handler on a fresh storage for one test file, plus a small `call` helper. */
export function useServer(engine: Engine, options: Partial<RequestHandlerOptions> = {}) {
  let connection: DatabaseConnection
  const server = {
    get connection() {
      return connection
    },
    storage: undefined as unknown as Storage,
    handler: undefined as unknown as ReturnType<typeof createRequestHandler>,
    async call(
      method: string,
      path: string,
      init: { body?: unknown; rawBody?: string; apiKey?: string; origin?: string; clientAddress?: string } = {},
    ) {
      const headers = new Headers()
      if (init.body !== undefined || init.rawBody !== undefined) headers.set('content-type', 'application/json')
      if (init.apiKey) headers.set('authorization', `Bearer ${init.apiKey}`)
      if (init.origin) headers.set('origin', init.origin)
      const request = new Request(`http://api.test${path}`, {
        method,
        headers,
        ...((init.body !== undefined || init.rawBody !== undefined) && { body: init.rawBody ?? JSON.stringify(init.body) }),
      })
      const response = await server.handler(request, { clientAddress: init.clientAddress ?? '203.0.113.7' })
      const bytes = new Uint8Array(await response.arrayBuffer())
      const text = new TextDecoder().decode(bytes)
      const isJson = /json/.test(response.headers.get('content-type') ?? '')
      return {
        status: response.status,
        headers: response.headers,
        text,
        bytes,
        json: isJson && text ? (JSON.parse(text) as any) : undefined,
      }
    },
  }
  beforeAll(async () => {
    connection = await engine.open()
    server.storage = createPostgresStorage(connection)
    server.handler = createRequestHandler({ storage: server.storage, ...options })
  })
  afterAll(() => connection.close())
  return server
}
