import { VereinskitError } from '@vereinskit/core'
import { defaultTemplates, renderLetter, type LetterKind, type LetterTemplate } from '@vereinskit/core/correspondence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { DocumentRecord } from './document-store'
import { letterPdf } from './letter-pdf'

/**
 * The template a letter of `kind` uses: the one named (a dunning level's), else the club's replacement of the
 * default, else the built-in one. Null when the club's replacement is marked invalid: no letters of that kind
 * (handbook §6.12: an exclusion run without a valid template writes none).
 */
export async function templateFor(
  storage: OrganisationStorage,
  kind: LetterKind,
  templateId: string | null,
): Promise<LetterTemplate | null> {
  if (templateId !== null) {
    const named = await storage.letterTemplates.get(templateId)
    if (!named) throw new VereinskitError('TEMPLATE_NOT_FOUND', `Template ${templateId} does not exist.`)
    return named.valid ? named : null
  }
  const own = await storage.letterTemplates.defaultFor(kind)
  if (own) return own.valid ? own : null
  return defaultTemplates[kind]
}

/** The PDF of a document: rendered from its template and data the first time, stored, and read back afterwards. */
export async function documentPdf(storage: OrganisationStorage, document: DocumentRecord): Promise<Uint8Array> {
  if (document.contentKey) {
    const stored = await storage.documentContents.get(document.contentKey)
    if (stored) return stored
  }
  const textBlocks = await storage.letterTemplates.listTextBlocks()
  const bytes = await letterPdf(renderLetter(document.template, document.data, textBlocks))
  // Rendering is deterministic from the stored template and data, so two instances rendering at once write the same.
  const key = `document-${document.id}.pdf`
  await storage.documentContents.put(key, bytes)
  await storage.documents.setContent(document.id, key, bytes.length)
  return bytes
}
