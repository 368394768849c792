import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { contract, listRoutes } from '@vereinskit/core/contract'
import { statusByCode } from '@vereinskit/server-adapter'

/** Where the generated reference lives. */
export const referencePath = fileURLToPath(new URL('../docs/reference/http-api.md', import.meta.url))

/** The HTTP reference as Markdown, generated from the contract so it cannot drift from the routes. */
export function renderHttpApiReference(): string {
  const lines = [
    '# HTTP API reference',
    '',
    'Generated from `@vereinskit/core/contract` by `npm run docs:api`; do not edit by hand. Staff routes need',
    '`Authorization: Bearer vk_…` for the organisation in the path. Errors are RFC 9457 `application/problem+json`',
    'with a stable `code`; every route may also answer `VALIDATION_FAILED` (422) and `INTERNAL` (500).',
    '',
  ]
  let group = ''
  for (const [name, route] of listRoutes(contract)) {
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
      ...(errors ? [`Errors: ${errors}.`, ''] : []),
    )
  }
  return `${lines.join('\n').trimEnd()}\n`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(referencePath, renderHttpApiReference())
  console.log(`wrote ${referencePath}`)
}
