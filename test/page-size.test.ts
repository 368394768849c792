import { describe, expect, it } from 'vitest'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { bundleBrowserModule } from '../packages/elements/build-standalone'

/**
 * What a club website downloads for each embeddable page, minified and gzipped, with everything it imports (lit,
 * the client, core). The application form page has a budget of 25 KiB, the appointment booking page 30 KiB:
 * schemas stay on the server (docs/decisions/0014). A component that grows past its budget fails here, with its
 * size in the message.
 */
const budgets = { 'membership-application': 25, 'appointment-booking': 30, 'iban-input': 17 } as const

describe('page weight', () => {
  it.each(Object.entries(budgets))(
    '%s stays within %i KiB min+gz',
    async (name, budget) => {
      const entry = fileURLToPath(new URL(`../packages/elements/src/define/${name}.ts`, import.meta.url))
      const code = await bundleBrowserModule(entry)
      const kib = gzipSync(code, { level: 9 }).length / 1024
      expect(kib, `${name}: ${kib.toFixed(1)} KiB min+gz, budget ${budget} KiB`).toBeLessThanOrEqual(budget)
      // No schema library and no HTTP library in the page: the form validates with plain functions.
      expect(code).not.toMatch(/ZodError|\$ZodType/)
    },
    60_000,
  )
})
