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
