/**
 * LIKE patterns, the one pattern language of the search (docs/decisions/0000#d19): `%` matches any run of
 * characters (also none), `_` exactly one, `\` makes the next character literal. No other character is special, so
 * user input can never carry SQL, regular-expression or other syntax. The database evaluates the same patterns
 * with `LIKE … ESCAPE '\'`; `likeMatches` is the in-memory twin, on whole Unicode characters as PostgreSQL does.
 */

type Token = { kind: 'literal'; char: string } | { kind: 'one' } | { kind: 'any' }

function tokens(pattern: string): Token[] {
  const chars = Array.from(pattern)
  const out: Token[] = []
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!
    if (c === '\\') {
      // A trailing backslash is literal (PostgreSQL refuses it; our patterns never end in one, see escapeLike).
      out.push({ kind: 'literal', char: chars[i + 1] ?? '\\' })
      i++
    } else if (c === '%') {
      if (out.at(-1)?.kind !== 'any') out.push({ kind: 'any' })
    } else if (c === '_') out.push({ kind: 'one' })
    else out.push({ kind: 'literal', char: c })
  }
  return out
}

/** Whether the whole `value` matches the LIKE `pattern` (case-sensitive: fold both first). */
export function likeMatches(value: string, pattern: string): boolean {
  const text = Array.from(value)
  const parts = tokens(pattern)
  // Classic wildcard matching with one backtrack point per `%`: linear in practice, O(n·m) at worst.
  let t = 0
  let p = 0
  let star = -1
  let mark = 0
  while (t < text.length) {
    const token = parts[p]
    if (token && (token.kind === 'one' || (token.kind === 'literal' && token.char === text[t]))) {
      t++
      p++
    } else if (token?.kind === 'any') {
      star = p++
      mark = t
    } else if (star >= 0) {
      p = star + 1
      t = ++mark
    } else return false
  }
  while (parts[p]?.kind === 'any') p++
  return p === parts.length
}

/** Text made literal inside a LIKE pattern: `\`, `%` and `_` are escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/** Text made literal except `%` and `_`, which stay wildcards (only `\` is escaped). */
export function escapeLikeKeepingWildcards(text: string): string {
  return text.replace(/\\/g, '\\\\')
}
