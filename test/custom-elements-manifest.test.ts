import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const elements = fileURLToPath(new URL('../packages/elements/', import.meta.url))

interface Declaration {
  tagName?: string
  cssProperties?: { name: string }[]
  cssParts?: { name: string }[]
  cssStates?: { name: string }[]
  events?: { name: string }[]
}
const manifestAt = (dir: string) =>
  JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: Declaration[] }[] }
const elementsOf = (manifest: ReturnType<typeof manifestAt>) =>
  manifest.modules.flatMap((m) => m.declarations ?? []).filter((d): d is Declaration & { tagName: string } => Boolean(d.tagName))

/** Each element's documented API: tag, attributes, properties, events, parts, states, tokens, slots. */
function elementApi(manifest: ReturnType<typeof manifestAt>) {
  return elementsOf(manifest)
    .map((d) => {
      const { tagName, ...rest } = d as Declaration & { tagName: string } & Record<string, unknown>
      const pick = (key: string) => rest[key] ?? []
      return {
        tagName,
        attributes: pick('attributes'),
        members: pick('members'),
        events: pick('events'),
        cssParts: pick('cssParts'),
        cssStates: pick('cssStates'),
        cssProperties: pick('cssProperties'),
        slots: pick('slots'),
      }
    })
    .sort((a, b) => a.tagName.localeCompare(b.tagName))
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : []
  })
}

describe('custom-elements.json', () => {
  const committed = manifestAt(elements)

  it('is what the analyzer makes of the sources today (run `npm run analyze -w @vereinskit/elements`)', () => {
    // Run exactly as `npm run analyze` does (the analyzer's output depends on its out dir), then put the
    // committed file back whatever happened.
    const file = join(elements, 'custom-elements.json')
    const before = readFileSync(file, 'utf8')
    let fresh: string
    try {
      execFileSync(
        process.execPath,
        [
          join(elements, '../../node_modules/@custom-elements-manifest/analyzer/cem.js'),
          'analyze',
          '--litelement',
          '--globs',
          'src/components/**/*.ts',
          'src/base/*.ts',
          '--exclude',
          'src/**/*.test.ts',
          '--outdir',
          '.',
        ],
        { cwd: elements, stdio: 'ignore' },
      )
      fresh = readFileSync(file, 'utf8')
    } finally {
      writeFileSync(file, before)
    }
    // Compared by what consumers read — each element's API — since the analyzer is not stable about modules that
    // declare no element (it lists the styles module in some runs and not in others).
    expect(elementApi(JSON.parse(fresh) as ReturnType<typeof manifestAt>)).toEqual(elementApi(committed))
  }, 60_000)

  it('documents every element with its parts, states and events', () => {
    const byTag = Object.fromEntries(elementsOf(committed).map((d) => [d.tagName, d]))
    expect(Object.keys(byTag).sort()).toEqual(['vk-appointment-booking', 'vk-iban-input', 'vk-membership-application'])
    expect(byTag['vk-iban-input']!.cssStates?.map((s) => s.name).sort()).toEqual(['user-invalid', 'valid'])
    expect(byTag['vk-iban-input']!.cssParts?.map((p) => p.name)).toEqual(expect.arrayContaining(['label', 'input', 'hint', 'error']))
    expect(byTag['vk-membership-application']!.events?.map((e) => e.name)).toEqual(
      expect.arrayContaining(['vk-application-submit', 'vk-application-success', 'vk-application-error']),
    )
    // The analyzer adds a nameless entry for each `dispatchEvent(new …Event())` it cannot resolve; the named ones count.
    expect(
      byTag['vk-appointment-booking']!.events?.map((e) => e.name)
        .filter(Boolean)
        .sort(),
    ).toEqual(['vk-booking-confirm', 'vk-booking-error', 'vk-booking-slot-select', 'vk-booking-success'])
    expect(byTag['vk-appointment-booking']!.cssParts?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['slot', 'week', 'list', 'add-to-calendar', 'confirmation']),
    )
  })

  it('documents every theming token the styles use, global and per component', () => {
    const code = sources(join(elements, 'src'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n')
    const used = new Set(code.match(/--vk-[a-z0-9-]+/g))
    // The internal layer `--vk-x: var(--vk-theme-x, …)` is documented by its global token.
    const derived = new Set([...code.matchAll(/(--vk-[a-z0-9-]+):\s*var\(--vk-theme-/g)].map((m) => m[1]))
    const documented = new Set(elementsOf(committed).flatMap((d) => (d.cssProperties ?? []).map((p) => p.name)))
    const missing = [...used].filter((name) => !derived.has(name) && !documented.has(name))
    expect(missing).toEqual([])
  })
})
