/** npm run seed: migrates, then adds demo content if the database has none. */
import path from 'node:path'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { EnvError, getEnv } from '../server/env'
import { seedDemo } from '../server/services/seed'

async function main() {
  const env = getEnv()
  const db = createDb({ databaseUrl: env.DATABASE_URL, dataDir: path.join(env.dataDir, 'pglite') })
  try {
    await migrateToLatest(db)
    console.log((await seedDemo(db, env)) ? 'demo content seeded' : 'database already has content: nothing seeded')
  } finally {
    await db.destroy()
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : `seed failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
})
