import { randomBytes } from 'node:crypto'
import { Kysely, PostgresDialect, sql } from 'kysely'
import pg from 'pg'
import { createDb, type Db } from '../../db/client'
import { migrateToLatest } from '../../db/migrator'
import { parseEnv, type Env } from '../../server/env'

/**
 * A fresh, migrated database for one test file.
 * - `npm test`: in-memory PGlite.
 * - With TEST_DATABASE_URL (CI sets it): a new database on that PostgreSQL
 *   server, dropped afterwards, so files never see each other's rows.
 */
export async function createTestDb(): Promise<{ db: Db; close: () => Promise<void>; kind: 'pglite' | 'postgres'; url?: string }> {
  const serverUrl = process.env.TEST_DATABASE_URL
  if (!serverUrl) {
    const db = createDb({ dataDir: 'memory://' })
    await migrateToLatest(db)
    return { db, kind: 'pglite', close: () => db.destroy() }
  }
  const name = `voces_test_${randomBytes(6).toString('hex')}`
  const admin = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: serverUrl, max: 1 }) }) })
  await sql`create database ${sql.id(name)}`.execute(admin)
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const db = createDb({ databaseUrl: url.toString(), dataDir: '' })
  await migrateToLatest(db)
  return {
    db,
    kind: 'postgres',
    url: url.toString(),
    close: async () => {
      await db.destroy()
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin)
      await admin.destroy()
    },
  }
}

/** An environment for tests: fixed secrets, no files written. */
export function testEnv(overrides: Record<string, string> = {}): Env {
  return parseEnv({
    NODE_ENV: 'test',
    VOCES_DATA_DIR: '/nonexistent-voces-test-dir',
    VOCES_SESSION_SECRET: 's'.repeat(40),
    VOCES_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
    ...overrides,
  })
}
