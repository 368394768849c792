/**
 * @module @vereinskit/core/correspondence: letters (Schriftverkehr) — document templates with placeholders, text
 * blocks, the built-in default per letter kind, and rendering into a laid-out letter. Turning that into a PDF or an
 * e-mail is the server's part.
 */
export { LetterKind, LetterTemplate, TemplateBlock, TextBlock } from './letter-template'
export type { LetterTemplateInput } from './letter-template'
export { placeholderNames } from './letter-data'
export type { LetterData, PlaceholderName } from './letter-data'
export { renderLetter, checkTemplate, unknownPlaceholders } from './render-letter'
export type { RenderedLetter } from './render-letter'
export { defaultTemplates } from './default-templates'
export { letterSalutation } from './letter-salutation'
export { letterChannel } from './letter-channel'
export type { LetterChannel } from './letter-channel'
