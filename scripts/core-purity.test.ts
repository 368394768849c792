import { describe, expect, it } from 'vitest'
import { fileURLToPath } from 'node:url'
import { findImpureImports, findImpureImportsIn } from './core-purity'

describe('packages/core stays pure', () => {
  it('imports nothing but relative files, zod, ibantools and fast-xml-parser', () => {
    const coreSource = fileURLToPath(new URL('../packages/core/src', import.meta.url))
    expect(findImpureImports(coreSource)).toEqual([])
  })

  it.each([
    "import { readFileSync } from 'node:fs'",
    "import fs from 'fs'",
    "import type { Pool } from 'pg'",
    "export { createClient } from '@vereinskit/client'",
    "const m = await import('@electric-sql/pglite')",
    "const k = require('ky')",
    "import 'lit'",
  ])('catches %s', (line) => {
    expect(findImpureImportsIn('packages/core/src/x.ts', `// header\n${line}\n`)).toMatchObject([{ line: 2 }])
  })

  it('keeps domain modules from importing the contract, and lets the contract import them', () => {
    const line = "import { AmountSchema } from '../contract/scalars'\n"
    expect(findImpureImportsIn('packages/core/src/fees/fee-class.ts', line)).toMatchObject([{ line: 1, specifier: '../contract/scalars' }])
    expect(findImpureImportsIn('packages/core/src/index.ts', "export { contract } from './contract'\n")).toHaveLength(1)
    expect(findImpureImportsIn('packages/core/src/contract/ledger.ts', "import { planWriteOff } from '../ledger/write-off'\n")).toEqual([])
  })

  it('ignores package names in comments', () => {
    expect(findImpureImportsIn('packages/core/src/x.ts', "/**\n * @example import { x } from 'node:fs'\n */\n// import 'pg'\n")).toEqual([])
  })

  it('allows the pure dependencies, relative files, and test tools in tests only', () => {
    const source = "import * as z from 'zod'\nimport { isValidBIC } from 'ibantools'\nimport { a } from './a'\n"
    expect(findImpureImportsIn('packages/core/src/x.ts', source)).toEqual([])
    expect(findImpureImportsIn('packages/core/src/x.test.ts', "import { it } from 'vitest'")).toEqual([])
    expect(findImpureImportsIn('packages/core/src/x.ts', "import { it } from 'vitest'")).toHaveLength(1)
  })
})
