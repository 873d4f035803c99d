/**
 * npm run check:faults [-- --rows 50000 --lease 10 --only import,run,restart]
 *
 * Crash checks on the production server against a real PostgreSQL on loopback
 * (DATABASE_URL's server, or PostgreSQL 15 started in a temp folder):
 *  import   kill -9 the server while it saves a CSV import (uploaded and committed
 *           over HTTP as a facilitator): after a restart nothing of it is stored,
 *           and the same upload commits in full.
 *  run      kill -9 the server during a clustering run: after a restart the run is
 *           resumed and finishes; killed again in its last attempt, it is marked
 *           failed ("interrupted"). Never left running.
 *  restart  restart PostgreSQL (pg_ctl restart -m fast) while the app serves:
 *           requests fail for a moment at most and then succeed, the app process
 *           lives on, and its job worker still runs jobs. Needs a server this
 *           script started (no DATABASE_URL).
 * Prints each check's outcome and timings; exit 1 on any failure.
 * See docs/decisions/090-load-faults-scale-out.md.
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { createDb, type Db } from '../db/client'
import { onCleanup, runScript } from './load/cleanup'
import { CSV_MAPPING, testimonyCsv } from './load/fixtures'
import { Client } from './load/http'
import { scratchDatabase, usePostgres, type PgServer } from './load/postgres'
import { deploymentSecrets, ensureBuild, sleep, startApp, type AppProcess } from './load/processes'

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    lease: { type: 'string', default: '10' },
    only: { type: 'string', default: 'import,run,restart' },
  },
})
const rowCount = Number(values.rows)
const leaseSeconds = Number(values.lease)
const only = new Set(values.only.split(','))

const FACILITATOR = { email: 'facilitator@voces.demo', password: 'demo-facilitator-2026' }

type Outcome = { check: string; ok: boolean; detail: string }
const outcomes: Outcome[] = []
function report(check: string, ok: boolean, detail: string) {
  outcomes.push({ check, ok, detail })
  console.log(`  ${ok ? 'PASS' : 'FAIL'} ${check}: ${detail}`)
}
const since = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`

/** The app as one deployment: same database and secrets on every (re)start. */
class Deployment {
  app!: AppProcess
  starts = 0
  constructor(
    readonly databaseUrl: string,
    readonly secrets: Record<string, string>,
  ) {}
  async start() {
    this.starts++
    const t0 = performance.now()
    this.app = await startApp({ name: `app-start${this.starts}`, databaseUrl: this.databaseUrl, secrets: this.secrets, env: { VOCES_JOB_LEASE_SECONDS: String(leaseSeconds) } })
    console.log(`    server up (pid ${this.app.pid}) in ${since(t0)}`)
    return this.app
  }
  async client() {
    const client = new Client(this.app.url)
    await client.login(FACILITATOR.email, FACILITATOR.password)
    return client
  }
}

async function countSubmissions(db: Db, organizationId: string) {
  const row = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', organizationId).executeTakeFirstOrThrow()
  return row.n
}

async function checkImport(deployment: Deployment, db: Db, organizationId: string) {
  console.log(`\n[import] ${rowCount.toLocaleString('en-US')}-row CSV, kill -9 while saving`)
  const csv = testimonyCsv(rowCount)
  const before = await countSubmissions(db, organizationId)
  let client = await deployment.client()
  await client.get('/import')
  const t0 = performance.now()
  const uploaded = await client.postMultipart('/import', { organizationId }, { field: 'file', name: 'faults.csv', type: 'text/csv', content: csv }, { timeoutMs: 300_000 })
  const id = /^\/import\/([A-Za-z0-9_-]+)$/.exec(String(uploaded.headers.location ?? ''))?.[1]
  if (uploaded.status !== 302 || !id) return report('import: upload', false, `status ${uploaded.status} ${uploaded.body.slice(0, 200)}`)
  const preview = await client.get(`/import/${id}`, { timeoutMs: 300_000 })
  console.log(`    uploaded ${(csv.length / 1024 / 1024).toFixed(1)} MB and previewed (${preview.status}) in ${since(t0)}`)

  // Commit, and watch the status route as the page does; kill once rows are being saved.
  const t1 = performance.now()
  const commit = client.post(`/import/${id}`, CSV_MAPPING, { timeoutMs: 900_000 }).then(
    (reply) => ({ reply, error: null }),
    (error: Error) => ({ reply: null, error }),
  )
  const poller = new Client(client.base)
  for (const [k, v] of client.cookies) poller.cookies.set(k, v)
  let status: { state: string; phase?: string; done: number; total: number } = { state: 'idle', done: 0, total: 0 }
  let preparedAt: number | null = null
  for (;;) {
    status = JSON.parse((await poller.get(`/import/${id}/status`)).body)
    if (status.phase === 'saving' || status.state === 'done' || status.state === 'failed') break
    await sleep(50)
  }
  preparedAt = performance.now()
  // The page says "saving": kill as soon as the commit's transaction has written rows (seen from PostgreSQL).
  let writing: { query: string } | undefined
  for (let i = 0; i < 2000 && status.state === 'running' && !writing; i++) {
    const { rows } = await sql<{ query: string }>`
      select query from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid() and backend_xid is not null
        and (query ilike '%insert into submissions%' or query ilike '%insert into submission_signatures%')`.execute(db)
    writing = rows[0]
    if (!writing) await sleep(10)
  }
  if (status.state !== 'running' || !writing) return report('import: kill during saving', false, `the commit ended (${status.state}) before it could be killed`)
  await deployment.app.kill9()
  console.log(`    preparing took ${((preparedAt - t1) / 1000).toFixed(1)} s; killed (SIGKILL) at ${since(t1)}, inside the commit's open transaction (${writing.query.trim().split('\n')[0]!.trim()} …)`)
  const cut = await commit
  const during = await countSubmissions(db, organizationId)
  await deployment.start()
  const after = await countSubmissions(db, organizationId)
  report('import: nothing stored after kill -9', during === before && after === before, `submissions of the organization: ${before} before, ${during} right after the kill, ${after} after the restart (the commit request got: ${cut.error?.message ?? cut.reply?.status})`)

  // The upload is still there (it is deleted only in the commit's transaction): commit it again.
  client = await deployment.client()
  const t2 = performance.now()
  const again = await client.post(`/import/${id}`, CSV_MAPPING, { timeoutMs: 900_000 })
  const final = await countSubmissions(db, organizationId)
  const audits = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).where('action', '=', 'import.commit').where('target_id', '=', organizationId).executeTakeFirstOrThrow()
  const gone = (await sql`select id from imports where id = ${id}`.execute(db)).rows.length === 0
  report(
    'import: the same upload commits in full after the restart',
    again.status === 302 && final === before + rowCount && audits.n === 1 && gone,
    `commit again: ${again.status} ${again.headers.location ?? ''}${again.status === 302 ? '' : ` (${pageMessage(again.body)})`} in ${since(t2)}; submissions ${final} = ${before} + ${rowCount}: ${final === before + rowCount}; import.commit audit entries: ${audits.n}; upload deleted: ${gone}`,
  )
}

async function startRun(client: Client, name: string, organizationId: string): Promise<string | null> {
  await client.get('/workspace/runs')
  const reply = await client.post('/workspace/runs', { name, seed: '7', 'filter.organizationId': organizationId })
  return /^\/workspace\/runs\/([0-9a-f-]{36})$/.exec(String(reply.headers.location ?? ''))?.[1] ?? null
}

async function jobOf(db: Db, runId: string) {
  return db
    .selectFrom('clustering_runs as r')
    .innerJoin('jobs as j', 'j.id', 'r.job_id')
    .select(['j.id', 'j.status', 'j.attempts', 'j.max_attempts', 'j.phase', 'j.progress', 'j.error', 'j.locked_by', 'r.document_count'])
    .where('r.id', '=', runId)
    .executeTakeFirstOrThrow()
}

/** Waits until the job is running with some progress in the given attempt; null if it ended first. */
async function waitRunning(db: Db, runId: string, attempt: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = await jobOf(db, runId)
    if (job.status === 'running' && job.attempts === attempt && job.progress > 0) return job
    if (job.status !== 'running' && job.status !== 'queued') return null
    if (Date.now() > deadline) return null
    await sleep(20)
  }
}

async function waitEnded(db: Db, runId: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = await jobOf(db, runId)
    if (job.status !== 'running' && job.status !== 'queued') return job
    if (Date.now() > deadline) return job
    await sleep(250)
  }
}

async function checkRun(deployment: Deployment, db: Db, organizationId: string) {
  console.log(`\n[run] clustering run, kill -9 while it runs (job lease ${leaseSeconds} s)`)
  let client = await deployment.client()
  const runId = await startRun(client, 'Crash check: resumed', organizationId)
  if (!runId) return report('run: start', false, 'the run form did not redirect to a run')
  const t0 = performance.now()
  const running = await waitRunning(db, runId, 1, 120_000)
  if (!running) return report('run: kill during the run', false, `the job ended before it could be killed: ${JSON.stringify(await jobOf(db, runId))}`)
  await deployment.app.kill9()
  console.log(`    killed at ${since(t0)} in phase "${running.phase}" (${Math.round(running.progress * 100)} %)`)
  const t1 = performance.now()
  await deployment.start()
  const ended = await waitEnded(db, runId, (leaseSeconds + 180) * 1000)
  const clusters = await db.selectFrom('run_clusters').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size').as('members')]).where('run_id', '=', runId).executeTakeFirstOrThrow()
  const members = await db.selectFrom('run_members').select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.count<number>('submission_id').distinct().as('distinct')]).where('run_id', '=', runId).executeTakeFirstOrThrow()
  report(
    'run: resumed after kill -9 and finished once',
    ended.status === 'succeeded' && ended.attempts === 2 && members.n === members.distinct && members.n === ended.document_count,
    `job ${ended.status} after attempt ${ended.attempts}, ${since(t1)} after the restart; ${clusters.n} clusters, ${members.n} members (${members.distinct} distinct) of ${ended.document_count} documents`,
  )

  client = await deployment.client()
  const lastId = await startRun(client, 'Crash check: failed', organizationId)
  if (!lastId) return report('run: start', false, 'the run form did not redirect to a run')
  const first = await waitRunning(db, lastId, 1, 120_000)
  if (!first) return report('run: kill in every attempt', false, 'the job ended before it could be killed')
  await deployment.app.kill9()
  await deployment.start()
  const second = await waitRunning(db, lastId, 2, (leaseSeconds + 120) * 1000)
  if (!second) return report('run: kill in every attempt', false, `the second attempt ended before it could be killed: ${JSON.stringify(await jobOf(db, lastId))}`)
  await deployment.app.kill9()
  console.log(`    killed in attempt 1 and again in attempt 2 ("${second.phase}")`)
  const t2 = performance.now()
  await deployment.start()
  const failed = await waitEnded(db, lastId, (leaseSeconds + 60) * 1000)
  client = await deployment.client()
  const page = await client.get(`/workspace/runs/${lastId}`)
  report(
    'run: killed in its last attempt, marked failed',
    failed.status === 'failed' && failed.error === 'interrupted' && page.status === 200,
    `job ${failed.status} ("${failed.error}") ${since(t2)} after the restart; run page ${page.status}`,
  )
}

async function checkRestart(server: PgServer, deployment: Deployment, db: Db, organizationId: string) {
  console.log('\n[restart] pg_ctl restart -m fast while the app serves')
  if (!server.owned) {
    console.log('  SKIP restart: needs a PostgreSQL this script started (run without DATABASE_URL)')
    return
  }
  const client = await deployment.client()
  const pid = deployment.app.pid
  const probes: { at: number; ok: boolean; what: string; status: number }[] = []
  let probing = true
  const t0 = performance.now()
  const probe = async (what: string, path: string) => {
    while (probing) {
      const at = performance.now() - t0
      try {
        const reply = await client.get(path, { timeoutMs: 10_000 })
        probes.push({ at, ok: reply.status === 200, what, status: reply.status })
      } catch {
        probes.push({ at, ok: false, what, status: 0 })
      }
      await sleep(50)
    }
  }
  const loops = [probe('healthz', '/healthz'), probe('workspace', '/workspace?status=accepted'), probe('workspace', '/workspace?q=ICE')]
  await sleep(1500)
  const restartAt = performance.now() - t0
  await server.restart()
  const backAt = performance.now() - t0
  // Keep probing until everything has succeeded for 3 s in a row (at most 60 s).
  const deadline = performance.now() + 60_000
  for (;;) {
    await sleep(250)
    const last = probes.filter((p) => p.at > performance.now() - t0 - 3000)
    if (performance.now() - t0 > backAt + 3000 && last.length > 0 && last.every((p) => p.ok)) break
    if (performance.now() > deadline) break
  }
  probing = false
  await Promise.all(loops)
  const failures = probes.filter((p) => !p.ok)
  const lastFailure = failures.at(-1)?.at ?? restartAt
  const recovered = probes.filter((p) => p.at > lastFailure).length > 0 && probes.slice(-5).every((p) => p.ok)
  const alive = deployment.app.child.exitCode === null && deployment.app.child.signalCode === null
  report(
    'restart: requests recover without restarting the app',
    recovered && alive && deployment.app.pid === pid,
    `PostgreSQL down and up in ${((backAt - restartAt) / 1000).toFixed(1)} s; ${failures.length} of ${probes.length} requests failed (statuses ${[...new Set(failures.map((f) => f.status))].join(', ') || 'none'}), the last ${((lastFailure - restartAt) / 1000).toFixed(1)} s after the restart began; app pid ${deployment.app.pid} ${alive ? 'still running' : 'EXITED'}`,
  )
  // The job worker survived too: a new run is claimed and finishes.
  const runId = await startRun(client, 'Crash check: after the database restart', organizationId)
  const ended = runId ? await waitEnded(db, runId, 180_000) : null
  report('restart: background jobs still run', ended?.status === 'succeeded', `a clustering run started after the restart: ${ended?.status ?? 'not started'}`)
}

runScript(async () => {
  console.log(`check:faults — load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  ensureBuild()
  const server = await usePostgres()
  console.log(`database: ${server.describe}`)
  const databaseUrl = await scratchDatabase(server, 'voces_faults')
  const deployment = new Deployment(databaseUrl, deploymentSecrets())
  await deployment.start()
  const db = createDb({ databaseUrl, dataDir: 'memory://unused' })
  onCleanup('check db handle', () => db.destroy())
  const orgs = await db.selectFrom('organizations').select(['id', 'name']).orderBy('name').execute()
  if (orgs.length < 2) throw new Error('expected the two demo organizations')
  const [importOrg, runOrg] = [orgs[0]!.id, orgs[1]!.id]
  const started = performance.now()
  if (only.has('import')) await checkImport(deployment, db, importOrg)
  if (only.has('run')) await checkRun(deployment, db, runOrg)
  if (only.has('restart')) await checkRestart(server, deployment, db, runOrg)
  const failed = outcomes.filter((o) => !o.ok)
  console.log(`\n${outcomes.length - failed.length} of ${outcomes.length} checks passed in ${since(started)}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  if (failed.length > 0) {
    console.log(`FAILED: ${failed.map((f) => f.check).join('; ')}`)
    console.log(deployment.app.output().split('\n').slice(-40).join('\n'))
  }
  return failed.length > 0 ? 1 : 0
})

/** The message of a refused form's page (its alert region), to say why in the check's output. */
function pageMessage(body: string): string {
  const match = /role="alert"[^>]*>([\s\S]*?)<\/(?:div|p|ul|section)>/.exec(body)
  return (match?.[1] ?? body.slice(0, 200)).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 200)
}
