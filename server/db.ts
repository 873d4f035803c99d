import path from 'node:path'
import { createDb, type Db } from '../db/client'
import { getEnv } from './env'

/**
 * The process's one database handle. PGlite allows a single instance per data
 * folder, and the Remix server build and the Node server are separate module
 * graphs in one process, so the handle lives on globalThis.
 */
const globalForDb = globalThis as unknown as { __vocesDb?: Db }

export function getDb(): Db {
  if (!globalForDb.__vocesDb) {
    const env = getEnv()
    globalForDb.__vocesDb = createDb({ databaseUrl: env.DATABASE_URL, dataDir: path.join(env.dataDir, 'pglite') })
  }
  return globalForDb.__vocesDb
}

export function setDb(db: Db): void {
  globalForDb.__vocesDb = db
}
