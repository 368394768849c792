/**
 * Search folding (docs/decisions/0000#d20): comparisons ignore case and diacritics, so `Müller` = `muller`. `ß`
 * stays one character (so `_` matches it), and its `ss` spelling is the second way a value can match
 * (see `foldTextSs`). The same table is compiled into the database function `vk_fold` (see `foldingSqlFunction`),
 * so the in-memory search and the indexed one agree character by character.
 *
 * The table maps every letter of ASCII, Latin-1, Latin Extended-A/-B and Latin Extended Additional, Greek and
 * Cyrillic to its lower-case form without diacritics (Unicode canonical decomposition, marks dropped), plus the
 * stroked letters that do not decompose (ø, ł, đ, ħ → o, l, d, h). Combining marks are dropped; every other
 * character is kept as it is.
 */

const ranges: ReadonlyArray<readonly [number, number]> = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x4ff],
  [0x1e00, 0x1eff],
]
const stroked: Record<string, string> = { ø: 'o', Ø: 'o', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ħ: 'h', Ħ: 'h' }
/** Combining diacritical marks (U+0300–U+036F): dropped. */
const combiningMarks = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i)).join('')

function buildTable(): Map<string, string> {
  const table = new Map<string, string>()
  for (const [from, to] of ranges) {
    for (let code = from; code <= to; code++) {
      const char = String.fromCharCode(code)
      const decomposed = char
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
      const folded = stroked[char] ?? stroked[decomposed] ?? decomposed
      // Only one-to-one mappings: the database's translate() maps one character to one character.
      if (folded.length === 1 && folded !== char && !(folded.charCodeAt(0) >= 0xd800 && folded.charCodeAt(0) <= 0xdfff)) {
        table.set(char, folded)
      }
    }
  }
  for (const [char, folded] of Object.entries(stroked)) table.set(char, folded)
  return table
}

const table = buildTable()

/** Folds text for search comparison: lower case, no diacritics, `ß` kept. */
export function foldText(text: string): string {
  let out = ''
  for (const char of text) {
    const code = char.codePointAt(0)!
    if (code >= 0x300 && code <= 0x36f) continue
    out += table.get(char) ?? char
  }
  return out
}

/** The second spelling a value matches in: folded, with `ß` written `ss` (`Straße` → `strasse`). */
export function foldTextSs(text: string): string {
  return foldText(text).replaceAll('ß', 'ss')
}

/** The digits of a text, for the phone search (docs/decisions/0000#d21). */
export function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '')
}

/** The folding table as the two argument strings of PostgreSQL's `translate(value, from, to)`; marks go last (deleted). */
export function foldingTable(): { from: string; to: string } {
  const entries = [...table.entries()]
  return { from: entries.map(([k]) => k).join('') + combiningMarks, to: entries.map(([, v]) => v).join('') }
}

/** SQL string literal. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/** Letters of names and streets in Western and Central Europe: values made of these and ASCII take a short table. */
const commonLetters = 'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöøùúûüýÿẞŁłŚśŻżŹźĆćŃńĘęĄąŠšŽžČčŘřĚěŮůŐőŰű'

/**
 * The database side of the folding: `vk_fold(text)`, `vk_fold_ss(text)` and `vk_digits(text)` as immutable SQL
 * functions (usable in expression indexes). `translate` looks every character up in its table, so values take the
 * shortest table that covers them: A–Z for pure ASCII, ASCII plus the common European letters next, the whole
 * table last. All three give the same result as `foldText`.
 */
export function foldingSqlFunction(): string {
  const { from, to } = foldingTable()
  const ascii = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  const common = [...commonLetters].filter((c) => table.has(c))
  const shortFrom = ascii + common.join('')
  const shortTo = ascii.toLowerCase() + common.map((c) => table.get(c)!).join('')
  return [
    `CREATE OR REPLACE FUNCTION vk_fold(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fold$`,
    `  SELECT CASE WHEN value ~ '^[\\x01-\\x7f]*$' THEN translate(value, ${literal(ascii)}, ${literal(ascii.toLowerCase())})`,
    `  WHEN value ~ '^[\\x01-\\x7f${common.join('')}ß]*$' THEN translate(value, ${literal(shortFrom)}, ${literal(shortTo)})`,
    `  ELSE translate(value, ${literal(from)}, ${literal(to)}) END`,
    `$fold$;`,
    `CREATE OR REPLACE FUNCTION vk_fold_ss(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fold$`,
    `  SELECT replace(public.vk_fold(value), 'ß', 'ss')`,
    `$fold$;`,
    `CREATE OR REPLACE FUNCTION vk_digits(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fold$`,
    `  SELECT regexp_replace(value, '[^0-9]', '', 'g')`,
    `$fold$;`,
  ].join('\n')
}
