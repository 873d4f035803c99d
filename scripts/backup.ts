/**
 * npm run backup [-- --out file]: an encrypted copy of the whole database
 * (the embedded PGlite folder, or DATABASE_URL's PostgreSQL via pg_dump).
 * Stop Voces first when it uses the embedded database. Needs the same
 * VOCES_ENCRYPTION_KEY to restore (docs/decisions/080-backups.md).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { EnvError, getEnv } from '../server/env'
import { backupPglite, backupPostgres, BackupError } from '../server/services/backup'

async function main() {
  const { values } = parseArgs({ options: { out: { type: 'string' } } })
  const env = getEnv()
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')
  const out = path.resolve(values.out ?? path.join('backups', `voces-${stamp}.backup`))
  const started = Date.now()
  const file = env.DATABASE_URL ? await backupPostgres(env.DATABASE_URL, env.encryptionKey) : await backupPglite(path.join(env.dataDir, 'pglite'), env.encryptionKey)
  mkdirSync(path.dirname(out), { recursive: true })
  writeFileSync(out, file, { mode: 0o600 })
  console.log(`backup written: ${out} (${(file.length / 1024 / 1024).toFixed(1)} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  console.log('It is encrypted with VOCES_ENCRYPTION_KEY: keep that key safe and separate from the backup; without it the backup cannot be restored.')
}

main().catch((error) => {
  console.error(error instanceof EnvError || error instanceof BackupError ? error.message : `backup failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
