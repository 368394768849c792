import { VereinskitError } from '../errors/vereinskit-error'

/** Limits for reading XML we did not write. */
export interface XmlLimits {
  /** Characters of the file; default 64 MiB. */
  readonly maxLength?: number
  /** Element nesting; camt files need fewer than 20 levels, default 40. */
  readonly maxDepth?: number
}

export const defaultXmlLimits = { maxLength: 64 * 1024 * 1024, maxDepth: 40 } as const

/**
 * Checks XML we did not write without keeping anything: size, no `<!DOCTYPE` or `<!ENTITY` (no DTDs, no external
 * or expanding entities — the billion-laughs and XXE attacks), no processing instruction but the XML declaration,
 * nesting no deeper than `maxDepth`, and well-formedness. Throws the first problem with its code.
 */
export function assertSafeXml(xml: string, limits: XmlLimits = {}): void {
  readSafeXml(xml, { open() {}, text() {}, close() {} }, limits)
}

/** What the reader reports, in document order; names are local (namespace prefixes dropped). */
export interface XmlHandler {
  open(name: string, attributes: Readonly<Record<string, string>> | null): void
  /** The text of an element that has no child elements, trimmed (not called when empty). */
  text(value: string): void
  close(name: string): void
}

const namePattern = /^[A-Za-z_][\w.:-]*$/

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
}
const attributePattern = /([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g
const notWhitespace = /\S/

function notXml(xml: string, at: number, message: string): never {
  const line = xml.slice(0, at).split('\n').length
  throw new VereinskitError('BANK_FILE_NOT_XML', `The file is not well-formed XML: ${message} (line ${line}).`)
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

function decode(xml: string, raw: string, at: number): string {
  if (raw.indexOf('&') === -1) return raw
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (match, entity: string | undefined) => {
    if (entity === undefined) notXml(xml, at, 'a bare "&" (write &amp;)')
    if (entity === 'amp') return '&'
    if (entity === 'lt') return '<'
    if (entity === 'gt') return '>'
    if (entity === 'quot') return '"'
    if (entity === 'apos') return "'"
    if (entity.startsWith('#')) {
      const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10)
      if (code > 0 && code <= 0x10ffff) return String.fromCodePoint(code)
    }
    return notXml(xml, at, `the unknown entity "${match}"`)
  })
}

function attributesOf(xml: string, at: number, name: string, rest: string): Record<string, string> | null {
  let attributes: Record<string, string> | null = null
  let consumed = 0
  for (const match of rest.matchAll(attributePattern)) {
    if (notWhitespace.test(rest.slice(consumed, match.index))) notXml(xml, at, `a malformed attribute in <${name}>`)
    consumed = match.index + match[0].length
    const attribute = match[1]!
    if (attribute === 'xmlns' || attribute.startsWith('xmlns:')) continue
    attributes ??= {}
    attributes[localName(attribute)] = decode(xml, match[3] ?? match[4] ?? '', at)
  }
  if (notWhitespace.test(rest.slice(consumed))) notXml(xml, at, `a malformed attribute in <${name}>`)
  return attributes
}

/**
 * Reads XML we did not write, with the checks of `assertSafeXml` on the way, reporting elements and texts to `handler` without building a
 * tree (a 50 MB bank file has millions of elements). Checks well-formedness as it goes — matching end tags, one
 * root, quoted attributes, only the five predefined entities and character references — and refuses anything else
 * with `BANK_FILE_NOT_XML` and the line. Values stay strings: amounts are never read as numbers here. Our own
 * reader: the general parser we tried first took about 2 s for 5 MB and we need none of its features.
 */
export function readSafeXml(xml: string, handler: XmlHandler, limits: XmlLimits = {}): void {
  const source = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml
  const maxLength = limits.maxLength ?? defaultXmlLimits.maxLength
  const maxDepth = limits.maxDepth ?? defaultXmlLimits.maxDepth
  if (source.length > maxLength) {
    throw new VereinskitError('BANK_FILE_TOO_LARGE', `The file has ${source.length} characters; the limit is ${maxLength}.`)
  }
  const names: string[] = []
  let text = ''
  let leaf = false
  let roots = 0
  let i = 0
  const length = source.length
  while (i < length) {
    const lt = source.indexOf('<', i)
    const textEnd = lt === -1 ? length : lt
    if (textEnd > i) {
      // Slice only text that is not whitespace between elements (most gaps in a bank file are line breaks).
      let j = i
      if (text === '') while (j < textEnd && source.charCodeAt(j) <= 32) j += 1
      if (j < textEnd) {
        if (names.length === 0) notXml(source, i, 'text outside the root element')
        text += decode(source, source.slice(i, textEnd), i)
      }
    }
    if (lt === -1) break
    const next = source.charCodeAt(lt + 1)
    if (next === 47 /* / */) {
      const end = source.indexOf('>', lt)
      if (end === -1) notXml(source, lt, 'an unclosed end tag')
      let nameEnd = end
      while (nameEnd > lt + 2 && source.charCodeAt(nameEnd - 1) <= 32) nameEnd -= 1
      const name = names.pop()
      if (name === undefined || nameEnd - lt - 2 !== name.length || !source.startsWith(name, lt + 2)) {
        notXml(source, lt, `</${source.slice(lt + 2, end).trim()}> does not close <${name ?? ''}>`)
      }
      if (leaf && text !== '') {
        const value = text.trim()
        if (value !== '') handler.text(value)
      }
      handler.close(localName(name))
      text = ''
      leaf = false
      i = end + 1
    } else if (next === 63 /* ? */) {
      // Only the XML declaration, and only at the very start.
      if (lt !== source.search(/\S/) || !/^<\?xml[\s?]/.test(source.slice(lt, lt + 6))) {
        notXml(source, lt, 'a processing instruction (only the XML declaration may stand, at the start)')
      }
      const end = source.indexOf('?>', lt)
      if (end === -1) notXml(source, lt, 'an unclosed declaration')
      i = end + 2
    } else if (next === 33 /* ! */) {
      if (source.startsWith('<!--', lt)) {
        const end = source.indexOf('-->', lt + 4)
        if (end === -1) notXml(source, lt, 'an unclosed comment')
        i = end + 3
      } else if (source.startsWith('<![CDATA[', lt)) {
        const end = source.indexOf(']]>', lt + 9)
        if (end === -1) notXml(source, lt, 'an unclosed CDATA section')
        if (names.length === 0) notXml(source, lt, 'CDATA outside the root element')
        text += source.slice(lt + 9, end)
        i = end + 3
      } else {
        // No DTD, no entity declarations: the billion-laughs and external-entity attacks have nothing to work with.
        throw new VereinskitError(
          'BANK_FILE_DTD_REFUSED',
          `Refused "${source.slice(lt, lt + 12)}…": bank files never declare a DTD or entities.`,
        )
      }
    } else {
      const end = source.indexOf('>', lt)
      if (end === -1) notXml(source, lt, 'an unclosed tag')
      const selfClosing = source.charCodeAt(end - 1) === 47
      const innerEnd = selfClosing ? end - 1 : end
      let nameEnd = lt + 1
      while (nameEnd < innerEnd && source.charCodeAt(nameEnd) > 32) nameEnd += 1
      const name = source.slice(lt + 1, nameEnd)
      if (!isNameStart(source.charCodeAt(lt + 1)) || (name.length > 1 && !namePattern.test(name)))
        notXml(source, lt, `the element name "${name}"`)
      if (names.length === 0 && roots++ > 0) notXml(source, lt, 'a second root element')
      const attributes = nameEnd < innerEnd ? attributesOf(source, lt, name, source.slice(nameEnd, innerEnd)) : null
      const local = localName(name)
      handler.open(local, attributes)
      text = ''
      if (selfClosing) {
        handler.close(local)
        leaf = false
      } else {
        names.push(name)
        if (names.length > maxDepth) throw new VereinskitError('BANK_FILE_TOO_DEEP', `Elements nest deeper than ${maxDepth} levels.`)
        leaf = true
      }
      i = end + 1
    }
  }
  if (names.length > 0) notXml(source, length, `<${names[names.length - 1]}> is not closed`)
  if (roots === 0) notXml(source, 0, 'no root element')
}

/**
 * The namespace of the root element (namespace prefixes are dropped while parsing, and with them the `xmlns`
 * attributes): read from the root start tag, for its own prefix.
 */
export function rootNamespace(xml: string): string | null {
  const root = /<(?![?!])((?:[\w.-]+:)?)([\w.-]+)([^>]*)>/.exec(xml)
  if (!root) return null
  const prefix = root[1] ? `:${root[1].slice(0, -1)}` : ''
  const declaration = new RegExp(`xmlns${prefix.replace(/[.-]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(root[3] ?? '')
  return declaration ? (declaration[2] ?? declaration[3] ?? null) : null
}
