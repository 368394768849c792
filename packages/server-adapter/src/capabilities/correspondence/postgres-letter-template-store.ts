import { and, asc, eq } from 'drizzle-orm'
import { VereinskitError } from '@vereinskit/core'
import type { LetterTemplate, TemplateBlock } from '@vereinskit/core/correspondence'
import type { Database } from '../../storage/database'
import { isUuid } from '../../storage/uuid'
import { isUniqueViolation } from '../../storage/rows'
import { letterTemplates, textBlocks } from './correspondence-schema'
import type { LetterTemplateRecord, LetterTemplateStore } from './letter-template-store'

type Row = typeof letterTemplates.$inferSelect

function toRecord(row: Row): LetterTemplateRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as LetterTemplate['kind'],
    valid: row.valid,
    isDefault: row.isDefault,
    subject: row.subject,
    blocks: row.blocks as TemplateBlock[],
    emailText: row.emailText,
  }
}

/** Document templates and text blocks in PostgreSQL. */
export function createLetterTemplateStore(db: Database, organisationId: string): LetterTemplateStore {
  const own = (id: string) => and(eq(letterTemplates.organisationId, organisationId), eq(letterTemplates.id, id))
  const kindTaken = (error: unknown, template: LetterTemplate): never => {
    if (isUniqueViolation(error)) {
      throw new VereinskitError(
        'TEMPLATE_KIND_TAKEN',
        `Another template already replaces the default ${template.kind} letter; set it to not default first.`,
      )
    }
    throw error
  }
  return {
    async list() {
      const rows = await db
        .select()
        .from(letterTemplates)
        .where(eq(letterTemplates.organisationId, organisationId))
        .orderBy(asc(letterTemplates.kind), asc(letterTemplates.name))
      return rows.map(toRecord)
    },
    async get(id) {
      if (!isUuid(id)) return null
      const [row] = await db.select().from(letterTemplates).where(own(id))
      return row ? toRecord(row) : null
    },
    async create(template) {
      try {
        const [row] = await db
          .insert(letterTemplates)
          .values({ organisationId, ...template })
          .returning()
        return toRecord(row!)
      } catch (error) {
        return kindTaken(error, template)
      }
    },
    async update(id, template) {
      if (!isUuid(id)) return null
      try {
        const [row] = await db.update(letterTemplates).set(template).where(own(id)).returning()
        return row ? toRecord(row) : null
      } catch (error) {
        return kindTaken(error, template)
      }
    },
    async defaultFor(kind) {
      const [row] = await db
        .select()
        .from(letterTemplates)
        .where(and(eq(letterTemplates.organisationId, organisationId), eq(letterTemplates.kind, kind), eq(letterTemplates.isDefault, true)))
      return row ? toRecord(row) : null
    },
    async listTextBlocks() {
      const rows = await db.select().from(textBlocks).where(eq(textBlocks.organisationId, organisationId)).orderBy(asc(textBlocks.name))
      return rows.map((r) => ({ name: r.name, text: r.text, assignments: r.assignments as ('documents' | 'letters')[] }))
    },
    async putTextBlock(block) {
      await db
        .insert(textBlocks)
        .values({ organisationId, ...block })
        .onConflictDoUpdate({
          target: [textBlocks.organisationId, textBlocks.name],
          set: { text: block.text, assignments: block.assignments },
        })
    },
  }
}
