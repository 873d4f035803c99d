/**
 * A small job queue in the `jobs` table, shared by every app process on one
 * database (PGlite or PostgreSQL). See docs/decisions/060-workspace-data-model.md.
 *
 * - enqueueJob() inserts a queued job (inside the caller's transaction when given one).
 * - A worker claims the oldest runnable job with FOR UPDATE SKIP LOCKED, so two
 *   processes never take the same job, and holds a lease it renews while working.
 * - A job whose lease lapsed belonged to a process that died: it is claimed again
 *   (resumed from the start) while attempts remain, otherwise marked failed.
 *   Nothing is ever left "running" forever.
 * - Cancelling a queued job cancels it at once; a running one is asked to stop
 *   and stops at its next progress report.
 */
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { sql } from 'kysely'
import type { Db } from '../../db/client'
import type { Job, JobStatus } from '../../db/schema'

export const DEFAULT_LEASE_MS = 60_000

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled')
  }
}

export type JobContext = {
  job: Job
  /**
   * Reports the phase and a fraction 0…1, renews the lease, and throws
   * JobCancelled when someone asked to cancel. Cheap enough to call often:
   * it writes at most every `reportEveryMs` unless the phase changes.
   */
  progress(phase: string, fraction: number): Promise<void>
  /** Aborted when the job is cancelled or the worker stops. */
  signal: AbortSignal
}

export type JobHandler = (ctx: JobContext) => Promise<void>

// On globalThis, not module scope: in production the Remix bundle holds its own copy
// of this module (procedures enqueue there), while server/main.ts runs the workers.
const globalWakers = globalThis as typeof globalThis & { __vocesJobWakers?: Set<() => void> }
const wakers = (globalWakers.__vocesJobWakers ??= new Set<() => void>())

/**
 * Tells this process's workers to poll now. Call it after the transaction that
 * enqueued a job has committed; other processes find it at their next poll.
 */
export function wakeJobWorkers() {
  for (const wake of wakers) wake()
}

export async function enqueueJob(
  db: Db,
  job: { kind: string; payload?: Record<string, unknown>; createdBy?: string | null; maxAttempts?: number },
): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      created_by: job.createdBy ?? null,
      max_attempts: job.maxAttempts ?? 2,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Fails running jobs whose lease lapsed and have no attempts left. Returns how many. */
export async function failAbandonedJobs(db: Db): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'failed', error: 'interrupted', finished_at: sql`now()`, locked_by: null, lease_until: null })
    .where('status', '=', 'running')
    .where('lease_until', '<', sql<Date>`now()`)
    .where(sql<boolean>`attempts >= max_attempts`)
    .executeTakeFirst()
  // A job cancelled while its process was down stays cancelled.
  return Number(result.numUpdatedRows)
}

/**
 * Claims the oldest runnable job of the given kinds: queued, or running with a
 * lapsed lease and attempts left. Returns null when there is none.
 */
export async function claimJob(db: Db, kinds: readonly string[], workerId: string, leaseMs = DEFAULT_LEASE_MS): Promise<Job | null> {
  if (kinds.length === 0) return null
  await failAbandonedJobs(db)
  const claimed = await db.transaction().execute(async (trx) => {
    const candidate = await trx
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb('lease_until', '<', sql<Date>`now()`), eb(sql`attempts`, '<', sql`max_attempts`)]),
        ]),
      )
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst()
    if (!candidate) return null
    return trx
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: workerId,
        lease_until: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        attempts: sql`attempts + 1`,
        started_at: sql`coalesce(started_at, now())`,
        error: null,
      })
      .where('id', '=', candidate.id)
      .returningAll()
      .executeTakeFirstOrThrow()
  })
  return claimed ?? null
}

/** Asks a job to stop. Queued: cancelled now. Running: stops at its next progress report. */
export async function cancelJob(db: Db, id: string): Promise<JobStatus | null> {
  const queued = await db
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: sql`now()`, cancel_requested_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .returning('status')
    .executeTakeFirst()
  if (queued) return queued.status
  const running = await db
    .updateTable('jobs')
    .set({ cancel_requested_at: sql`coalesce(cancel_requested_at, now())` })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .returning('status')
    .executeTakeFirst()
  if (running) return running.status
  const row = await db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirst()
  return row?.status ?? null
}

async function finish(db: Db, id: string, workerId: string, status: JobStatus, error: string | null) {
  await db
    .updateTable('jobs')
    .set({
      status,
      error,
      finished_at: sql`now()`,
      locked_by: null,
      lease_until: null,
      ...(status === 'succeeded' ? { progress: 1 } : {}),
    })
    .where('id', '=', id)
    .where('locked_by', '=', workerId)
    .execute()
}

/**
 * An error from losing the database rather than from the job: the server shutting
 * down or refusing connections (SQLSTATE classes 08 and 57P), a closed socket.
 */
export function isConnectionError(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && (/^08/.test(code) || /^57P0[1-3]$/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code))) return true
  return typeof message === 'string' && /Connection terminated|connection ended|Client has encountered a connection error/i.test(message)
}

/**
 * Runs one claimed job to its end: succeeded, cancelled or failed. The handler's
 * work must be idempotent per attempt (a retried job starts again from the
 * beginning), e.g. by replacing its results in one transaction at the end.
 */
export async function runClaimedJob(
  db: Db,
  job: Job,
  handler: JobHandler,
  options: { workerId: string; leaseMs?: number; reportEveryMs?: number; signal?: AbortSignal },
): Promise<JobStatus> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const reportEveryMs = options.reportEveryMs ?? 500
  const abort = new AbortController()
  options.signal?.addEventListener('abort', () => abort.abort(), { once: true })
  let lastPhase: string | null = null
  let lastWrite = 0
  // Renew the lease even when the handler reports rarely (its heavy work runs off this thread).
  const renew = setInterval(() => {
    void db
      .updateTable('jobs')
      .set({ lease_until: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
      .where('id', '=', job.id)
      .where('locked_by', '=', options.workerId)
      .execute()
      .catch(() => {})
  }, Math.max(1000, Math.floor(leaseMs / 3)))
  renew.unref()

  const ctx: JobContext = {
    job,
    signal: abort.signal,
    async progress(phase, fraction) {
      const now = Date.now()
      if (phase === lastPhase && now - lastWrite < reportEveryMs && fraction < 1) {
        if (abort.signal.aborted) throw new JobCancelled()
        return
      }
      lastPhase = phase
      lastWrite = now
      const row = await db
        .updateTable('jobs')
        .set({
          phase,
          progress: Math.max(0, Math.min(1, fraction)),
          lease_until: sql`now() + ${`${leaseMs} milliseconds`}::interval`,
        })
        .where('id', '=', job.id)
        .where('locked_by', '=', options.workerId)
        .returning(['cancel_requested_at'])
        .executeTakeFirst()
      if (!row || row.cancel_requested_at) {
        abort.abort()
        throw new JobCancelled()
      }
      if (abort.signal.aborted) throw new JobCancelled()
    },
  }

  try {
    await handler(ctx)
    await finish(db, job.id, options.workerId, 'succeeded', null)
    return 'succeeded'
  } catch (error) {
    if (error instanceof JobCancelled || abort.signal.aborted) {
      const requested = await db.selectFrom('jobs').select('cancel_requested_at').where('id', '=', job.id).executeTakeFirst()
      if (requested?.cancel_requested_at) {
        await finish(db, job.id, options.workerId, 'cancelled', null)
        return 'cancelled'
      }
      // The worker is stopping: leave the job to be claimed again after its lease.
      return 'running'
    }
    if (isConnectionError(error)) {
      // The database went away (restart, failover), not the job: like a crash, the job is
      // claimed again when its lease lapses (or marked failed after its last attempt).
      console.error(`[voces] job ${job.kind} ${job.id} lost its database connection; it will be resumed after its lease:`, error instanceof Error ? error.message : error)
      return 'running'
    }
    const message = error instanceof Error ? error.message : String(error)
    console.error(`[voces] job ${job.kind} ${job.id} failed:`, error)
    await finish(db, job.id, options.workerId, 'failed', message.slice(0, 500))
    return 'failed'
  } finally {
    clearInterval(renew)
  }
}

/**
 * Polls for jobs of the kinds it has handlers for and runs them one at a time
 * (jobs are CPU-heavy; one per process leaves the web server responsive).
 * `wake()` polls now (call it after enqueueing). `stop()` stops polling and
 * aborts the running job, which another process will take over after its lease.
 */
export function startJobWorker(
  db: Db,
  handlers: Record<string, JobHandler>,
  options: { pollMs?: number; leaseMs?: number; workerId?: string; log?: (message: string) => void } = {},
) {
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  const pollMs = options.pollMs ?? 2000
  const kinds = Object.keys(handlers)
  const stopping = new AbortController()
  let busy: Promise<void> | null = null
  let again = false

  const drain = async () => {
    for (;;) {
      if (stopping.signal.aborted) return
      let job: Job | null
      try {
        job = await claimJob(db, kinds, workerId, options.leaseMs)
      } catch (error) {
        if (!stopping.signal.aborted) console.error('[voces] job queue poll failed; will retry:', error instanceof Error ? error.message : error)
        return
      }
      if (!job) return
      let status: JobStatus
      try {
        status = await runClaimedJob(db, job, handlers[job.kind]!, { workerId, leaseMs: options.leaseMs, signal: stopping.signal })
      } catch (error) {
        // Recording the outcome failed (the database is unreachable): the lease decides later.
        console.error(`[voces] job ${job.kind} ${job.id}: could not record its outcome; it will be resumed or failed after its lease:`, error instanceof Error ? error.message : error)
        return
      }
      options.log?.(`[voces] job ${job.kind} ${job.id}: ${status}`)
    }
  }
  const tick = () => {
    if (busy) {
      again = true
      return
    }
    // drain() handles its own errors; the catch is a last guard, as an unhandled rejection ends the process.
    busy = drain()
      .catch((error) => console.error('[voces] job worker:', error))
      .finally(() => {
        busy = null
        if (again && !stopping.signal.aborted) {
          again = false
          tick()
        }
      })
  }
  const timer = setInterval(tick, pollMs)
  timer.unref()
  wakers.add(tick)
  tick()
  return {
    workerId,
    wake: tick,
    /** Resolves when the worker is idle (tests). */
    async idle() {
      while (busy) await busy
    },
    async stop() {
      clearInterval(timer)
      wakers.delete(tick)
      stopping.abort()
      while (busy) await busy
    },
  }
}

export type JobWorker = ReturnType<typeof startJobWorker>
