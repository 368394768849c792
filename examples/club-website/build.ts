import { bundleBrowserModule } from '../../packages/elements/build-standalone'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

/** One page script, bundled, with its weight. */
export interface PageBundle {
  readonly code: string
  readonly minifiedBytes: number
  readonly gzippedBytes: number
}

async function bundle(entry: string): Promise<PageBundle> {
  const code = await bundleBrowserModule(`${here}src/${entry}`)
  return { code, minifiedBytes: Buffer.byteLength(code), gzippedBytes: gzipSync(code).length }
}

/**
 * Bundles the two page scripts the way a club site would, each with what it imports (web component, client, core,
 * lit): the membership page's and the appointment page's.
 */
export async function buildClubWebsite(): Promise<{ membership: PageBundle; booking: PageBundle }> {
  return { membership: await bundle('main.ts'), booking: await bundle('booking.ts') }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [page, { minifiedBytes, gzippedBytes }] of Object.entries(await buildClubWebsite())) {
    console.log(
      `club-website ${page} page: ${(minifiedBytes / 1024).toFixed(1)} KiB minified, ${(gzippedBytes / 1024).toFixed(1)} KiB min+gz`,
    )
  }
}
