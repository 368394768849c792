import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Bare imports core may use at run time: pure libraries without I/O (see shared/style.md, adjustments). */
export const allowedCoreImports = ['zod', 'ibantools', 'fast-xml-parser'] as const
/** Extra imports allowed in core's own test files. */
export const allowedCoreTestImports = ['vitest', 'fast-check', '@fast-check/vitest'] as const

/** One import that breaks core's purity. */
export interface ImpureImport {
  readonly file: string
  readonly line: number
  readonly specifier: string
}

const importPattern =
  /(?:\bimport\s+(?:type\s+)?(?:[^'"]*?\sfrom\s+)?|\bexport\s+(?:type\s+)?[^'"]*?\sfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g

/** Finds every import in `source` whose module is neither relative nor allowed. */
export function findImpureImportsIn(file: string, source: string): ImpureImport[] {
  const isTest = /\.test(-d)?\.ts$/.test(file)
  const allowed = new Set<string>([...allowedCoreImports, ...(isTest ? allowedCoreTestImports : [])])
  const found: ImpureImport[] = []
  const code = withoutComments(source)
  for (const match of code.matchAll(importPattern)) {
    const specifier = match[1]!
    if (specifier.startsWith('.')) {
      // Inside core one direction holds too: the contract imports domain modules, never the reverse.
      if (importsContract(file, specifier)) found.push({ file, line: code.slice(0, match.index).split('\n').length, specifier })
      continue
    }
    const packageName = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!
    if (allowed.has(packageName)) continue
    found.push({ file, line: code.slice(0, match.index).split('\n').length, specifier })
  }
  return found
}

function importsContract(file: string, specifier: string): boolean {
  const inContract = /(^|\/)src\/contract\//.test(file.replaceAll('\\', '/'))
  return !inContract && /(^|\/)contract(\/|$)/.test(specifier)
}

// Blanks out comments (doc examples mention package names) but keeps line breaks so line numbers stay right.
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"])\/\/.*$/gm, '$1')
}

/** Scans every `.ts` file under `directory`. */
export function findImpureImports(directory: string): ImpureImport[] {
  const found: ImpureImport[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (path.endsWith('.ts')) found.push(...findImpureImportsIn(relative(process.cwd(), path), readFileSync(path, 'utf8')))
    }
  }
  walk(directory)
  return found
}
