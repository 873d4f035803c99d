/**
 * npm run check:scale [-- --runs 6 --strict]
 *
 * Two app processes on one PostgreSQL behind nginx on loopback (round-robin, no
 * sticky sessions), against DATABASE_URL's server or PostgreSQL 15 started in a
 * temp folder. Checks that:
 *  sessions   a sign-in made through one process works on the other, and so does
 *             signing out;
 *  login      the sixth sign-in to an account after five wrong passwords is refused,
 *             whichever processes the attempts reached;
 *  intake     the per-address intake limit counts submissions made to both processes;
 *  jobs       clustering runs started through the proxy each run once, in one of
 *             the two processes (job rows, the processes' logs, run results);
 *  retention  both processes purging at the same moment purge each original once
 *             (audit counts add up);
 *  import     a CSV commit's progress is visible from the other process.
 * Without nginx it says so and skips (exit 0; exit 1 with --strict).
 * See docs/decisions/090-load-faults-scale-out.md.
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { createDb, type Db } from '../db/client'
import { RATE_LIMITS, RATE_WINDOW_MS, createIntakeLink } from '../server/services/intake-link'
import { LOGIN_LIMITS } from '../server/services/auth'
import { onCleanup, runScript } from './load/cleanup'
import { CSV_MAPPING, testimonyCsv } from './load/fixtures'
import { Client } from './load/http'
import { scratchDatabase, usePostgres } from './load/postgres'
import { deploymentSecrets, ensureBuild, findNginx, NGINX_MISSING, sleep, startApp, startNginx, type AppProcess } from './load/processes'

const { values } = parseArgs({ options: { runs: { type: 'string', default: '6' }, 'import-rows': { type: 'string', default: '8000' }, strict: { type: 'boolean', default: false } } })
const runCount = Number(values.runs)
const importRows = Number(values['import-rows'])

const FACILITATOR = { email: 'facilitator@voces.demo', password: 'demo-facilitator-2026' }
const LOCKED_ACCOUNT = { email: 'commission@voces.demo', password: 'demo-commission-2026' }

type Outcome = { check: string; ok: boolean; detail: string }
const outcomes: Outcome[] = []
function report(check: string, ok: boolean, detail: string) {
  outcomes.push({ check, ok, detail })
  console.log(`  ${ok ? 'PASS' : 'FAIL'} ${check}: ${detail}`)
}

const signedIn = (status: number) => status === 200
const testimony = (text: string) => ({ text, agencies: [] as string[], website: '' })

async function checkSessions(proxy: string, apps: AppProcess[]) {
  const client = new Client(proxy)
  await client.login(FACILITATOR.email, FACILITATOR.password)
  const viaProxy = []
  for (let i = 0; i < 10; i++) viaProxy.push((await client.get('/workspace')).status)
  const direct = []
  for (const app of apps) {
    const other = new Client(app.url)
    for (const [k, v] of client.cookies) other.cookies.set(k, v)
    direct.push((await other.get('/workspace')).status)
  }
  report('sessions: a sign-in works on both processes', viaProxy.every(signedIn) && direct.every(signedIn), `10 pages through nginx: ${[...new Set(viaProxy)].join(', ')}; directly on each process: ${direct.join(', ')}`)

  // Signing out on the second process ends the session on the first.
  const second = new Client(apps[1]!.url)
  for (const [k, v] of client.cookies) second.cookies.set(k, v)
  const out = await second.post('/logout', {})
  const first = new Client(apps[0]!.url)
  first.cookies.set(...client.cookieNamed('voces_session')!)
  const after = await first.get('/workspace')
  report('sessions: signing out on one process ends it on the other', out.status === 302 && after.status === 302 && String(after.headers.location).startsWith('/login'), `sign-out on process 2: ${out.status}; then process 1: ${after.status} → ${after.headers.location}`)
}

async function checkLogin(apps: AppProcess[], db: Db) {
  const attempts: string[] = []
  for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
    const client = new Client(apps[i % 2]!.url, undefined, `198.51.100.${20 + i}`)
    await client.get('/login')
    const reply = await client.post('/login', { email: LOCKED_ACCOUNT.email, password: `wrong password ${i}` })
    attempts.push(`p${(i % 2) + 1}:${reply.status}`)
  }
  // Now the right password, on each process in turn: refused on both.
  const locked = []
  for (const [i, app] of apps.entries()) {
    const client = new Client(app.url, undefined, `198.51.100.${40 + i}`)
    await client.get('/login')
    const reply = await client.post('/login', { email: LOCKED_ACCOUNT.email, password: LOCKED_ACCOUNT.password })
    locked.push({ status: reply.status, session: client.cookieNamed('voces_session') !== null })
  }
  const audit = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'auth.login_locked').executeTakeFirstOrThrow()
  report(
    `login: after ${LOGIN_LIMITS.perAccount} wrong passwords on either process, the account is locked on both`,
    attempts.every((a) => a.endsWith(':400')) && locked.every((l) => l.status === 400 && !l.session) && Number(audit.n) === 1,
    `wrong passwords: ${attempts.join(' ')}; right password then: ${locked.map((l, i) => `p${i + 1}:${l.status}${l.session ? ' SIGNED IN' : ''}`).join(' ')}; auth.login_locked audit entries: ${audit.n} (one per lock)`,
  )
}

async function checkIntakeLimit(apps: AppProcess[], db: Db, facilitatorId: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    const window = Math.floor(Date.now() / RATE_WINDOW_MS)
    const link = await createIntakeLink(db, facilitatorId, { name: 'Scale-out check', expiresInDays: 1 }, new Date())
    const address = `203.0.113.${50 + attempt}`
    const results: string[] = []
    for (let i = 0; i <= RATE_LIMITS.perAddress + 1; i++) {
      const client = new Client(apps[i % 2]!.url, undefined, address)
      await client.get(`/intake/${link.token}`)
      const reply = await client.post(`/intake/${link.token}`, testimony(`Scale-out check testimony number ${i}: agents stopped people near the park.`))
      results.push(reply.status === 200 && reply.body.includes('data-testid="receipt-code"') ? 'ok' : String(reply.status))
    }
    if (Math.floor(Date.now() / RATE_WINDOW_MS) !== window) continue // a new window began meanwhile: once more
    const stored = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('intake_link_id', '=', link.id).executeTakeFirstOrThrow()
    const allowed = results.slice(0, RATE_LIMITS.perAddress)
    const refused = results.slice(RATE_LIMITS.perAddress)
    report(
      `intake: the per-address limit (${RATE_LIMITS.perAddress} per 10 min) counts both processes`,
      allowed.every((r) => r === 'ok') && refused.every((r) => r === '429') && stored.n === RATE_LIMITS.perAddress,
      `${RATE_LIMITS.perAddress} posts alternating between the processes: ${allowed.filter((r) => r === 'ok').length} receipts; then ${refused.join(', ')} on process ${RATE_LIMITS.perAddress % 2 + 1} and ${(RATE_LIMITS.perAddress + 1) % 2 + 1}; stored ${stored.n}`,
    )
    return
  }
}

async function checkJobs(proxy: string, apps: AppProcess[], db: Db, organizationId: string) {
  const client = new Client(proxy)
  await client.login(FACILITATOR.email, FACILITATOR.password)
  await client.get('/workspace/runs')
  const runIds: string[] = []
  for (let i = 0; i < runCount; i++) {
    const reply = await client.post('/workspace/runs', { name: `Scale-out run ${i + 1}`, seed: String(i + 1), k: '4', 'filter.organizationId': organizationId })
    const id = /^\/workspace\/runs\/([0-9a-f-]{36})$/.exec(String(reply.headers.location ?? ''))?.[1]
    if (!id) return report('jobs: start runs', false, `run ${i + 1}: ${reply.status}`)
    runIds.push(id)
  }
  const t0 = performance.now()
  const jobs = () => db.selectFrom('clustering_runs as r').innerJoin('jobs as j', 'j.id', 'r.job_id').select(['r.id as runId', 'j.id', 'j.status', 'j.attempts', 'r.document_count']).where('r.id', 'in', runIds).execute()
  let rows = await jobs()
  while (rows.some((r) => r.status === 'queued' || r.status === 'running') && performance.now() - t0 < 300_000) {
    await sleep(500)
    rows = await jobs()
  }
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  // Which process ran each job: its worker logs "job cluster-run <id>: succeeded".
  const ranBy = rows.map((r) => apps.map((app) => app.output().split('\n').filter((line) => line.includes(`job cluster-run ${r.id}: `)).length))
  const members = await db
    .selectFrom('run_members')
    .select(['run_id', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.count<number>('submission_id').distinct().as('distinct')])
    .where('run_id', 'in', runIds)
    .groupBy('run_id')
    .execute()
  const onceEach = ranBy.every((counts) => counts.reduce((a, b) => a + b, 0) === 1)
  const perProcess = apps.map((_, i) => ranBy.filter((counts) => counts[i] === 1).length)
  const resultsOnce = rows.every((r) => {
    const m = members.find((x) => x.run_id === r.runId)
    return m && m.n === m.distinct && m.n === r.document_count
  })
  const seedJobs = await db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'train-tag-model').execute()
  report(
    'jobs: each clustering run ran exactly once',
    rows.every((r) => r.status === 'succeeded' && r.attempts === 1) && onceEach && resultsOnce,
    `${runCount} runs started through nginx finished in ${seconds} s: ${rows.map((r) => `${r.status}/attempt ${r.attempts}`).filter((v, i, a) => a.indexOf(v) === i).join(', ')}; run by process 1: ${perProcess[0]}, process 2: ${perProcess[1]}; members once per run: ${resultsOnce}; the seed's training job: ${seedJobs.map((j) => `${j.status}/attempt ${j.attempts}`).join(', ')}`,
  )
}

async function checkRetention(apps: AppProcess[], restart: () => Promise<AppProcess[]>, db: Db) {
  const aged = await db
    .updateTable('submissions')
    .set({ created_at: sql`now() - interval '200 days'` })
    .where('id', 'in', (eb) => eb.selectFrom('submissions').select('id').where('text_original_enc', 'is not', null).orderBy('id').limit(40))
    .returning('id')
    .execute()
  // Both processes purge at start: start them at the same moment.
  for (const app of apps) await app.stop()
  const t0 = performance.now()
  const restarted = await restart()
  await sleep(2000)
  const purged = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', aged.map((a) => a.id)).where('text_original_enc', 'is', null).where('original_purged_at', 'is not', null).executeTakeFirstOrThrow()
  const audits = await db.selectFrom('audit_log').select(sql<number>`(details->>'count')::int`.as('count')).where('action', '=', 'retention.purge').execute()
  const counted = audits.reduce((sum, a) => sum + a.count, 0)
  const logged = restarted.map((app) => app.output().split('\n').find((line) => line.includes('retention: purged')) ?? '(purged nothing)')
  report(
    'retention: two processes purging at once purge and count each original once',
    purged.n === aged.length && counted === aged.length,
    `${aged.length} originals past retention; both processes restarted together in ${((performance.now() - t0) / 1000).toFixed(1)} s; purged ${purged.n}; audit entries ${audits.length} counting ${counted}; logs: ${logged.map((l, i) => `p${i + 1} ${l.replace(/^\[[^\]]+\] \[voces\] /, '')}`).join('; ')}`,
  )
  return restarted
}

async function checkImportProgress(apps: AppProcess[], db: Db, organizationId: string) {
  const committer = new Client(apps[0]!.url)
  await committer.login(FACILITATOR.email, FACILITATOR.password)
  await committer.get('/import')
  const uploaded = await committer.postMultipart('/import', { organizationId }, { field: 'file', name: 'scale.csv', type: 'text/csv', content: testimonyCsv(importRows, 77) }, { timeoutMs: 300_000 })
  const id = /^\/import\/([A-Za-z0-9_-]+)$/.exec(String(uploaded.headers.location ?? ''))?.[1]
  if (!id) return report('import: progress on the other process', false, `upload: ${uploaded.status}`)
  const commit = committer.post(`/import/${id}`, CSV_MAPPING, { timeoutMs: 900_000 })
  const watcher = new Client(apps[1]!.url)
  for (const [k, v] of committer.cookies) watcher.cookies.set(k, v)
  const seen: string[] = []
  let done = false
  void commit.finally(() => (done = true))
  while (!done) {
    const status = JSON.parse((await watcher.get(`/import/${id}/status`)).body) as { state: string; phase?: string; percent: number }
    const label = status.state === 'running' ? `${status.phase} ${status.percent}%` : status.state
    if (seen.at(-1) !== label) seen.push(label)
    await sleep(300)
  }
  const reply = await commit
  const progressed = seen.some((s) => /^(preparing|saving) \d+%$/.test(s) && !s.endsWith(' 0%'))
  report(
    'import: a commit on one process shows its progress on the other',
    reply.status === 302 && progressed,
    `commit of ${importRows.toLocaleString('en-US')} rows on process 1: ${reply.status}; status polled on process 2: ${seen.slice(0, 8).join(' → ')}${seen.length > 8 ? ' …' : ''}`,
  )
}

runScript(async () => {
  console.log(`check:scale — load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  if (!findNginx()) {
    console.log(`skipped: ${NGINX_MISSING}`)
    return values.strict ? 1 : 0
  }
  ensureBuild()
  const server = await usePostgres()
  console.log(`database: ${server.describe}`)
  const databaseUrl = await scratchDatabase(server, 'voces_scale')
  const secrets = deploymentSecrets()
  const start = (name: string, port?: number) => startApp({ name, databaseUrl, secrets, port, env: { VOCES_JOB_LEASE_SECONDS: '20' } })
  // The first migrates and seeds; the second starts on the ready database.
  let apps = [await start('p1'), await start('p2')]
  const proxy = await startNginx(apps.map((a) => a.port))
  console.log(`two processes (pids ${apps.map((a) => a.pid).join(', ')}) behind nginx at ${proxy.url}, round-robin, no sticky sessions`)
  const db = createDb({ databaseUrl, dataDir: 'memory://unused' })
  onCleanup('check db handle', () => db.destroy())
  const facilitator = await db.selectFrom('users').select('id').where('email', '=', FACILITATOR.email).executeTakeFirstOrThrow()
  const orgs = await db.selectFrom('organizations').select('id').orderBy('name').execute()
  const t0 = performance.now()

  await checkSessions(proxy.url, apps)
  await checkLogin(apps, db)
  await checkIntakeLimit(apps, db, facilitator.id)
  await checkJobs(proxy.url, apps, db, orgs[1]!.id)
  apps = await checkRetention(apps, () => Promise.all([start('p1-again', apps[0]!.port), start('p2-again', apps[1]!.port)]), db)
  await checkImportProgress(apps, db, orgs[0]!.id)

  const failed = outcomes.filter((o) => !o.ok)
  console.log(`\n${outcomes.length - failed.length} of ${outcomes.length} checks passed in ${((performance.now() - t0) / 1000).toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  if (failed.length > 0) console.log(`FAILED: ${failed.map((f) => f.check).join('; ')}`)
  return failed.length > 0 ? 1 : 0
})
