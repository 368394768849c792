import type { TestProject } from 'vitest/node'
import pg from 'pg'
import { openPostgres } from '../src/storage/open-postgres'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of a fresh, migrated database for this run, or '' without DATABASE_URL. */
    postgresUrl: string
  }
}

/**
 * With DATABASE_URL set, creates a throwaway database next to it for this test run, migrates it, and drops it
 * afterwards, so tests never depend on (or disturb) what the shared database already holds.
 */
export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL
  if (!base) {
    project.provide('postgresUrl', '')
    return
  }
  const name = `vk_test_${process.pid}_${Date.now()}`
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(base)
  url.pathname = `/${name}`
  const connection = await openPostgres({ connectionString: url.toString(), max: 1 })
  await connection.migrate()
  await connection.close()
  project.provide('postgresUrl', url.toString())

  return async () => {
    const cleanup = new pg.Client({ connectionString: base })
    await cleanup.connect()
    try {
      await cleanup.query(`drop database if exists ${name} with (force)`)
    } catch (error) {
      console.warn(`Could not drop the test database ${name}; drop it by hand.`, error)
    } finally {
      await cleanup.end()
    }
  }
}
