import * as z from 'zod'
import { errorCodes, type ErrorCode } from '@vereinskit/core'
import { ProblemDetails, contract, listRoutes, type RouteDefinition } from '@vereinskit/core/contract'
import { statusByCode } from './problem'

type Schema = Record<string, unknown>

/** A zod schema as JSON Schema 2020-12, the dialect of OpenAPI 3.1; `input` for requests, `output` for answers. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Schema
  return rest
}

const mediaTypes = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  xml: 'application/xml',
} as const

function operation(name: string, route: RouteDefinition): Schema {
  const pathParameters = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
  const query = route.query ? jsonSchema(route.query, 'input') : undefined
  const queryParameters = Object.entries((query?.properties ?? {}) as Record<string, Schema>).map(([key, schema]) => ({
    name: key,
    in: 'query',
    required: ((query?.required as string[] | undefined) ?? []).includes(key),
    schema,
  }))
  const success = route.produces
    ? {
        content: {
          [mediaTypes[route.produces]]: {
            schema: { type: 'string', format: route.produces === 'csv' || route.produces === 'xml' ? undefined : 'binary' },
          },
        },
      }
    : { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
  const errors = new Map<number, ErrorCode[]>()
  for (const code of ['VALIDATION_FAILED', ...route.errors, 'INTERNAL'] as const) {
    const status = statusByCode[code]
    errors.set(status, [...(errors.get(status) ?? []), code])
  }
  return {
    operationId: name,
    summary: route.summary,
    ...(route.permission && { 'x-vereinskit-permission': route.permission }),
    ...(route.deniedBy && { 'x-vereinskit-denied-by': route.deniedBy }),
    tags: [name.split('.')[0]],
    ...(route.access === 'staff' ? { security: [{ staffApiKey: [] }] } : { security: [] }),
    parameters: [...pathParameters, ...queryParameters],
    ...(route.body && { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } }),
    responses: {
      [String(route.status ?? 200)]: { description: 'Success.', ...success },
      ...Object.fromEntries(
        [...errors].map(([status, codes]) => [
          String(status),
          {
            description: codes.map((c) => `\`${c}\`: ${errorCodes[c]}`).join(' '),
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        ]),
      ),
    },
  }
}

/**
 * The OpenAPI 3.1 document of the whole HTTP API, generated from the contract: every route with its parameters,
 * request and answer bodies as JSON Schema, its error codes, and the staff API key. Served at `GET /openapi.json`.
 */
export function openApiDocument(options: { version?: string; serverUrl?: string } = {}): Schema {
  const paths: Record<string, Record<string, Schema>> = {}
  for (const [name, route] of listRoutes(contract)) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}')
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation(name, route) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'vereinskit HTTP API',
      version: options.version ?? '0.1.0',
      description: 'Membership administration for clubs and associations. Errors are RFC 9457 problem documents with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    ...(options.serverUrl && { servers: [{ url: options.serverUrl }] }),
    paths,
    components: {
      securitySchemes: { staffApiKey: { type: 'http', scheme: 'bearer', description: 'A staff API key of the organisation: vk_…' } },
      schemas: { Problem: jsonSchema(ProblemDetails, 'output') },
    },
  }
}
