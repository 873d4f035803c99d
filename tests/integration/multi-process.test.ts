/**
 * What several app processes on one database, and a database that goes away,
 * need from the code (docs/decisions/090-load-faults-scale-out.md). On PostgreSQL
 * (TEST_DATABASE_URL) the "second process" is a second connection pool; on PGlite
 * both share the one connection, which still proves the SQL's own guarantees.
 * The whole-system checks (two servers behind nginx, kill -9, restarting
 * PostgreSQL) are `npm run check:scale` and `npm run check:faults`.
 */
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createDb, type Db } from '../../db/client'
import { claimJob, enqueueJob, isConnectionError, runClaimedJob, startJobWorker, type JobHandler } from '../../server/jobs/queue'
import { hitRateLimit } from '../../server/repositories/rate-limit'
import { findImportProgress, saveImportProgress } from '../../server/repositories/import'
import { importStatus } from '../../server/services/import'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let other: Db
let kind: 'pglite' | 'postgres'
let close: () => Promise<void>

beforeAll(async () => {
  const test = await createTestDb()
  ;({ db, close, kind } = test)
  other = test.url ? createDb({ databaseUrl: test.url, dataDir: '' }) : db
})
afterAll(async () => {
  if (other !== db) await other.destroy()
  await close()
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('two processes on one database', () => {
  it('run each queued job exactly once, whichever worker takes it', { timeout: 60_000 }, async () => {
    const ids = await Promise.all(Array.from({ length: 24 }, (_, n) => enqueueJob(db, { kind: 'once', payload: { n } })))
    const runs: { id: string; worker: string }[] = []
    const handler =
      (worker: string): JobHandler =>
      async (ctx) => {
        runs.push({ id: ctx.job.id, worker })
        await ctx.progress('working', 0.5)
        await sleep(5)
      }
    const a = startJobWorker(db, { once: handler('a') }, { workerId: 'process-a', pollMs: 50 })
    const b = startJobWorker(other, { once: handler('b') }, { workerId: 'process-b', pollMs: 50 })
    const deadline = Date.now() + 50_000
    while (Date.now() < deadline) {
      const left = await db.selectFrom('jobs').select('id').where('kind', '=', 'once').where('status', '<>', 'succeeded').limit(1).executeTakeFirst()
      if (!left) break
      await sleep(50)
    }
    await Promise.all([a.stop(), b.stop()])
    expect(runs.map((r) => r.id).sort()).toEqual([...ids].sort())
    const rows = await db.selectFrom('jobs').select(['status', 'attempts']).where('kind', '=', 'once').execute()
    expect(rows.every((r) => r.status === 'succeeded' && r.attempts === 1)).toBe(true)
  })

  it('count rate-limit hits together (one atomic upsert per hit)', async () => {
    const now = new Date()
    const counts = await Promise.all(Array.from({ length: 40 }, (_, i) => hitRateLimit(i % 2 ? db : other, 'test:shared', now, 60_000)))
    expect(Math.max(...counts)).toBe(40)
    expect(new Set(counts).size).toBe(40) // every hit saw a different count: none lost, none doubled
  })
})

describe('CSV import progress across processes', () => {
  it('a commit copies its progress to the upload, where another process reads it (until it is stale)', { timeout: 120_000 }, async () => {
    const org = await makeOrganization(db)
    const user = await makeUser(db, 'submitter', org.id)
    const caller = callerFor(db, env, user)
    // Prepared in process, 200 rows between two yields: the reads of the other connection get their turns in between.
    const rows = Array.from({ length: 1500 }, (_, i) => `Agents stopped people at the bus stop on the corner number ${i}.,2025-07`)
    const { id } = await caller.import.upload({ fileName: 'progress.csv', content: new TextEncoder().encode(`Testimony,Month\n${rows.join('\n')}\n`) })
    const seen: unknown[] = []
    let committing = true
    const watching = (async () => {
      while (committing) {
        const stored = await findImportProgress(other, { id, userId: user.id })
        if (stored) seen.push(stored)
        await sleep(5)
      }
    })()
    const result = await caller.import.commit({ id, mapping: { text: 0, incidentMonth: 1 } })
    committing = false
    await watching
    expect(result.count).toBe(1500)
    expect(seen).toContainEqual(expect.objectContaining({ userId: user.id, state: 'running', total: 1500 }))

    // What another process answers from a stored copy: this one has nothing in memory for the id.
    const other2 = await caller.import.upload({ fileName: 'elsewhere.csv', content: new TextEncoder().encode('Testimony\nsome text\n') })
    await saveImportProgress(db, other2.id, { userId: user.id, state: 'running', prepared: 50, saved: 0, total: 100, count: 0, updatedAt: Date.now() })
    expect(await importStatus(other, user, other2.id)).toMatchObject({ state: 'running', phase: 'preparing', percent: 25, done: 50, total: 100 })
    expect(await importStatus(other, { id: '00000000-0000-4000-8000-000000000000' }, other2.id)).toMatchObject({ state: 'idle' })
    await saveImportProgress(db, other2.id, { userId: user.id, state: 'running', prepared: 50, saved: 0, total: 100, count: 0, updatedAt: Date.now() - 10 * 60_000 })
    expect(await importStatus(other, user, other2.id)).toMatchObject({ state: 'idle' }) // its process died long ago
  })
})

describe('losing the database', () => {
  it('tells connection errors from job errors', () => {
    expect(isConnectionError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true)
    expect(isConnectionError(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))).toBe(true)
    expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true)
    expect(isConnectionError(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isConnectionError(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false)
    expect(isConnectionError(new Error('no documents match the filter'))).toBe(false)
  })

  it('a job that lost its connection is left to its lease and resumed, not failed', async () => {
    const id = await enqueueJob(db, { kind: 'lost', maxAttempts: 2 })
    const job = await claimJob(db, ['lost'], 'w1')
    const status = await runClaimedJob(db, job!, async () => {
      throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' })
    }, { workerId: 'w1' })
    expect(status).toBe('running')
    expect(await db.selectFrom('jobs').select(['status', 'error', 'locked_by']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({ status: 'running', error: null, locked_by: 'w1' })
    await db.updateTable('jobs').set({ lease_until: sql`now() - interval '1 second'` }).where('id', '=', id).execute()
    expect(await claimJob(other, ['lost'], 'w2')).toMatchObject({ id, attempts: 2, locked_by: 'w2' })
  })

  it('a worker whose job cannot even record its outcome keeps polling', async () => {
    let calls = 0
    // Once the job has run, every UPDATE fails as if the database had gone (its "finished" record too).
    const lost = () => Promise.reject(new Error('Connection terminated unexpectedly'))
    const failing: unknown = new Proxy(() => {}, { get: (_target, prop) => (prop === 'then' ? undefined : String(prop).startsWith('execute') ? lost : () => failing) })
    const broken = new Proxy(db, {
      get(target, prop) {
        if (prop === 'updateTable' && calls > 0) return () => failing
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    await enqueueJob(db, { kind: 'unrecorded' })
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const worker = startJobWorker(broken, {
      unrecorded: async () => {
        calls++
        throw new Error('a real job error, recorded as failed')
      },
    }, { workerId: 'w-broken', pollMs: 60_000 })
    for (let i = 0; i < 100 && calls === 0; i++) await sleep(20)
    await worker.idle()
    expect(calls).toBe(1)
    expect(logged.mock.calls.some(([message]) => String(message).includes('could not record its outcome'))).toBe(true)
    // No unhandled rejection reached the process (vitest would fail the run), and the worker still polls.
    logged.mockClear()
    worker.wake()
    await worker.idle()
    expect(logged.mock.calls.some(([message]) => String(message).includes('job queue poll failed'))).toBe(true)
    await worker.stop()
    logged.mockRestore()
  })

  it.skipIf(!process.env.TEST_DATABASE_URL)('a connection killed inside a transaction does not crash the process, and the pool reconnects', async () => {
    const result = db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx)
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(other)
      // The server closes the socket while this client is checked out and idle: its 'error' event.
      await sleep(300)
      await sql`select 1`.execute(trx)
    })
    await expect(result).rejects.toThrow()
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(db)
    expect(rows[0]!.one).toBe(1)
    expect(kind).toBe('postgres')
  })
})
