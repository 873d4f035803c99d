/**
 * npm run bench:load [-- --duration 60 --connections 50 --facilitators 4 --processes 1,2]
 *
 * Load on the production server against a real PostgreSQL on loopback
 * (DATABASE_URL's server, or PostgreSQL 15 started in a temp folder):
 * `--connections` anonymous people submitting testimony through intake links
 * (each loads the form, then posts it with its CSRF token, as a browser without
 * JavaScript does), while `--facilitators` signed-in facilitators browse the
 * workspace list with filters and open submissions. Once with one app process,
 * once with two behind nginx (round-robin, no sticky sessions).
 *
 * Reports requests/s, p50/p95/p99 latency, errors (any status other than 2xx/3xx,
 * any failed request, any post without a receipt: must be 0), submissions/s, and
 * checks that the stored submissions equal the confirmed receipts: each person
 * finishes the request in flight when time is up, so nothing is cut off. Then
 * pgbench inserts rows of the same size into a scratch table on the same server,
 * as PostgreSQL's own insert rate to compare with. Exit 1 on any error or mismatch.
 *
 * The full run is `--duration 60 --connections 50`; the default is shorter.
 * See docs/decisions/090-load-faults-scale-out.md.
 */
import http from 'node:http'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { createDb } from '../db/client'
import { generateDemoTestimonies, type DemoTestimony } from '../server/demo/testimonies'
import { createIntakeLink, RATE_LIMITS } from '../server/services/intake-link'
import { onCleanup, runScript } from './load/cleanup'
import { Client, percentile } from './load/http'
import { adminQuery, pgbench, scratchDatabase, usePostgres, type PgServer } from './load/postgres'
import { cpuSecondsOf, treeCpuSeconds } from './load/cpu'
import { deploymentSecrets, ensureBuild, findNginx, NGINX_MISSING, sleep, startApp, startNginx, type AppProcess, type Proxy } from './load/processes'

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    facilitators: { type: 'string', default: '4' },
    processes: { type: 'string', default: '1,2' },
    'pgbench-seconds': { type: 'string', default: '15' },
    strict: { type: 'boolean', default: false },
  },
})
const durationS = Number(values.duration)
const connections = Number(values.connections)
const facilitators = Number(values.facilitators)
const processCounts = values.processes.split(',').map(Number)
const pgbenchSeconds = Number(values['pgbench-seconds'])
if (![durationS, connections, facilitators, pgbenchSeconds].every((n) => Number.isFinite(n) && n >= 0) || processCounts.some((n) => !(n >= 1 && n <= 8))) {
  throw new Error('usage: npm run bench:load -- [--duration S] [--connections N] [--facilitators N] [--processes 1,2] [--pgbench-seconds S] [--strict]')
}

const FACILITATOR = { email: 'facilitator@voces.demo', password: 'demo-facilitator-2026' }
// An upper bound on the submission rate: enough links that none passes its limit at that rate.
const MAX_RATE = 500
const PER_LINK = Math.floor(RATE_LIMITS.perLink * 0.75)

type Kind = 'form' | 'submit' | 'browse'
type PhaseResult = {
  processes: number
  via: string
  seconds: number
  requests: number
  latencies: Record<Kind | 'all', number[]>
  errors: { kind: Kind; status: number; note: string }[]
  confirmed: number
  stored: number
  codesStored: number
  links: number
  loadBefore: number[]
  loadAfter: number[]
  /** CPU seconds during the measurement, by part; null where it cannot be read. */
  cpu: { apps: number; appChildren: number; postgres: number | null; nginx: number | null; generator: number }
}

const testimonies = generateDemoTestimonies({ count: 3000, seed: 9090 })
const meanTextBytes = Math.round(testimonies.reduce((sum, t) => sum + Buffer.byteLength(t.text) + Buffer.byteLength(t.cityResponse ?? '') + Buffer.byteLength(t.guidanceWanted ?? ''), 0) / testimonies.length)

function formFields(t: DemoTestimony, n: number): Record<string, string | string[]> {
  return {
    text: `${t.text} (${n})`,
    incidentMonth: t.incidentMonth,
    area: t.area,
    setting: t.setting,
    agencies: t.agencies,
    cityResponse: t.cityResponse ?? '',
    guidanceWanted: t.guidanceWanted ?? '',
    ...(t.consentQuote ? { consentQuote: 'on' } : {}),
    ...(t.consentContact ? { consentContact: 'on' } : {}),
    website: '', // the honeypot, left empty as people leave it
  }
}

/** A distinct client address per submission (the app sees it through X-Forwarded-For from loopback). */
const addressOf = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

async function runPhase(server: PgServer, processes: number): Promise<PhaseResult | null> {
  const nginx = findNginx()
  if (processes > 1 && !nginx) {
    console.log(`\n--- ${processes} processes: skipped: ${NGINX_MISSING}`)
    return null
  }
  console.log(`\n--- ${processes} app process${processes > 1 ? 'es' : ''}${nginx ? ' behind nginx' : ' (direct: nginx missing)'}`)
  const databaseUrl = await scratchDatabase(server, `voces_load_${processes}p`)
  const secrets = deploymentSecrets()
  const apps: AppProcess[] = []
  // One after the other: the first migrates and seeds the demo content.
  for (let i = 0; i < processes; i++) apps.push(await startApp({ name: `app${i + 1}`, databaseUrl, secrets }))
  let proxy: Proxy | null = null
  if (nginx) proxy = await startNginx(apps.map((a) => a.port))
  const base = proxy?.url ?? apps[0]!.url

  const db = createDb({ databaseUrl, dataDir: 'memory://unused' })
  onCleanup('bench db handle', () => db.destroy())
  // The seed queues a tag-model training job: let it finish so it does not run during the measurement.
  const idleBy = Date.now() + 180_000
  while ((await db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running']).limit(1).executeTakeFirst()) && Date.now() < idleBy) await sleep(500)
  const facilitator = await db.selectFrom('users').select('id').where('email', '=', FACILITATOR.email).executeTakeFirstOrThrow()
  const linkCount = Math.max(2, Math.ceil(((durationS + 5) * MAX_RATE) / PER_LINK))
  const links: string[] = []
  const linkIds: string[] = []
  for (let i = 0; i < linkCount + 1; i++) {
    const link = await createIntakeLink(db, facilitator.id, { name: `Load test session ${i}`, expiresInDays: 1 }, new Date())
    links.push(link.token)
    linkIds.push(link.id)
  }
  const warmLink = links.pop()!
  linkIds.pop()
  const submissionIds = (await db.selectFrom('submissions').select('id').orderBy('created_at', 'desc').limit(20).execute()).map((r) => r.id)
  const browseUrls = [
    '/workspace',
    '/workspace?status=pending',
    '/workspace?language=es&area=hollenbeck',
    '/workspace?q=ICE',
    '/workspace?setting=school&page=2',
    ...submissionIds.map((id) => `/workspace/submissions/${id}`),
  ]

  // Warm-up, not counted: a few of each request, so the first renders and JIT do not count.
  const warm = new Client(base)
  warm.clientAddress = '192.0.2.1'
  await warm.get(`/intake/${warmLink}`)
  const facilitatorClients: Client[] = []
  for (let i = 0; i < facilitators; i++) {
    const client = new Client(base)
    client.clientAddress = `192.0.2.${10 + i}`
    await client.login(FACILITATOR.email, FACILITATOR.password)
    facilitatorClients.push(client)
  }
  for (let i = 0; i < 5; i++) {
    await warm.post(`/intake/${warmLink}`, formFields(testimonies[i]!, -i))
    for (const url of browseUrls.slice(0, 6)) await facilitatorClients[0]?.get(url)
  }

  const agent = new http.Agent({ keepAlive: true })
  const latencies: PhaseResult['latencies'] = { form: [], submit: [], browse: [], all: [] }
  const errors: PhaseResult['errors'] = []
  const confirmed: string[] = []
  const record = (kind: Kind, ms: number, ok: boolean, status: number, note: string) => {
    latencies[kind].push(ms)
    latencies.all.push(ms)
    if (!ok) errors.push({ kind, status, note })
  }
  let counter = 0
  const cpuNow = () => ({
    apps: apps.reduce((sum, app) => sum + cpuSecondsOf(app.pid).own, 0),
    // Child processes: Apertium, when installed, translating new testimony in the background.
    appChildren: apps.reduce((sum, app) => sum + cpuSecondsOf(app.pid).descendants, 0),
    postgres: server.postmasterPid() === null ? null : treeCpuSeconds(server.postmasterPid()!),
    nginx: proxy ? treeCpuSeconds(proxy.pid) : null,
    generator: process.cpuUsage(),
  })
  const cpuBefore = cpuNow()
  const loadBefore = loadavg()
  const started = performance.now()
  const end = started + durationS * 1000

  const submitter = async () => {
    const client = new Client(base, agent)
    while (performance.now() < end) {
      const n = counter++
      const token = links[n % links.length]!
      client.clientAddress = addressOf(n)
      const t0 = performance.now()
      try {
        const form = await client.get(`/intake/${token}`)
        record('form', form.ms, form.status === 200 && client.cookieNamed('voces_csrf') !== null, form.status, form.status === 200 ? 'no CSRF cookie' : form.body.slice(0, 200))
        if (form.status !== 200) continue
        const reply = await client.post(`/intake/${token}`, formFields(testimonies[n % testimonies.length]!, n))
        const code = /data-testid="receipt-code">([0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3})</.exec(reply.body)?.[1]
        record('submit', reply.ms, reply.status === 200 && Boolean(code), reply.status, code ? '' : `no receipt: ${reply.body.replace(/\s+/g, ' ').slice(0, 200)}`)
        if (code) confirmed.push(code)
      } catch (error) {
        record('submit', performance.now() - t0, false, 0, error instanceof Error ? error.message : String(error))
      }
    }
  }
  const browser = async (client: Client, offset: number) => {
    let k = offset
    while (performance.now() < end) {
      const url = browseUrls[k++ % browseUrls.length]!
      const t0 = performance.now()
      try {
        const reply = await client.get(url)
        record('browse', reply.ms, reply.status >= 200 && reply.status < 400, reply.status, reply.status >= 400 ? `${url}: ${reply.body.slice(0, 200)}` : '')
      } catch (error) {
        record('browse', performance.now() - t0, false, 0, `${url}: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  for (const client of facilitatorClients) client.agent.destroy()
  const browsing = facilitatorClients.map((c, i) => {
    const client = new Client(base, agent, c.clientAddress)
    for (const [k, v] of c.cookies) client.cookies.set(k, v)
    return browser(client, i * 3)
  })
  await Promise.all([...Array.from({ length: connections }, submitter), ...browsing])
  const seconds = (performance.now() - started) / 1000
  const loadAfter = loadavg()
  const cpuAfter = cpuNow()
  const generatorCpu = process.cpuUsage(cpuBefore.generator)
  const cpu = {
    apps: cpuAfter.apps - cpuBefore.apps,
    appChildren: cpuAfter.appChildren - cpuBefore.appChildren,
    postgres: cpuAfter.postgres === null || cpuBefore.postgres === null ? null : cpuAfter.postgres - cpuBefore.postgres,
    nginx: cpuAfter.nginx === null || cpuBefore.nginx === null ? null : cpuAfter.nginx - cpuBefore.nginx,
    generator: (generatorCpu.user + generatorCpu.system) / 1e6,
  }
  agent.destroy()
  warm.agent.destroy()

  const stored = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where('intake_link_id', 'in', linkIds).executeTakeFirstOrThrow()
  const codesStored = await db.selectFrom('submissions').select((eb) => eb.fn.countAll<number>().as('n')).where(sql<boolean>`receipt_code = any(${confirmed})`).executeTakeFirstOrThrow()

  if (proxy) await proxy.stop()
  for (const app of apps) await app.stop()
  return {
    processes,
    via: proxy ? 'nginx' : 'direct',
    seconds,
    requests: latencies.all.length,
    latencies,
    errors,
    confirmed: confirmed.length,
    stored: stored.n,
    codesStored: codesStored.n,
    links: linkCount,
    loadBefore,
    loadAfter,
    cpu,
  }
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })

function printPhase(r: PhaseResult) {
  console.log(`  ${r.processes} process${r.processes > 1 ? 'es' : ''} (${r.via}), ${fmt(r.seconds, 1)} s, load average ${r.loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${r.loadAfter.map((l) => l.toFixed(2)).join(' ')}`)
  console.log('    requests        count     req/s   p50 ms   p95 ms   p99 ms   errors')
  for (const kind of ['all', 'submit', 'form', 'browse'] as const) {
    const sorted = [...r.latencies[kind]].sort((a, b) => a - b)
    const errs = kind === 'all' ? r.errors.length : r.errors.filter((e) => e.kind === kind).length
    const label = { all: 'all', submit: 'POST intake', form: 'GET intake form', browse: 'facilitator GET' }[kind]
    console.log(
      `    ${label.padEnd(15)} ${fmt(sorted.length).padStart(6)} ${fmt(sorted.length / r.seconds, 1).padStart(9)} ${fmt(percentile(sorted, 50), 1).padStart(8)} ${fmt(percentile(sorted, 95), 1).padStart(8)} ${fmt(percentile(sorted, 99), 1).padStart(8)} ${String(errs).padStart(8)}`,
    )
  }
  console.log(`    submissions confirmed: ${fmt(r.confirmed)} (${fmt(r.confirmed / r.seconds, 1)}/s over ${r.links} intake links); stored: ${fmt(r.stored)}; confirmed receipt codes found: ${fmt(r.codesStored)} → ${r.stored === r.confirmed && r.codesStored === r.confirmed ? 'equal' : 'MISMATCH'}`)
  for (const e of r.errors.slice(0, 5)) console.log(`    error: ${e.kind} ${e.status} ${e.note}`)
  const serverCpu = r.cpu.apps + r.cpu.appChildren + (r.cpu.postgres ?? 0) + (r.cpu.nginx ?? 0)
  const part = (label: string, value: number | null) => (value === null ? `${label} not measured` : `${label} ${fmt(value, 1)} s`)
  console.log(`    CPU during the run: ${part('app', r.cpu.apps)}, ${part('its child processes (Apertium translating in the background, when installed)', r.cpu.appChildren)}, ${part('PostgreSQL', r.cpu.postgres)}, ${part('nginx', r.cpu.nginx)}, ${part('load generator', r.cpu.generator)}`)
  if (r.confirmed > 0) {
    // Idle machine, CPU-bound: all cores for the server side, and each app process (one JavaScript thread) at most one.
    const estimate = Math.min((availableParallelism() * r.confirmed) / serverCpu, (r.processes * r.confirmed) / r.cpu.apps)
    console.log(`    server CPU per submission (its form, its post and its share of the browsing): ${fmt((serverCpu / r.confirmed) * 1000, 1)} ms, of which the app ${fmt((r.cpu.apps / r.confirmed) * 1000, 1)} ms → on ${availableParallelism()} idle cores, at most about ${fmt(estimate, 0)} submissions/s`)
  }
}

async function measurePgbench(server: PgServer): Promise<number | null> {
  if (pgbenchSeconds === 0) return null
  const url = await scratchDatabase(server, 'voces_pgbench')
  await adminQuery(url, 'create table load_scratch (id bigserial primary key, created_at timestamptz not null default now(), body text not null)')
  const dir = mkdtempSync(path.join(tmpdir(), 'voces-pgbench-'))
  onCleanup('pgbench script', () => rmSync(dir, { recursive: true, force: true }))
  const script = path.join(dir, 'insert.sql')
  // One insert of a row as large as a submission's texts, different each time.
  writeFileSync(script, `\\set n random(1, 1000000000)\ninsert into load_scratch (body) values (left(repeat(md5(:n::text), ${Math.ceil(meanTextBytes / 32)}), ${meanTextBytes}));\n`)
  const result = pgbench(url, script, { clients: connections, threads: 2, seconds: pgbenchSeconds })
  if (!result) {
    console.log('\npgbench: not found beside the PostgreSQL binaries; skipped')
    return null
  }
  return result.tps
}

runScript(async () => {
  console.log(`bench:load — ${connections} submitters and ${facilitators} facilitators for ${durationS} s; processes ${processCounts.join(', ')}; ${availableParallelism()} CPUs`)
  ensureBuild()
  const server = await usePostgres()
  console.log(`database: ${server.describe}`)
  const results: PhaseResult[] = []
  let skipped = 0
  for (const count of processCounts) {
    const result = await runPhase(server, count)
    if (result) {
      printPhase(result)
      results.push(result)
    } else skipped++
  }
  console.log(`\npgbench: ${connections} clients, 2 threads, ${pgbenchSeconds} s, one INSERT of ${meanTextBytes} bytes of text per transaction (the submissions' mean)`)
  const tps = await measurePgbench(server)

  console.log('\n=== summary')
  console.log('  processes   req/s   submissions/s   p50 ms   p95 ms   p99 ms   errors   stored = confirmed')
  for (const r of results) {
    const sorted = [...r.latencies.all].sort((a, b) => a - b)
    console.log(
      `  ${String(r.processes).padStart(9)} ${fmt(r.requests / r.seconds, 1).padStart(7)} ${fmt(r.confirmed / r.seconds, 1).padStart(15)} ${fmt(percentile(sorted, 50), 1).padStart(8)} ${fmt(percentile(sorted, 95), 1).padStart(8)} ${fmt(percentile(sorted, 99), 1).padStart(8)} ${String(r.errors.length).padStart(8)}   ${r.stored === r.confirmed && r.codesStored === r.confirmed ? 'yes' : 'NO'} (${r.stored}/${r.confirmed})`,
    )
  }
  if (tps !== null) {
    console.log(`  pgbench inserts/s: ${fmt(tps, 0)}`)
    for (const r of results) console.log(`  ${r.processes} process${r.processes > 1 ? 'es' : ''}: submissions/s are ${fmt(((r.confirmed / r.seconds) / tps) * 100, 1)} % of PostgreSQL's insert rate`)
  }
  const failed = results.some((r) => r.errors.length > 0 || r.stored !== r.confirmed || r.codesStored !== r.confirmed)
  if (failed) console.log('\nFAILED: errors, or stored submissions differ from confirmed receipts')
  if (skipped > 0 && values.strict) {
    console.log('\nFAILED (--strict): a process count was skipped')
    return 1
  }
  return failed ? 1 : 0
})
