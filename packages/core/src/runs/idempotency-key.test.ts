import { describe, expect } from 'vitest'
import { test } from '@fast-check/vitest'
import fc from 'fast-check'
import { createKeyHasher } from './idempotency-key'

const keyOf = (parts: string[]) => {
  const hasher = createKeyHasher('run')
  for (const part of parts) hasher.add(part)
  return hasher.key()
}

describe('keys hashed part by part', () => {
  test.prop([fc.array(fc.string())])('equal parts in equal order give equal keys', (parts) => {
    expect(keyOf(parts)).toBe(keyOf([...parts]))
    expect(keyOf(parts)).toMatch(/^run-[0-9a-z]+$/)
  })
  test.prop([fc.string({ minLength: 2 }), fc.nat()])('how the text is split into parts changes the key', (text, at) => {
    const cut = 1 + (at % (text.length - 1))
    expect(keyOf([text.slice(0, cut), text.slice(cut)])).not.toBe(keyOf([text]))
  })
})
