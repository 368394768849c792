// Runs under `node --import tsx` (see the root test script) so it can mount the TypeScript server in-process.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromeLauncher } from '@web/test-runner-chrome'
import { esbuildPlugin } from '@web/dev-server-esbuild'
import { defaultReporter } from '@web/test-runner'
import { createApiMiddleware } from './test/api-middleware.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Writes pass/fail/skip totals for the repository's test summary. */
function countingReporter(outputFile) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 }
      const walk = (suite) => {
        for (const test of suite?.tests ?? []) {
          if (test.skipped) totals.skipped += 1
          else if (test.passed) totals.passed += 1
          else totals.failed += 1
        }
        for (const child of suite?.suites ?? []) walk(child)
      }
      for (const session of sessions) {
        walk(session.testResults)
        if (!session.passed && (session.errors?.length ?? 0) > 0) totals.failed += 1
      }
      if (outputFile) writeFileSync(outputFile, JSON.stringify(totals))
    },
  }
}

export default {
  rootDir: fileURLToPath(new URL('../..', import.meta.url)),
  groups: [
    { name: 'iban-input', files: `${here}src/components/iban-input/*.test.ts` },
    { name: 'membership-application', files: `${here}src/components/membership-application/*.test.ts` },
    { name: 'appointment-booking', files: `${here}src/components/appointment-booking/*.test.ts` },
    { name: 'form-controls', files: `${here}src/components/form-controls.test.ts` },
  ],
  nodeResolve: { exportConditions: ['vereinskit:source', 'browser', 'development'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: `${here}tsconfig.json` })],
  middleware: [await createApiMiddleware()],
  reporters: [defaultReporter(), countingReporter(process.env.VK_WTR_JSON)],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
}
