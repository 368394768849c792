/**
 * @module Serve a vereinskit request handler with `node:http`.
 * @example
 * import { createServer } from 'node:http'
 * import { toNodeListener } from '@vereinskit/server-adapter/node'
 * createServer(toNodeListener(handler)).listen(3000)
 */
import { getRequestListener } from '@hono/node-server'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from './create-request-handler'

/** Adapts a Fetch-API handler to a `node:http` request listener; passes the socket's address as client address. */
export function toNodeListener(handler: RequestHandler): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return getRequestListener((request, env) => {
    const clientAddress = env.incoming.socket.remoteAddress
    return handler(request, clientAddress === undefined ? {} : { clientAddress })
  })
}

export { directoryContentStore } from './capabilities/correspondence/document-contents'
