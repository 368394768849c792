import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { contract, listRoutes } from '@vereinskit/core/contract'
import { openApiDocument, statusByCode } from '@vereinskit/server-adapter'

/** Where the generated reference lives. */
export const referencePath = fileURLToPath(new URL('../docs/reference/http-api.md', import.meta.url))

type Json = {
  type?: string | string[]
  properties?: Record<string, Json>
  required?: string[]
  items?: Json
  anyOf?: Json[]
  oneOf?: Json[]
  enum?: unknown[]
  const?: unknown
  additionalProperties?: unknown
}

/** A JSON Schema as a compact TypeScript-like shape, e.g. `{ asOf: string; limit?: number }`. */
function shapeOf(schema: Json, indent = ''): string {
  const alternatives = schema.anyOf ?? schema.oneOf
  if (alternatives) return [...new Set(alternatives.map((a) => shapeOf(a, indent)))].join(' | ')
  if (schema.const !== undefined) return JSON.stringify(schema.const)
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ')
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  if (types.length > 1) return types.map((type) => shapeOf({ ...schema, type }, indent)).join(' | ')
  const type = types[0]
  if (type === 'object' || schema.properties) {
    const entries = Object.entries(schema.properties ?? {})
    if (entries.length === 0) return 'object'
    const inner = `${indent}  `
    const required = new Set(schema.required ?? [])
    return `{\n${entries.map(([key, value]) => `${inner}${key}${required.has(key) ? '' : '?'}: ${shapeOf(value, inner)}`).join('\n')}\n${indent}}`
  }
  if (type === 'array') return `${shapeOf(schema.items ?? {}, indent)}[]`.replace(/^(.* \| .*)\[\]$/, '($1)[]')
  if (type === 'integer') return 'number'
  return type ?? 'unknown'
}

type Operation = {
  parameters: { name: string; in: string; required: boolean; schema: Json }[]
  requestBody?: { content: { 'application/json': { schema: Json } } }
  responses: Record<string, { content?: Record<string, { schema: Json }> }>
}

/** The HTTP reference as Markdown, generated from the contract so it cannot drift from the routes. */
export function renderHttpApiReference(): string {
  const lines = [
    '# HTTP API reference',
    '',
    'Generated from `@vereinskit/core/contract` by `npm run docs:api`; do not edit by hand. Staff routes need',
    '`Authorization: Bearer vk_…` for the organisation in the path. Errors are RFC 9457 `application/problem+json`',
    'with a stable `code`; every route may also answer `VALIDATION_FAILED` (422) and `INTERNAL` (500). The same API',
    'as an OpenAPI 3.1 document: `GET /openapi.json` on the server (`openApiDocument()` in the server adapter).',
    '',
  ]
  // The shapes come from the OpenAPI document, so the reference and /openapi.json say the same.
  const paths = openApiDocument().paths as Record<string, Record<string, Operation>>
  let group = ''
  for (const [name, route] of listRoutes(contract)) {
    const operation = paths[route.path.replace(/:([A-Za-z]+)/g, '{$1}')]![route.method.toLowerCase()]!
    const query = operation.parameters.filter((p) => p.in === 'query')
    const querySchema: Json = {
      type: 'object',
      properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
      required: query.filter((p) => p.required).map((p) => p.name),
    }
    const body = operation.requestBody?.content['application/json'].schema
    const answer = operation.responses[String(route.status ?? 200)]?.content?.['application/json']?.schema
    const [section] = name.split('.')
    if (section !== group) {
      group = section!
      lines.push(`## ${group}`, '')
    }
    const errors = route.errors.map((code) => `\`${code}\` ${statusByCode[code]}`).join(', ')
    lines.push(
      `### \`${route.method} ${route.path}\``,
      '',
      `${route.summary} (${route.access === 'public' ? 'public' : 'staff'}; \`client.${name}\`; success ${route.status ?? 200}${route.produces ? `, ${route.produces.toUpperCase()}` : ''})`,
      '',
      ...(route.permission || route.deniedBy
        ? [
            `Rights: ${[route.permission && `needs \`${route.permission}\``, route.deniedBy && `refused to holders of \`${route.deniedBy}\``].filter(Boolean).join('; ')}.`,
            '',
          ]
        : []),
      ...(query.length > 0 ? ['Query:', '', '```ts', shapeOf(querySchema), '```', ''] : []),
      ...(body ? ['Request body:', '', '```ts', shapeOf(body), '```', ''] : []),
      ...(answer ? ['Response body:', '', '```ts', shapeOf(answer), '```', ''] : []),
      ...(errors ? [`Errors: ${errors}.`, ''] : []),
    )
  }
  return `${lines.join('\n').trimEnd()}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(referencePath, renderHttpApiReference())
  console.log(`wrote ${referencePath}`)
}
