import { isSepaText } from './sepa-text'

/** Why a mandate reference was refused. */
export type MandateReferenceProblem = 'empty' | 'too-long' | 'invalid-character' | 'slash-position'

/**
 * Checks a mandate reference (Mandatsreferenz, `MndtId`): 1–35 characters from the SEPA set, no leading or
 * trailing `/` and no `//` (EPC implementation guide; the XSD cannot express this). See the SEPA rulebook.
 */
export function checkMandateReference(reference: string): MandateReferenceProblem | undefined {
  if (reference.length === 0) return 'empty'
  if (reference.length > 35) return 'too-long'
  if (!isSepaText(reference)) return 'invalid-character'
  if (reference.startsWith('/') || reference.endsWith('/') || reference.includes('//')) return 'slash-position'
  return undefined
}

/** True for a valid mandate reference. */
export function isValidMandateReference(reference: string): boolean {
  return checkMandateReference(reference) === undefined
}

/** Banks compare mandate references case-insensitively; this is the comparison key. */
export function mandateReferenceKey(reference: string): string {
  return reference.toUpperCase()
}

/**
 * Builds the reference we generate for a new mandate from the organisation's prefix and the membership number,
 * using only `[A-Z0-9-]` as the SEPA rulebook recommends: `("VK", 1042, 1)` → `VK-1042-1`.
 */
export function generateMandateReference(prefix: string, membershipNumber: number, sequence: number): string {
  const cleanPrefix = prefix.toUpperCase().replace(/[^A-Z0-9]/g, '')
  return `${cleanPrefix ? `${cleanPrefix}-` : ''}${membershipNumber}-${sequence}`
}

/**
 * The next reference for a payer's membership number: one more than the highest sequence among the references the
 * organisation has already given out for that number (`VK-1042-1`, `VK-1042-2` → `VK-1042-3`), so a deleted
 * mandate's reference is never given to another mandate while a later one exists.
 */
export function nextMandateReference(prefix: string, membershipNumber: number, taken: readonly string[]): string {
  const stem = generateMandateReference(prefix, membershipNumber, 0).slice(0, -1)
  const sequences = taken
    .filter((r) => mandateReferenceKey(r).startsWith(stem))
    .map((r) => Number(r.slice(stem.length)))
    .filter(Number.isInteger)
  return generateMandateReference(prefix, membershipNumber, Math.max(0, ...sequences) + 1)
}
