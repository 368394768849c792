import * as z from 'zod'

/**
 * What a letter is for (Verwendung in, handbook §9.2.5). Each kind has a built-in default template; a club replaces
 * it with one template of its own per kind (the unique usage), and an invalid (nicht gültig) replacement means no
 * letters of that kind — how a club runs exclusions without letters (handbook §6.12).
 */
export const LetterKind = z.enum(['dunning', 'exclusion', 'pre-notification', 'returned-debit', 'appointment', 'general'])
export type LetterKind = z.infer<typeof LetterKind>

/** One block of a template's body: text with placeholders, the open-items table, or a text block by name. */
export const TemplateBlock = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), text: z.string().min(1).max(4000), bold: z.boolean().default(false) }),
  z.strictObject({ type: z.literal('open-items') }),
  z.strictObject({ type: z.literal('text-block'), name: z.string().trim().min(1).max(80) }),
])
export type TemplateBlock = z.output<typeof TemplateBlock>

/** A document template (Vorlage, handbook §9.2.5): subject and body with `{{placeholders}}`. */
export const LetterTemplate = z.strictObject({
  name: z.string().trim().min(1).max(120),
  kind: LetterKind,
  /** gültig. */
  valid: z.boolean().default(true),
  /** Replaces the built-in default of its kind; at most one per kind and club. Levels may name any template of kind `dunning`. */
  isDefault: z.boolean().default(false),
  /** The subject line, also the e-mail subject. */
  subject: z.string().trim().min(1).max(200),
  blocks: z.array(TemplateBlock).min(1).max(50),
  /** The e-mail body that carries the letter as a PDF attachment. */
  emailText: z
    .string()
    .trim()
    .min(1)
    .max(4000)
    .default('Guten Tag,\n\nim Anhang erhalten Sie unser Schreiben {{letter.subject}}.\n\nMit freundlichen Grüßen\n{{club.name}}'),
})
export type LetterTemplate = z.output<typeof LetterTemplate>
export type LetterTemplateInput = z.input<typeof LetterTemplate>

/** A text block (Textbaustein, handbook §9.2.3): a named text that templates insert, and the lists it is offered in. */
export const TextBlock = z.strictObject({
  name: z.string().trim().min(1).max(80),
  text: z.string().min(1).max(4000),
  /** Zuordnung: where it is offered (documents' title field, letters); an open list. */
  assignments: z
    .array(z.enum(['documents', 'letters']))
    .min(1)
    .max(2),
})
export type TextBlock = z.infer<typeof TextBlock>
