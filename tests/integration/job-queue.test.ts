import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { cancelJob, claimJob, enqueueJob, runClaimedJob, startJobWorker, type JobHandler } from '../../server/jobs/queue'
import { createTestDb } from '../support/db'

let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
})
afterAll(() => close())

const statusOf = async (id: string) => db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
/** Pretends the process holding a job died: its lease lapsed a minute ago. */
const expireLease = (id: string) => db.updateTable('jobs').set({ lease_until: sql`now() - interval '1 minute'` }).where('id', '=', id).execute()

describe('job queue', () => {
  it('gives a queued job to one worker only, and runs it to success with progress', async () => {
    const id = await enqueueJob(db, { kind: 'test-a', payload: { n: 1 } })
    const first = await claimJob(db, ['test-a'], 'w1')
    const second = await claimJob(db, ['test-a'], 'w2')
    expect(first?.id).toBe(id)
    expect(second).toBeNull()
    const phases: number[] = []
    const handler: JobHandler = async (ctx) => {
      expect(ctx.job.payload).toEqual({ n: 1 })
      await ctx.progress('counting', 0.5)
      phases.push((await statusOf(id)).progress)
    }
    expect(await runClaimedJob(db, first!, handler, { workerId: 'w1' })).toBe('succeeded')
    expect(phases).toEqual([0.5])
    const done = await statusOf(id)
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, phase: 'counting', attempts: 1, locked_by: null })
    expect(done.finished_at).toBeInstanceOf(Date)
  })

  it('takes over a job whose worker died, and fails it once its attempts are used up', async () => {
    const id = await enqueueJob(db, { kind: 'test-b', maxAttempts: 2 })
    expect((await claimJob(db, ['test-b'], 'dead-1'))?.id).toBe(id)
    // Lease still valid: nobody else may take it.
    expect(await claimJob(db, ['test-b'], 'w2')).toBeNull()
    await expireLease(id)
    const retried = await claimJob(db, ['test-b'], 'w2')
    expect(retried).toMatchObject({ id, attempts: 2, locked_by: 'w2' })
    await expireLease(id)
    // No attempts left: the next poll marks it failed instead of running it a third time.
    expect(await claimJob(db, ['test-b'], 'w3')).toBeNull()
    expect(await statusOf(id)).toMatchObject({ status: 'failed', error: 'interrupted' })
  })

  it('cancels a queued job at once and a running one at its next progress report', async () => {
    const queued = await enqueueJob(db, { kind: 'test-c' })
    expect(await cancelJob(db, queued)).toBe('cancelled')
    expect(await claimJob(db, ['test-c'], 'w1')).toBeNull()

    const running = await enqueueJob(db, { kind: 'test-c' })
    const job = await claimJob(db, ['test-c'], 'w1')
    let reachedEnd = false
    const handler: JobHandler = async (ctx) => {
      await ctx.progress('one', 0.1)
      expect(await cancelJob(db, running)).toBe('running')
      await ctx.progress('two', 0.2)
      reachedEnd = true
    }
    expect(await runClaimedJob(db, job!, handler, { workerId: 'w1' })).toBe('cancelled')
    expect(reachedEnd).toBe(false)
    expect((await statusOf(running)).status).toBe('cancelled')
  })

  it('records a handler error as failed with its message', async () => {
    const id = await enqueueJob(db, { kind: 'test-d' })
    const job = await claimJob(db, ['test-d'], 'w1')
    const status = await runClaimedJob(db, job!, async () => {
      throw new Error('no documents match the filter')
    }, { workerId: 'w1' })
    expect(status).toBe('failed')
    expect(await statusOf(id)).toMatchObject({ status: 'failed', error: 'no documents match the filter' })
  })

  it('a worker drains the queue in order, one job at a time', async () => {
    const order: number[] = []
    const ids = [await enqueueJob(db, { kind: 'test-e', payload: { i: 1 } }), await enqueueJob(db, { kind: 'test-e', payload: { i: 2 } })]
    const worker = startJobWorker(db, { 'test-e': async (ctx) => void order.push(ctx.job.payload.i as number) }, { pollMs: 60_000 })
    await worker.idle()
    await worker.stop()
    expect(order).toEqual([1, 2])
    for (const id of ids) expect((await statusOf(id)).status).toBe('succeeded')
  })
})
