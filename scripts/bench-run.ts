/**
 * npm run bench:run [-- --rows 100000 --k 20 --translate]
 *
 * A clustering run on 100,000 submissions through the path the UI takes: seeds generated
 * testimony (the demo generator, cycled with variations) into a fresh in-memory PGlite, then
 * run.start (the procedure the start form calls) → job queue → worker → engine on a worker
 * thread → results written in one transaction. Prints wall seconds per phase (load, engine,
 * save) and in all, peak RSS, the load average, how long the web thread's event loop was
 * blocked meanwhile, and the time of the results page's and a cluster page's queries.
 * --translate: Spanish testimony gets an English machine translation first (Apertium, when
 * installed), as a deployment with Apertium has.
 */
import { randomBytes } from 'node:crypto'
import { availableParallelism, loadavg } from 'node:os'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { redact } from '../server/analysis/redact'
import { createInnerContext } from '../server/context'
import { generateDemoTestimonies } from '../server/demo/testimonies'
import { parseEnv } from '../server/env'
import { jobHandlers } from '../server/jobs/handlers'
import { startJobWorker } from '../server/jobs/queue'
import { isApertiumAvailable, translate } from '../server/lib/apertium'
import { createCaller } from '../server/routers/_app'
import { seedCodebook } from '../server/services/seed'

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, k: { type: 'string' }, seed: { type: 'string', default: '1' }, translate: { type: 'boolean', default: false } },
})
const rowCount = Number(values.rows)
const SUFFIXES = ['', ' This was in the morning.', ' Pasó en la tarde.', ' My neighbor saw it too.', ' Mis hijos estaban conmigo.', ' It happened again the next week.']

const seconds = (ms: number) => (ms / 1000).toFixed(1)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')

async function timed<T>(runs: number, f: () => Promise<T>): Promise<{ ms: number; worst: number; result: T }> {
  const times: number[] = []
  let result!: T
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    result = await f()
    times.push(performance.now() - started)
  }
  return { ms: median(times), worst: Math.max(...times), result }
}

async function main() {
  const env = parseEnv({
    NODE_ENV: 'test',
    VOCES_DATA_DIR: '/nonexistent-voces-bench',
    VOCES_SESSION_SECRET: 's'.repeat(40),
    VOCES_ENCRYPTION_KEY: randomBytes(32).toString('hex'),
  })
  const db = createDb({ dataDir: 'memory://' })
  await migrateToLatest(db)
  const org = await db.insertInto('organizations').values({ slug: 'bench', name: 'Bench organization' }).returning('id').executeTakeFirstOrThrow()
  const user = await db
    .insertInto('users')
    .values({ email: 'bench@example.test', display_name: 'Bench facilitator', password_hash: 'x', role: 'facilitator' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const tags = await seedCodebook(db)

  // The generator's texts, redacted once, cycled with variations (as bench:import does).
  let started = performance.now()
  const base = generateDemoTestimonies({ count: 2000, seed: 4242 }).map((t) => ({ ...t, text: redact(t.text, { lang: t.lang }).redacted }))
  const english = new Map<number, string>()
  if (values.translate) {
    if (!isApertiumAvailable('spa-eng')) throw new Error('--translate needs Apertium (apertium-eng-spa)')
    const spanish = base.flatMap((t, i) => (t.lang === 'es' ? [i] : []))
    const out = await translate(
      spanish.map((i) => base[i]!.text),
      'spa-eng',
    )
    spanish.forEach((i, j) => english.set(i, out[j]!))
  }
  const batch = 2000
  for (let offset = 0; offset < rowCount; offset += batch) {
    const rows = []
    const themes: string[] = []
    for (let i = offset; i < Math.min(rowCount, offset + batch); i++) {
      const b = i % base.length
      const t = base[b]!
      const suffix = SUFFIXES[i % SUFFIXES.length] + (i >= base.length ? ` (${Math.floor(i / base.length)})` : '')
      rows.push({
        receipt_code: `B${i.toString(36).toUpperCase().padStart(8, '0')}`,
        organization_id: org.id,
        text_redacted: t.text + suffix,
        language: t.lang,
        translation_en: english.has(b) ? english.get(b)! + suffix : null,
        incident_month: t.incidentMonth,
        area: t.area,
        setting: t.setting,
        agencies: t.agencies,
        consent_quote: t.consentQuote,
        status: 'accepted',
        created_at: new Date(Date.UTC(2025, 5, 1) + i * 60_000),
      })
      themes.push(t.theme)
    }
    const ids = await db.insertInto('submissions').values(rows).returning('id').execute()
    // Two in three arrive tagged with their theme, as in the demo seed.
    const taggings = ids.flatMap((r, j) => ((offset + j) % 3 !== 2 && tags.has(themes[j]!) ? [{ submission_id: r.id, tag_id: tags.get(themes[j]!)!, source: 'seed' }] : []))
    if (taggings.length) await db.insertInto('submission_tags').values(taggings).execute()
  }
  await sql`analyze`.execute(db)
  console.log(
    `seeded ${rowCount.toLocaleString('en-US')} submissions in ${seconds(performance.now() - started)} s${values.translate ? ' (Spanish with Apertium translations)' : ''}`,
  )

  const caller = createCaller(
    createInnerContext({
      db,
      env,
      user: { id: user.id, email: 'bench@example.test', displayName: 'Bench', role: 'facilitator', organizationId: null, organizationName: null, locale: null },
      csrfVerified: true,
    }),
  )
  const rssBefore = process.memoryUsage().rss
  let peakRss = rssBefore
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100)
  const loop = monitorEventLoopDelay({ resolution: 10 })
  const loadBefore = load()

  // The UI's path: run.start → job queue → this process's worker → engine thread → save.
  started = performance.now()
  const worker = startJobWorker(db, jobHandlers(db, env), { pollMs: 500 })
  loop.enable()
  const { id } = await caller.run.start({ name: 'Benchmark', filter: {}, seed: Number(values.seed), ...(values.k ? { k: Number(values.k) } : {}) })
  const phases: { phase: string; at: number }[] = []
  for (;;) {
    const run = await caller.run.byId({ id })
    if (run.phase && phases.at(-1)?.phase !== run.phase) phases.push({ phase: run.phase, at: performance.now() - started })
    if (!['queued', 'running', 'cancelling'].includes(run.state)) break
    await new Promise((r) => setTimeout(r, 200))
  }
  const total = performance.now() - started
  loop.disable()
  clearInterval(sampler)
  await worker.stop()

  const run = await caller.run.byId({ id })
  if (run.state !== 'succeeded') throw new Error(`run ended ${run.state}: ${run.error}`)
  const timings = run.engine.timings as { loadMs: number; engineMs: number; saveMs: number }
  console.log(
    `\nrun: ${run.documentCount?.toLocaleString('en-US')} documents, k = ${run.k}${values.k ? '' : ' (automatic)'}, unclustered ${run.engine.unclustered}, engine threads ${
      run.engine.threads
    }`,
  )
  console.log('phase     seconds')
  console.log(`load      ${seconds(timings.loadMs).padStart(7)}`)
  console.log(`engine    ${seconds(timings.engineMs).padStart(7)}`)
  console.log(`save      ${seconds(timings.saveMs).padStart(7)}`)
  console.log(`total     ${seconds(total).padStart(7)}   (start request to job succeeded, as the progress bar sees it)`)
  console.log(`engine stages as the progress bar showed them: ${phases.map((p) => `${p.phase} @${seconds(p.at)} s`).join(', ')}`)
  console.log(
    `peak RSS ${Math.round(peakRss / 1024 / 1024)} MB (${Math.round(
      rssBefore / 1024 / 1024,
    )} MB before the run: the seeded in-memory database and the generator's data); web thread event-loop delay while running: p99 ${(loop.percentile(99) / 1e6).toFixed(
      0,
    )} ms, max ${(loop.max / 1e6).toFixed(0)} ms`,
  )
  console.log(`load average (1/5/15 min) before ${loadBefore}, after ${load()}; cores ${availableParallelism()}`)

  const clusters = await caller.run.clusters({ id })
  const largest = clusters.filter((c) => c.cluster >= 0)[0]!
  const resultsPage = await timed(5, () => Promise.all([caller.run.byId({ id }), caller.run.clusters({ id })]))
  const membersFirst = await timed(5, () => caller.run.members({ id, cluster: largest.cluster, page: 1, pageSize: 25 }))
  const lastPage = Math.max(1, Math.ceil(largest.size / 25))
  const membersLast = await timed(5, () => caller.run.members({ id, cluster: largest.cluster, page: lastPage, pageSize: 25 }))
  const row = (label: string, t: { ms: number; worst: number }) => console.log(`${label.padEnd(44)} ${t.ms.toFixed(0).padStart(6)} ${t.worst.toFixed(0).padStart(6)}`)
  console.log(`\n${'page data (median of 5, worst), ms'.padEnd(44)} ${'median'.padStart(6)} ${'worst'.padStart(6)}`)
  row('results page (run.byId + run.clusters)', resultsPage)
  row(`cluster ${largest.cluster + 1} members, page 1 of ${lastPage}`, membersFirst)
  row(`cluster ${largest.cluster + 1} members, page ${lastPage} of ${lastPage}`, membersLast)
  await db.destroy()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
