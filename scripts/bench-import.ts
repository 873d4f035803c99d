/**
 * npm run bench:import [-- --rows 50000] [--memory]
 *
 * Writes a CSV of realistic testimonies (the demo generator, cycled with
 * variations, with the labels and formats spreadsheets use), then imports it
 * into a fresh PGlite through the same service as the browser and the CLI.
 * PGlite keeps its files in a temporary folder, as the app and the CLI do in
 * VOCES_DATA_DIR; with --memory it runs in memory instead, as the tests do.
 * Prints rows, seconds, rows/s, CPU seconds and peak RSS. Target: 50,000 rows
 * in under 30 s (docs/decisions/040-csv-import.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import en from '../app/i18n/en.json'
import es from '../app/i18n/es.json'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { generateDemoTestimonies } from '../server/demo/testimonies'
import { toCsv } from '../server/lib/csv'
import { importCsvFile } from '../server/services/import'

const { values } = parseArgs({ options: { rows: { type: 'string', default: '50000' }, memory: { type: 'boolean', default: false } } })
const rowCount = Number(values.rows)

const base = generateDemoTestimonies({ count: 2000, seed: 4242 })
const SUFFIXES = ['', ' This was in the morning.', ' Pasó en la tarde.', ' My neighbor saw it too.', ' Mis hijos estaban conmigo.', ' It happened again the next week.']
const rows: string[][] = [['Testimony', 'Month', 'LAPD Area', 'Setting', 'Agencies', 'City response', 'Guidance wanted', 'May quote', 'May contact']]
for (let i = 0; i < rowCount; i++) {
  const d = base[i % base.length]!
  const labels = d.lang === 'es' ? es : en
  const [year, month] = d.incidentMonth.split('-')
  rows.push([
    d.text + SUFFIXES[i % SUFFIXES.length] + (i >= base.length ? ` (${Math.floor(i / base.length)})` : ''),
    i % 2 ? d.incidentMonth : `${Number(month)}/${year}`,
    i % 3 ? labels.area[d.area] : d.area,
    labels.setting[d.setting],
    d.agencies.map((a) => (i % 2 ? a : labels.agency[a])).join('; '),
    d.cityResponse ?? '',
    d.guidanceWanted ?? '',
    d.consentQuote ? (d.lang === 'es' ? 'sí' : 'yes') : 'no',
    d.consentContact ? '1' : '0',
  ])
}

const dir = mkdtempSync(path.join(tmpdir(), 'voces-bench-import-'))
const file = path.join(dir, 'testimonies.csv')
writeFileSync(file, toCsv(rows, { formulas: 'keep' }))
let peakRss = process.memoryUsage().rss
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)

const db = createDb({ dataDir: values.memory ? 'memory://' : path.join(dir, 'pglite') })
try {
  await migrateToLatest(db)
  const org = await db.insertInto('organizations').values({ slug: 'bench-org', name: 'Bench organization' }).returning('id').executeTakeFirstOrThrow()
  const content = readFileSync(file)
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const milestone = (what: string) => {
    const used = process.cpuUsage(cpuStarted)
    console.log(`  ${what} at ${((performance.now() - started) / 1000).toFixed(1)} s (CPU so far ${((used.user + used.system) / 1e6).toFixed(1)} s)`)
  }
  let seen = { prepared: false, saved: false, allPrepared: false }
  const result = await importCsvFile(db, { encryptionKey: randomBytes(32) }, {
    organizationSlug: 'bench-org',
    fileName: 'testimonies.csv',
    content,
    onProgress: ({ prepared, saved, total }) => {
      if (prepared > 0 && !seen.prepared) milestone('first rows prepared')
      if (saved > 0 && !seen.saved) milestone(`first rows saved (${prepared} prepared)`)
      if (prepared === total && !seen.allPrepared) milestone(`all rows prepared (${saved} saved)`)
      seen = { prepared: prepared > 0, saved: saved > 0, allPrepared: prepared === total }
    },
  })
  const seconds = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuStarted)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  if (!result.ok) throw new Error(`import refused: ${result.reason} ${JSON.stringify(result.errors.slice(0, 5))}`)
  const stored = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', org.id).executeTakeFirstOrThrow()
  console.log(`file: ${(content.length / 1024 / 1024).toFixed(1)} MB, ${rowCount} rows; PGlite ${values.memory ? 'in memory' : 'on disk (as the app)'}`)
  console.log(`rows: ${result.count} (stored ${stored.n})`)
  console.log(`seconds: ${seconds.toFixed(1)}`)
  console.log(`rows/s: ${Math.round(result.count / seconds)}`)
  // CPU time of all threads: with other work on the machine, wall time says more about the load than about the import.
  console.log(`CPU seconds (all threads): ${((cpu.user + cpu.system) / 1e6).toFixed(1)} on ${availableParallelism()} cores, load average ${loadavg()[0]!.toFixed(1)}`)
  console.log(`peak RSS: ${Math.round(peakRss / 1024 / 1024)} MB`)
  console.log(seconds < 30 ? 'PASS: under 30 s' : 'FAIL: 30 s or more')
} finally {
  clearInterval(sampler)
  await db.destroy()
  rmSync(dir, { recursive: true, force: true })
}
