/**
 * The DK/SEPA basic character set: letters, digits, space and `/ ? : ( ) . , ' + -`. See spec/sepa.md §3.8.
 */
const basicCharset = /^[A-Za-z0-9/?:().,'+\- ]*$/

const replacements: Readonly<Record<string, string>> = {
  Ä: 'AE',
  Ö: 'OE',
  Ü: 'UE',
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  ẞ: 'SS',
  Æ: 'AE',
  æ: 'ae',
  Ø: 'OE',
  ø: 'oe',
  Œ: 'OE',
  œ: 'oe',
  Å: 'AA',
  å: 'aa',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  '&': '+',
  _: '-',
  '"': "'",
  '`': "'",
  '’': "'",
  '‘': "'",
  '–': '-',
  '—': '-',
}

/** True if every character of `text` is in the SEPA basic character set. */
export function isSepaText(text: string): boolean {
  return basicCharset.test(text)
}

/**
 * Transliterates to the SEPA basic character set: umlauts become AE/OE/UE, ß becomes ss, other accents are dropped
 * (`é` → `e`). Characters with no sensible replacement are returned in `rejected` so the caller can refuse them.
 */
export function transliterateToSepa(text: string): { text: string; rejected: string[] } {
  const rejected: string[] = []
  let out = ''
  for (const ch of text) {
    const mapped = replacements[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '')
    if (isSepaText(mapped)) out += mapped
    else rejected.push(ch)
  }
  return { text: out, rejected }
}
