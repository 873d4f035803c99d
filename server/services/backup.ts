/**
 * Backups of the whole database, for the embedded PGlite and for PostgreSQL,
 * encrypted with VOCES_ENCRYPTION_KEY (AES-256-GCM): a stolen backup file
 * reveals nothing, and restoring needs the same key the app needs anyway.
 *
 * File: "VOCES-BACKUP 1\n", one JSON header line ({ kind, createdAt, migrations }),
 * then the sealed payload — PGlite's data-folder tarball (gzip) or pg_dump's
 * custom format. See docs/decisions/080-backups.md.
 */
import { execFile } from 'node:child_process'
import { existsSync, readdirSync, renameSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { decryptBytes, encryptBytes } from '../lib/crypto'

const run = promisify(execFile)
const MAGIC = 'VOCES-BACKUP 1\n'

export type BackupHeader = { kind: 'pglite' | 'postgres'; createdAt: string; migrations: string[] }

export class BackupError extends Error {}

function seal(header: BackupHeader, payload: Uint8Array, key: Buffer): Buffer {
  return Buffer.concat([Buffer.from(MAGIC + JSON.stringify(header) + '\n', 'utf8'), encryptBytes(payload, key)])
}

export function openBackup(file: Buffer, key: Buffer): { header: BackupHeader; payload: Buffer } {
  if (file.subarray(0, MAGIC.length).toString('utf8') !== MAGIC) throw new BackupError('This is not a Voces backup file.')
  const end = file.indexOf(0x0a, MAGIC.length)
  if (end < 0) throw new BackupError('The backup file is truncated.')
  const header = JSON.parse(file.subarray(MAGIC.length, end).toString('utf8')) as BackupHeader
  try {
    return { header, payload: decryptBytes(file.subarray(end + 1), key) }
  } catch {
    throw new BackupError('The backup cannot be opened: wrong VOCES_ENCRYPTION_KEY, or the file was altered.')
  }
}

/** True while a PGlite instance (the app) has the folder open. */
export function pgliteInUse(dir: string): boolean {
  return existsSync(path.join(dir, 'postmaster.pid'))
}

async function appliedMigrations(query: (sql: string) => Promise<{ name: string }[]>): Promise<string[]> {
  return (await query('select name from kysely_migration order by name')).map((r) => r.name)
}

/** A consistent copy of an embedded database folder. The app must be stopped (PGlite allows one process). */
export async function backupPglite(dir: string, key: Buffer, now = new Date()): Promise<Buffer> {
  if (!existsSync(path.join(dir, 'PG_VERSION'))) throw new BackupError(`No embedded database in ${dir}.`)
  if (pgliteInUse(dir)) throw new BackupError(`The database in ${dir} is open: stop Voces first (npm start holds it).`)
  const db = new PGlite(dir, { extensions: { unaccent } })
  try {
    const migrations = await appliedMigrations(async (sql) => (await db.query<{ name: string }>(sql)).rows)
    const tarball = new Uint8Array(await (await db.dumpDataDir('gzip')).arrayBuffer())
    return seal({ kind: 'pglite', createdAt: now.toISOString(), migrations }, tarball, key)
  } finally {
    await db.close()
  }
}

/** Restores into `dir`; an existing database there is kept beside it as `<dir>.before-restore-<time>`. */
export async function restorePglite(file: Buffer, dir: string, key: Buffer, now = new Date()): Promise<{ header: BackupHeader; movedAside: string | null }> {
  const { header, payload } = openBackup(file, key)
  if (header.kind !== 'pglite') throw new BackupError('This backup is of a PostgreSQL server: restore it with DATABASE_URL set.')
  if (pgliteInUse(dir)) throw new BackupError(`The database in ${dir} is open: stop Voces first.`)
  let movedAside: string | null = null
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    movedAside = `${dir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    renameSync(dir, movedAside)
  }
  const db = new PGlite(dir, { extensions: { unaccent }, loadDataDir: new Blob([new Uint8Array(payload)]) })
  try {
    await db.query('select 1')
  } finally {
    await db.close()
  }
  return { header, movedAside }
}

/** pg_dump / pg_restore of the PostgreSQL client tools (on PATH, or Debian's versioned folders). */
export function pgTool(name: 'pg_dump' | 'pg_restore'): string {
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))
    for (const v of versions) if (existsSync(path.join(debian, v, 'bin', name))) return path.join(debian, v, 'bin', name)
  }
  return name
}

export async function backupPostgres(databaseUrl: string, key: Buffer, now = new Date()): Promise<Buffer> {
  const { stdout } = await run(pgTool('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--dbname=${databaseUrl}`], { encoding: 'buffer', maxBuffer: 4 * 1024 ** 3 }).catch((error: Error & { stderr?: Buffer }) => {
    throw new BackupError(`pg_dump failed: ${error.stderr?.toString().trim() || error.message}`)
  })
  const pg = await import('pg')
  const client = new pg.default.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const migrations = await appliedMigrations(async (sql) => (await client.query<{ name: string }>(sql)).rows)
    return seal({ kind: 'postgres', createdAt: now.toISOString(), migrations }, stdout, key)
  } finally {
    await client.end()
  }
}

/** Restores into an empty database (refused when it already has tables, so nothing is overwritten by mistake). */
export async function restorePostgres(file: Buffer, databaseUrl: string, key: Buffer): Promise<{ header: BackupHeader }> {
  const { header, payload } = openBackup(file, key)
  if (header.kind !== 'postgres') throw new BackupError('This backup is of the embedded database: restore it without DATABASE_URL.')
  const pg = await import('pg')
  const client = new pg.default.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ n: number }>("select count(*)::int as n from information_schema.tables where table_schema = 'public'")
    if (rows[0]!.n > 0) throw new BackupError('The target database is not empty: restore into a new, empty database.')
  } finally {
    await client.end()
  }
  await new Promise<void>((resolve, reject) => {
    const child = execFile(pgTool('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${databaseUrl}`], (error, _stdout, stderr) =>
      error ? reject(new BackupError(`pg_restore failed: ${String(stderr).trim() || error.message}`)) : resolve(),
    )
    child.stdin!.end(payload)
  })
  return { header }
}
