// Standalone ES modules: one file per component with lit, the client, core and zod inside, so a CMS page needs
// nothing but <script type="module" src="…/membership-application.js">. `npm run build` writes them to
// dist/standalone/; the demo and the browser tests serve them from memory.
import { build } from 'esbuild'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

/** The components published as standalone modules (the file names under `src/define/`). */
export const standaloneComponents = ['membership-application', 'appointment-booking', 'iban-input'] as const

/** Bundles one browser entry point with everything it imports into a minified ES module (the text). */
export async function bundleBrowserModule(entryPoint: string): Promise<string> {
  const result = await build({
    entryPoints: [entryPoint],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    conditions: ['vereinskit:source', 'browser'],
    tsconfig: `${here}tsconfig.build.json`,
    legalComments: 'none',
    logLevel: 'silent',
  })
  // A lost export only warns and yields a smaller, broken bundle: refuse it.
  if (result.warnings.length > 0) throw new Error(`Bundling ${entryPoint} warned:\n${result.warnings.map((w) => w.text).join('\n')}`)
  return result.outputFiles[0]!.text
}

/** Bundles each component's define module into one self-contained, minified ES module. */
export async function buildStandalone(): Promise<Record<string, string>> {
  const modules: Record<string, string> = {}
  for (const name of standaloneComponents) modules[name] = await bundleBrowserModule(`${here}src/define/${name}.ts`)
  return modules
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  mkdirSync(`${here}dist/standalone`, { recursive: true })
  for (const [name, code] of Object.entries(await buildStandalone())) writeFileSync(`${here}dist/standalone/${name}.js`, code)
  console.log(`standalone modules in ${here}dist/standalone`)
}
