/**
 * npm run bench:report — a theme report over 100,000 submissions: server time to
 * publish it (gather every count, suppress, freeze the snapshot) and to open the
 * published version (the read page's procedure), plus the PDF and CSV exports.
 * Seeds a fresh embedded PGlite (or DATABASE_URL's server, which must be empty).
 * Prints the median and worst of several runs and the machine's load average.
 */
import { loadavg, cpus } from 'node:os'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { createDb } from '../db/client'
import { migrateToLatest } from '../db/migrator'
import { redact } from '../server/analysis/redact'
import { createInnerContext } from '../server/context'
import { generateDemoTestimonies } from '../server/demo/testimonies'
import { parseEnv } from '../server/env'
import { createCaller } from '../server/routers/_app'
import { hashPassword, type SessionUser } from '../server/services/auth'

const N = Number(process.env.BENCH_ROWS ?? 100_000)
const THEMES = 12
const REPORT_THEMES = 10
const PUBLISH_RUNS = 5
const OPEN_RUNS = 15

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ')
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const worst = (xs: number[]) => Math.max(...xs)
const ms = (x: number) => `${x.toFixed(0).padStart(6)} ms`

type Runs = { wall: number[]; cpu: number[] }
/** Wall-clock time (what a user waits) and this process's CPU time (PGlite runs in it), per run. */
async function measure(runs: number, f: (run: number) => Promise<unknown>): Promise<Runs> {
  const out: Runs = { wall: [], cpu: [] }
  for (let r = 0; r < runs; r++) {
    const cpu = process.cpuUsage()
    const started = performance.now()
    await f(r)
    out.wall.push(performance.now() - started)
    const used = process.cpuUsage(cpu)
    out.cpu.push((used.user + used.system) / 1000)
  }
  return out
}

async function main() {
  console.log(`bench:report — ${N.toLocaleString()} submissions, ${cpus().length} cores, load average before: ${load()}`)
  const env = parseEnv({ ...process.env, NODE_ENV: 'test', VOCES_SESSION_SECRET: 's'.repeat(40), VOCES_ENCRYPTION_KEY: 'a'.repeat(64) })
  const db = createDb({ databaseUrl: process.env.DATABASE_URL, dataDir: 'memory://' })
  await migrateToLatest(db)

  let started = performance.now()
  const orgs = await db
    .insertInto('organizations')
    .values([
      { slug: 'bench-community', name: 'Bench community', kind: 'community' },
      { slug: 'bench-labor', name: 'Bench workers', kind: 'labor' },
      { slug: 'bench-faith', name: 'Bench parish', kind: 'faith' },
    ])
    .returning('id')
    .execute()
  const passwordHash = await hashPassword('bench password, not used')
  const user = async (role: 'facilitator' | 'commission'): Promise<SessionUser> => {
    const row = await db.insertInto('users').values({ email: `${role}@bench.test`, display_name: `Bench ${role}`, password_hash: passwordHash, role }).returning('id').executeTakeFirstOrThrow()
    return { id: row.id, email: `${role}@bench.test`, displayName: `Bench ${role}`, role, organizationId: null, organizationName: null, locale: null }
  }
  const facilitator = await user('facilitator')
  const commission = await user('commission')

  const demo = generateDemoTestimonies({ count: 720, seed: 7 })
  const redacted = demo.map((t) => redact(t.text).redacted)
  const batch = 2_000
  for (let offset = 0; offset < N; offset += batch) {
    const rows = []
    for (let i = offset; i < Math.min(N, offset + batch); i++) {
      const t = demo[i % demo.length]!
      rows.push({
        receipt_code: `R${i.toString(36).toUpperCase().padStart(8, '0')}`,
        // One in ten came through an intake link with no organization.
        organization_id: i % 10 === 0 ? null : orgs[i % 3]!.id,
        text_redacted: redacted[i % demo.length]!,
        language: t.lang,
        incident_month: t.incidentMonth,
        area: t.area,
        setting: t.setting,
        agencies: t.agencies,
        consent_quote: t.consentQuote,
        status: i % 20 === 0 ? 'pending' : 'accepted',
        created_at: new Date(Date.UTC(2025, 5, 1) + i * 60_000),
      })
    }
    await db.insertInto('submissions').values(rows).execute()
  }
  // Themes over the whole set: each submission in two of twelve themes (about 16,700 members each).
  const themeIds: string[] = []
  for (let k = 0; k < THEMES; k++) {
    const theme = await db.insertInto('themes').values({ title: `Bench theme ${k + 1}`, summary: `What theme ${k + 1} is about.`, created_by: facilitator.id }).returning('id').executeTakeFirstOrThrow()
    themeIds.push(theme.id)
    await sql`
      insert into theme_members (theme_id, submission_id)
      select ${theme.id}, id from (select id, row_number() over (order by receipt_code) as rn from submissions) s
      where s.rn % ${THEMES} in (${k}, ${(k + 1) % THEMES})
    `.execute(db)
    await sql`
      insert into theme_quotes (theme_id, submission_id, position)
      select ${theme.id}, tm.submission_id, row_number() over () from theme_members tm join submissions s on s.id = tm.submission_id
      where tm.theme_id = ${theme.id} and s.consent_quote and s.status = 'accepted' limit 3
    `.execute(db)
  }
  await sql`analyze`.execute(db)
  const members = await db.selectFrom('theme_members').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  console.log(`seeded ${N.toLocaleString()} submissions, ${THEMES} themes, ${members.n.toLocaleString()} memberships in ${((performance.now() - started) / 1000).toFixed(1)} s`)

  const as = (u: SessionUser) => createCaller(createInnerContext({ db, env, user: u, csrfVerified: true }))
  const { id } = await as(facilitator).report.create({ title: 'Bench report', periodStart: '2025-06', periodEnd: '2026-10' })
  for (const themeId of themeIds.slice(0, REPORT_THEMES)) await as(facilitator).report.addTheme({ id, themeId })
  for (const [i, themeId] of themeIds.slice(0, 4).entries()) {
    await as(commission).guidance.create({ textEn: `Bench guidance number ${i + 1} for the officers.`, status: 'published', decidedOn: '2026-01-15', themeIds: [themeId] })
  }

  const publish = await measure(PUBLISH_RUNS, () => as(facilitator).report.publish({ id }))
  let size = 0
  const open = await measure(OPEN_RUNS, async () => {
    size = JSON.stringify(await as(commission).report.view({ id })).length
  })
  const openOld = await measure(OPEN_RUNS, () => as(commission).report.view({ id, version: 1 }))
  const pdf = await measure(5, () => as(commission).report.exportPdf({ id, version: PUBLISH_RUNS, locale: 'en' }))
  const csv = await measure(5, () => as(commission).report.exportCsv({ id, version: PUBLISH_RUNS, locale: 'en' }))
  const publicPage = await measure(5, () => createCaller(createInnerContext({ db, env })).publicPage.list())
  const draft = await measure(3, () => as(facilitator).report.draft({ id }))

  console.log(`\nreport: ${REPORT_THEMES} themes, 17 months, ${N.toLocaleString()} submissions (${(size / 1024).toFixed(0)} KB as the page receives it)`)
  console.log('                                       wall median   wall worst   CPU median   runs')
  const line = (name: string, x: Runs) => console.log(`${name.padEnd(38)} ${ms(median(x.wall))}    ${ms(worst(x.wall))}    ${ms(median(x.cpu))} ${String(x.wall.length).padStart(6)}`)
  line('publish a version (build + freeze)', publish)
  line('open the latest version (+ changes)', open)
  line('open version 1', openOld)
  line('PDF export', pdf)
  line('CSV export', csv)
  line('public page', publicPage)
  line('builder (live exact counts)', draft)
  console.log(`\nload average after: ${load()}`)
  await db.destroy()
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
