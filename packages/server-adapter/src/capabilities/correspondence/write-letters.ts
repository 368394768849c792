import type { CalendarDate } from '@vereinskit/core'
import { letterChannel, type LetterData, type LetterKind, type LetterTemplate } from '@vereinskit/core/correspondence'
import type { OrganisationStorage } from '../../storage/organisation-storage'
import type { DocumentChannel } from './document-store'
import { templateFor } from './render-document'

/** A letter a run (or staff) writes to a member. */
export interface LetterToWrite {
  readonly membershipId: string
  readonly kind: LetterKind
  /** A particular template (a dunning level's); null for the kind's default. */
  readonly templateId: string | null
  readonly title: string
  readonly createdOn: CalendarDate
  /** `email` needs `email`; without an address the letter is printed. */
  readonly channel: DocumentChannel
  readonly email: string | null
  readonly runId: string | null
  readonly data: LetterData
}

/**
 * Writes letters into the members' documents inside the caller's transaction and queues the e-mail of each letter
 * whose member prefers e-mail. Content is fixed now (template and data are stored with the document); the PDF is
 * rendered outside the transaction by whoever needs it first. Letters whose template is switched off (not valid)
 * are not written. Answers the document id per letter, or null.
 * @see docs/decisions/0017-letters-and-mail.md
 */
export async function writeLetters(tx: OrganisationStorage, letters: readonly LetterToWrite[], now: Date): Promise<(string | null)[]> {
  const templates = new Map<string, LetterTemplate | null>()
  const resolve = async (kind: LetterKind, templateId: string | null) => {
    const key = `${kind}:${templateId ?? ''}`
    if (!templates.has(key)) templates.set(key, await templateFor(tx, kind, templateId))
    return templates.get(key)!
  }
  const written: { index: number; letter: LetterToWrite; template: LetterTemplate; channel: DocumentChannel }[] = []
  for (const [index, letter] of letters.entries()) {
    const template = await resolve(letter.kind, letter.templateId)
    if (!template) continue
    written.push({ index, letter, template, channel: letterChannel(letter.channel, letter.email) })
  }
  const ids = await tx.documents.insertMany(
    written.map(({ letter, template, channel }) => ({
      membershipId: letter.membershipId,
      kind: letter.kind,
      title: letter.title,
      createdOn: letter.createdOn,
      channel,
      runId: letter.runId,
      template,
      data: letter.data,
    })),
  )
  await tx.mailDeliveries.queue(
    written.flatMap(({ letter, channel }, i) =>
      channel === 'email' ? [{ documentId: ids[i]!, recipient: letter.email!, messageId: `<document-${ids[i]}@vereinskit>` }] : [],
    ),
    now,
  )
  const answer: (string | null)[] = letters.map(() => null)
  written.forEach(({ index }, i) => (answer[index] = ids[i]!))
  return answer
}

/** Cancels letters: their documents go to the trash and e-mails not yet sent are cancelled. */
export async function cancelLetters(tx: OrganisationStorage, documentIds: readonly string[], now: Date): Promise<void> {
  if (documentIds.length === 0) return
  await tx.documents.discard(documentIds, now)
  await tx.mailDeliveries.cancelForDocuments(documentIds)
}
