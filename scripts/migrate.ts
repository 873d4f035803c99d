/** npm run migrate [-- --down]: applies pending migrations (or reverts the last one). */
import path from 'node:path'
import { createDb, describeDb } from '../db/client'
import { createMigrator, migrateToLatest } from '../db/migrator'
import { migrateAsOwner } from '../db/roles'
import { EnvError, getEnv } from '../server/env'

async function main() {
  const env = getEnv()
  const options = { databaseUrl: env.DATABASE_URL, dataDir: path.join(env.dataDir, 'pglite') }
  // --down undoes schema: only the owner can (VOCES_MIGRATION_DATABASE_URL when the app has its own role).
  const db = createDb(process.argv.includes('--down') && env.VOCES_MIGRATION_DATABASE_URL ? { ...options, databaseUrl: env.VOCES_MIGRATION_DATABASE_URL } : options)
  console.log(`database: ${describeDb(options)}`)
  try {
    if (process.argv.includes('--down')) {
      const { error, results } = await createMigrator(db).migrateDown()
      if (error) throw error
      console.log(results?.length ? `reverted: ${results.map((r) => r.migrationName).join(', ')}` : 'nothing to revert')
    } else {
      const applied = env.DATABASE_URL && env.VOCES_MIGRATION_DATABASE_URL ? await migrateAsOwner(env.VOCES_MIGRATION_DATABASE_URL, env.DATABASE_URL) : await migrateToLatest(db)
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'already up to date')
    }
  } finally {
    await db.destroy()
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : `migration failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
