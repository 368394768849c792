import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { referencePath, renderHttpApiReference } from './http-api-reference'

describe('docs/reference/http-api.md', () => {
  it('matches the contract (run `npm run docs:api` after changing routes)', () => {
    expect(readFileSync(referencePath, 'utf8')).toBe(renderHttpApiReference())
  })
})
