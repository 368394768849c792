import type { LetterKind, LetterTemplate, TextBlock } from '@vereinskit/core/correspondence'

/** A club's own document template. */
export interface LetterTemplateRecord extends LetterTemplate {
  readonly id: string
}

/** Document templates (Vorlagen) and text blocks (Textbausteine) of one organisation. */
export interface LetterTemplateStore {
  list(): Promise<LetterTemplateRecord[]>
  get(id: string): Promise<LetterTemplateRecord | null>
  /** Refuses a second default of one kind with `TEMPLATE_KIND_TAKEN`. */
  create(template: LetterTemplate): Promise<LetterTemplateRecord>
  update(id: string, template: LetterTemplate): Promise<LetterTemplateRecord | null>
  /** The club's template replacing the built-in one of `kind`, valid or not. */
  defaultFor(kind: LetterKind): Promise<LetterTemplateRecord | null>
  listTextBlocks(): Promise<TextBlock[]>
  /** Creates or replaces the text block of that name. */
  putTextBlock(block: TextBlock): Promise<void>
}

declare module '../../storage/organisation-storage' {
  interface OrganisationStores {
    readonly letterTemplates: LetterTemplateStore
  }
}
