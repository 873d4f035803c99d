/**
 * npm run import -- --org <slug> [--skip-invalid] file.csv
 *
 * The browser's CSV import from the command line: same decoding, column
 * mapping (from the header names), validation and intake (redaction,
 * encryption). All or nothing: with any row error nothing is stored and the
 * errors are listed, unless --skip-invalid stores the valid rows (still one
 * transaction). Exit code 1 on any failure; the database is then unchanged.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { createI18n } from '../app/i18n/i18n'
import { EnvError, getEnv } from '../server/env'
import { importCsvFile } from '../server/services/import'

const USAGE = 'usage: npm run import -- --org <organization-slug> [--skip-invalid] file.csv'
const MAX_LISTED_ERRORS = 50

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { org: { type: 'string' }, 'skip-invalid': { type: 'boolean', default: false } }, allowPositionals: true })
  if (!values.org || positionals.length !== 1) {
    console.error(USAGE)
    return 1
  }
  const file = positionals[0]!
  let content: Buffer
  try {
    content = readFileSync(file)
  } catch (error) {
    console.error(`cannot read ${file}: ${error instanceof Error ? error.message : error}`)
    return 1
  }
  // i18next prints an advertisement on first use outside production; not in a command's output.
  ;(globalThis as Record<string, unknown>).__i18next_supportNoticeShown = true
  const { t } = createI18n('en')
  const env = getEnv()
  const db = createDb({ databaseUrl: env.DATABASE_URL, dataDir: path.join(env.dataDir, 'pglite') })
  try {
    await migrateToLatest(db)
    const started = performance.now()
    const result = await importCsvFile(db, env, { organizationSlug: values.org, fileName: path.basename(file), content, skipInvalid: values['skip-invalid'] })
    if (!result.ok) {
      if (result.reason === 'errors.organizationRequired') console.error(`No organization has the slug "${values.org}". Nothing was imported.`)
      else console.error(`${t(result.reason)}${result.reason === 'errors.importHasErrors' ? ' (command line: --skip-invalid)' : ''}\nNothing was imported.`)
      for (const e of result.errors.slice(0, MAX_LISTED_ERRORS)) console.error(`  row ${e.row}, ${t(`import.field.${e.field}`)}: ${t(e.message)}`)
      if (result.errors.length > MAX_LISTED_ERRORS) console.error(`  … and ${result.errors.length - MAX_LISTED_ERRORS} more`)
      return 1
    }
    const seconds = (performance.now() - started) / 1000
    console.log(`imported ${result.count} testimonies into ${values.org} in ${seconds.toFixed(1)} s (file read as ${result.encoding})${result.skipped ? `; left out ${result.skipped} rows with errors` : ''}`)
    return 0
  } finally {
    await db.destroy()
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof EnvError ? error.message : `import failed, nothing was imported: ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  },
)
