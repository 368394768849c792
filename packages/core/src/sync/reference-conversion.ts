/**
 * Converting local copies of external customers into references (Umstellung v1 → v2, S4 L16–L26). Each local copy
 * carries the external id it was exported from; the comparison is a drift check on that known link, not a search
 * (docs/decisions/0023#conversion).
 */
export interface LocalCopy {
  readonly personId: string
  readonly externalId: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string | null
}

/** The external record as the connector loads it now. */
export interface ExternalPerson {
  readonly externalId: string
  readonly firstName: string
  readonly lastName: string
  readonly email: string | null
}

/** What the conversion does with one local copy (REF-11). */
export type ConversionCase =
  /** a: names and e-mail still match: becomes a reference, the local personal data is removed. */
  | { readonly outcome: 'convert'; readonly personId: string; readonly externalId: string }
  /** b: something differs: still becomes a reference, with a warning naming the fields to check by hand. */
  | {
      readonly outcome: 'convert-with-warning'
      readonly personId: string
      readonly externalId: string
      readonly differs: readonly ('firstName' | 'lastName' | 'email')[]
    }
  /** c: the external record is gone: kept as a local person with all its data, and put on the GDPR review list. */
  | { readonly outcome: 'make-local'; readonly personId: string; readonly externalId: string }
  /** A local copy and an existing reference to the same external record: merged into the reference (REF-07). */
  | { readonly outcome: 'merge-into-reference'; readonly personId: string; readonly externalId: string; readonly referencePersonId: string }

/**
 * Text compared for the drift check: Unicode NFC, inner runs of space as one, trimmed; names compare exactly
 * otherwise (a changed capital is a change worth a look), e-mails without case. Two empty e-mails match.
 */
export function comparableName(value: string): string {
  return value.normalize('NFC').replace(/\s+/g, ' ').trim()
}

/** E-mails compare without case; empty and missing are the same. */
export function comparableEmail(value: string | null): string {
  return (value ?? '').normalize('NFC').trim().toLowerCase()
}

/** Classifies one local copy against the external record (undefined when it no longer exists). */
export function classifyConversion(
  copy: LocalCopy,
  external: ExternalPerson | undefined,
  existingReferencePersonId?: string,
): ConversionCase {
  const { personId, externalId } = copy
  if (external === undefined) return { outcome: 'make-local', personId, externalId }
  if (existingReferencePersonId !== undefined) {
    return { outcome: 'merge-into-reference', personId, externalId, referencePersonId: existingReferencePersonId }
  }
  const differs: ('firstName' | 'lastName' | 'email')[] = []
  if (comparableName(copy.firstName) !== comparableName(external.firstName)) differs.push('firstName')
  if (comparableName(copy.lastName) !== comparableName(external.lastName)) differs.push('lastName')
  if (comparableEmail(copy.email) !== comparableEmail(external.email)) differs.push('email')
  return differs.length === 0
    ? { outcome: 'convert', personId, externalId }
    : { outcome: 'convert-with-warning', personId, externalId, differs }
}

/**
 * The warning shown for a mismatch (REF-11b): it names the customer by the CRM's id — the report is kept with the
 * run, and the converted copy's own data must not outlive it there — and advises a manual check.
 */
export function conversionWarning(copy: LocalCopy, differs: readonly string[]): string {
  return `Customer ${copy.externalId}: ${differs.join(', ')} differ from the CRM. Compare both systems and correct the CRM record if needed.`
}
