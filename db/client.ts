import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { PGliteDialect } from './pglite-dialect'
import type { Database } from './schema'

export type Db = Kysely<Database>

export type DbOptions = {
  /** postgres://… to use a PostgreSQL server; absent means embedded PGlite. */
  databaseUrl?: string
  /** Folder for the embedded database; `memory://` for a throwaway one. */
  dataDir: string
}

// Counts come back as int8; parse them to numbers the same way on both drivers.
const INT8_OID = 20
const parseInt8 = (value: string) => Number(value)
pg.types.setTypeParser(INT8_OID, parseInt8)

/** PGlite when no DATABASE_URL, else a pg pool. See docs/decisions/001-pglite-by-default.md. */
export function createDb(options: DbOptions): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    // A dropped connection (server restart, failover) must not crash the process: an 'error'
    // event without a listener throws. The pool listens on idle clients only; a client that is
    // checked out between two queries (inside a transaction, or being released after a failed
    // query) needs its own listener. The pool then discards the broken client and reconnects.
    pool.on('connect', (client) => client.on('error', (error) => console.error('[db] connection lost:', error.message)))
    pool.on('error', () => {}) // already logged by the client's own listener
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  }
  const dataDir = options.dataDir
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  // unaccent: accent-insensitive search (PostgreSQL servers have it in their contrib package).
  const client = new PGlite(dataDir, {
    parsers: { [INT8_OID]: parseInt8 },
    extensions: { unaccent },
    // A new 16 MB WAL segment is created by writing its last byte instead of zeros throughout:
    // in memory, zero-filling grows the file 8 kB at a time, copying it each time it outgrows
    // its buffer (0.8 s of a 50,000-row import); on disk it writes every segment twice.
    // PGlite already runs without fsync, so zeros reserved ahead of time guarantee nothing here.
    startParams: [...PGlite.defaultStartParams, '-c', 'wal_init_zero=off'],
  })
  return new Kysely<Database>({ dialect: new PGliteDialect(client) })
}

export function describeDb(options: DbOptions): string {
  if (!options.databaseUrl) return `PGlite (embedded) in ${options.dataDir}`
  const url = new URL(options.databaseUrl)
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`
}
