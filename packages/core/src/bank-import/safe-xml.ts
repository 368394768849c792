import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { VereinskitError } from '../errors/vereinskit-error'

/** Limits for reading XML we did not write. */
export interface XmlLimits {
  /** Characters of the file; default 64 MiB. */
  readonly maxLength?: number
  /** Element nesting; camt files need fewer than 20 levels, default 40. */
  readonly maxDepth?: number
}

export const defaultXmlLimits = { maxLength: 64 * 1024 * 1024, maxDepth: 40 } as const

/** A parsed element: child elements by local name (arrays for repeatable ones), `#text`, attributes with `@`. */
export type XmlNode = { readonly [name: string]: unknown }

/**
 * Checks what a parser must never see before parsing: size; any `<!DOCTYPE` or `<!ENTITY` (no DTDs, no external or
 * expanding entities — the billion-laughs and XXE attacks); processing instructions other than the XML
 * declaration; nesting deeper than `maxDepth`. One pass over the text, no recursion.
 */
export function assertSafeXml(xml: string, limits: XmlLimits = {}): void {
  const maxLength = limits.maxLength ?? defaultXmlLimits.maxLength
  const maxDepth = limits.maxDepth ?? defaultXmlLimits.maxDepth
  if (xml.length > maxLength) {
    throw new VereinskitError('BANK_FILE_TOO_LARGE', `The file has ${xml.length} characters; the limit is ${maxLength}.`)
  }
  let depth = 0
  let i = xml.indexOf('<')
  while (i !== -1) {
    const next = xml.charCodeAt(i + 1)
    if (next === 33 /* ! */) {
      if (xml.startsWith('<!--', i)) {
        const end = xml.indexOf('-->', i + 4)
        if (end === -1) throw new VereinskitError('BANK_FILE_NOT_XML', 'A comment is not closed.')
        i = xml.indexOf('<', end + 3)
        continue
      }
      if (xml.startsWith('<![CDATA[', i)) {
        const end = xml.indexOf(']]>', i + 9)
        if (end === -1) throw new VereinskitError('BANK_FILE_NOT_XML', 'A CDATA section is not closed.')
        i = xml.indexOf('<', end + 3)
        continue
      }
      throw new VereinskitError('BANK_FILE_DTD_REFUSED', `Refused "${xml.slice(i, i + 12)}…": bank files never declare a DTD or entities.`)
    }
    if (next === 63 /* ? */) {
      if (!(i === xml.search(/\S/) && /^<\?xml[\s?]/.test(xml.slice(i, i + 6)))) {
        throw new VereinskitError('BANK_FILE_NOT_XML', 'Only the XML declaration may be a processing instruction, at the start of the file.')
      }
    } else if (next === 47 /* / */) {
      depth -= 1
    } else {
      const close = xml.indexOf('>', i)
      if (close === -1) throw new VereinskitError('BANK_FILE_NOT_XML', 'A tag is not closed.')
      if (xml.charCodeAt(close - 1) !== 47) {
        depth += 1
        if (depth > maxDepth) throw new VereinskitError('BANK_FILE_TOO_DEEP', `Elements nest deeper than ${maxDepth} levels.`)
      }
    }
    i = xml.indexOf('<', i + 1)
  }
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  // Every element is an array: repeated elements (Ntry, TxDtls, Ustrd) and single ones read the same way.
  isArray: (_name, _path, _isLeafNode, isAttribute) => !isAttribute,
})

/**
 * Parses XML we did not write, after `assertSafeXml`: well-formedness is checked first (a clear
 * `BANK_FILE_NOT_XML` with the line), values stay strings (amounts are never read as numbers), namespace prefixes
 * are dropped. Returns the root elements by name.
 */
export function parseSafeXml(xml: string, limits: XmlLimits = {}): XmlNode {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml
  assertSafeXml(text, limits)
  const valid = XMLValidator.validate(text)
  if (valid !== true) {
    throw new VereinskitError('BANK_FILE_NOT_XML', `The file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}).`)
  }
  return parser.parse(text) as XmlNode
}

/** The child elements called `name` (always an array). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name]
  return Array.isArray(value) ? (value as XmlNode[]) : []
}

/** The first child element called `name`. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0]
}

/** The text of an element reached by a path of names, or null. */
export function textAt(node: XmlNode | undefined, ...path: string[]): string | null {
  let current: XmlNode | undefined = node
  for (const name of path) current = child(current, name)
  if (current === undefined) return null
  if (typeof current === 'string') return current
  const text = (current as XmlNode)['#text']
  return typeof text === 'string' ? text : null
}

/** An attribute of an element. */
export function attribute(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@${name}`]
  return typeof value === 'string' ? value : null
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
