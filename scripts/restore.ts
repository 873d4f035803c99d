/**
 * npm run restore -- <file>: puts a backup back. The embedded database folder
 * is replaced (the old one is kept beside it); a PostgreSQL backup goes into
 * DATABASE_URL's database, which must be empty. Stop Voces first. With two
 * roles (VOCES_MIGRATION_DATABASE_URL), the tables are created as the owner and
 * the app's role gets its grants again (db/roles.ts), as after a migration.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { createDb } from '../db/client'
import { grantAppRole, roleOf } from '../db/roles'
import { EnvError, getEnv } from '../server/env'
import { BackupError, restorePglite, restorePostgres } from '../server/services/backup'

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'))
  if (!file) throw new BackupError('Usage: npm run restore -- <backup file>')
  const env = getEnv()
  const bytes = readFileSync(path.resolve(file))
  if (env.DATABASE_URL) {
    const owner = env.VOCES_MIGRATION_DATABASE_URL
    const { header } = await restorePostgres(bytes, owner ?? env.DATABASE_URL, env.encryptionKey)
    if (owner && roleOf(owner) !== roleOf(env.DATABASE_URL)) {
      const db = createDb({ databaseUrl: owner, dataDir: '' })
      await grantAppRole(db, roleOf(env.DATABASE_URL)).finally(() => db.destroy())
    }
    console.log(`restored the backup of ${header.createdAt} into the PostgreSQL database (${header.migrations.length} migrations applied there).`)
  } else {
    const { header, movedAside } = await restorePglite(bytes, path.join(env.dataDir, 'pglite'), env.encryptionKey)
    console.log(`restored the backup of ${header.createdAt} into ${path.join(env.dataDir, 'pglite')}.`)
    if (movedAside) console.log(`the database that was there is kept in ${movedAside}`)
  }
  console.log('Start Voces as usual; it applies any newer migrations.')
}

main().catch((error) => {
  console.error(error instanceof EnvError || error instanceof BackupError ? error.message : `restore failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
