import { bundleBrowserModule } from '../../packages/elements/build-standalone'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

/** Bundles the page script (the web components with client, core, lit and zod) the way a club site would. */
export async function buildClubWebsite(): Promise<{ code: string; minifiedBytes: number; gzippedBytes: number }> {
  const code = await bundleBrowserModule(`${here}src/main.ts`)
  return { code, minifiedBytes: Buffer.byteLength(code), gzippedBytes: gzipSync(code).length }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { minifiedBytes, gzippedBytes } = await buildClubWebsite()
  console.log(`club-website bundle: ${(minifiedBytes / 1024).toFixed(1)} KiB minified, ${(gzippedBytes / 1024).toFixed(1)} KiB min+gz`)
}
