import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Database } from '../../storage/database'
import { documentContents } from './correspondence-schema'
import type { DocumentContentStore } from './document-store'

/** Content in the database (`document_contents`), the default: backed up and replicated with everything else. */
export function createDatabaseContentStore(db: Database, organisationId: string): DocumentContentStore {
  return {
    async put(key, bytes) {
      await db
        .insert(documentContents)
        .values({ key, organisationId, bytes })
        .onConflictDoUpdate({ target: documentContents.key, set: { bytes } })
    },
    async get(key) {
      const [row] = await db
        .select({ bytes: documentContents.bytes, organisationId: documentContents.organisationId })
        .from(documentContents)
        .where(eq(documentContents.key, key))
      return row && row.organisationId === organisationId ? new Uint8Array(row.bytes) : null
    },
  }
}

/**
 * Content as files under `directory/<organisation>/` (a shared volume for several instances). Writes go to a
 * temporary name first, so a reader never sees half a file. Pass it to `createPostgresStorage`'s `stores` option:
 * @example createPostgresStorage(connection, { stores: { documentContents: directoryContentStore('/var/lib/vereinskit/documents') } })
 */
export function directoryContentStore(directory: string) {
  return (_db: Database, organisationId: string): DocumentContentStore => {
    const folder = join(directory, organisationId)
    const path = (key: string) => join(folder, `${key.replace(/[^A-Za-z0-9._-]/g, '_')}`)
    return {
      async put(key, bytes) {
        await mkdir(folder, { recursive: true })
        const temporary = `${path(key)}.${process.pid}.tmp`
        await writeFile(temporary, bytes)
        await rename(temporary, path(key))
      },
      async get(key) {
        try {
          return new Uint8Array(await readFile(path(key)))
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
          throw error
        }
      },
    }
  }
}
