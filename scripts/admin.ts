/**
 * npm run --silent admin -- create --email E [--name N]
 * npm run --silent admin -- reset --email E
 *
 * Prints a one-time set-up link (valid 24 h) on stdout and nothing else there;
 * messages go to stderr. Works on the embedded database and with DATABASE_URL,
 * and applies pending migrations first. The link starts with VOCES_ORIGIN.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { EnvError, getEnv } from '../server/env'
import { EmailSchema } from '../server/schemas/auth'
import { pgliteInUse } from '../server/services/backup'
import { AdminCommandError, createAdministrator, resetAccount, setupLink } from '../server/services/account-setup'

const USAGE = `usage:
  npm run --silent admin -- create --email you@example.org [--name "Your Name"]
  npm run --silent admin -- reset --email you@example.org`

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean' } },
    allowPositionals: true,
  })
  const command = positionals[0]
  if (values.help || (command !== 'create' && command !== 'reset') || positionals.length !== 1 || !values.email) {
    console.error(USAGE)
    return values.help ? 0 : 2
  }
  const email = EmailSchema.safeParse(values.email)
  if (!email.success) {
    console.error(`not an email address: ${values.email}\n${USAGE}`)
    return 2
  }
  if (values.name !== undefined && (values.name.trim().length === 0 || values.name.length > 80)) {
    console.error('--name must have 1 to 80 characters')
    return 2
  }
  const env = getEnv()
  const pgliteDir = path.join(env.dataDir, 'pglite')
  if (!env.DATABASE_URL && pgliteInUse(pgliteDir)) {
    console.error(`The embedded database in ${pgliteDir} is open: stop Voces first (the embedded database allows one process), run this again, then start Voces.`)
    return 1
  }
  const db = createDb({ databaseUrl: env.DATABASE_URL, dataDir: pgliteDir })
  try {
    const applied = await migrateToLatest(db)
    if (applied.length) console.error(`migrations applied: ${applied.join(', ')}`)
    const now = new Date()
    const result = command === 'create' ? await createAdministrator(db, { email: email.data, name: values.name }, now) : await resetAccount(db, { email: email.data }, now)
    console.log(setupLink(env.origin, result.token))
    const ended = 'sessionsEnded' in result ? ` ${result.sessionsEnded} session(s) ended.` : ''
    console.error(`One-time link for ${email.data}, valid until ${result.expiresAt.toISOString()} (24 h).${ended} Give it to that person only.`)
    return 0
  } finally {
    await db.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof EnvError || error instanceof AdminCommandError) console.error(error.message)
    else console.error(`admin command failed: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  },
)
