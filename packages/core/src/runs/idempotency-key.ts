/**
 * A deterministic key for a run plan: the same plan content always gives the same key, a changed plan a different
 * one. Two independent 53-bit hashes (cyrb53 with two seeds) over canonical JSON; not a security measure.
 */
export function idempotencyKeyOf(kind: string, content: unknown): string {
  const text = `${kind}|${canonicalJson(content)}`
  return `${kind}-${cyrb53(text, 1).toString(36)}${cyrb53(text, 7).toString(36)}`
}

/** JSON with object keys sorted and `undefined` members left out: equal content, equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

/**
 * Builds the same kind of key from many small parts without joining them into one large text first (a charge run
 * of 100,000 members hashes each charge as it goes). Equal parts in equal order give equal keys.
 */
export function createKeyHasher(kind: string): { add(part: string): void; key(): string } {
  let a1 = 0xdeadbeef ^ 1
  let a2 = 0x41c6ce57 ^ 1
  let b1 = 0xdeadbeef ^ 7
  let b2 = 0x41c6ce57 ^ 7
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i += 1) {
      const ch = text.charCodeAt(i)
      a1 = Math.imul(a1 ^ ch, 2654435761)
      a2 = Math.imul(a2 ^ ch, 1597334677)
      b1 = Math.imul(b1 ^ ch, 2654435761)
      b2 = Math.imul(b2 ^ ch, 1597334677)
    }
  }
  feed(`${kind}|`)
  return {
    add(part) {
      feed(part)
      feed('\u0001') // a separator no part contains: ["ab","c"] and ["a","bc"] differ
    },
    key: () => `${kind}-${finish(a1, a2).toString(36)}${finish(b1, b2).toString(36)}`,
  }
}

function finish(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

function cyrb53(text: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed
  let h2 = 0x41c6ce57 ^ seed
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}
