import { TRPCError } from '@trpc/server'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { clusterRunHandler } from '../../server/jobs/cluster-run'
import { claimJob, runClaimedJob, startJobWorker } from '../../server/jobs/queue'
import type { SessionUser } from '../../server/services/auth'
import { CLUSTER_RUN_JOB } from '../../server/services/clustering-run'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'
import { insertDemoTestimonies } from '../support/testimonies'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let orgId: string
let otherOrgId: string
const DOCS = 150

// One engine thread: tests run beside others on a small machine.
const handlers = () => ({ [CLUSTER_RUN_JOB]: clusterRunHandler(db, { threads: 1 }) })

/** Runs every queued job to its end, as the server's worker would. */
async function drain() {
  const worker = startJobWorker(db, handlers(), { pollMs: 60_000 })
  await worker.idle()
  await worker.stop()
}

const caller = () => callerFor(db, env, facilitator)
const jobOf = async (runId: string) => {
  const run = await db.selectFrom('clustering_runs').select('job_id').where('id', '=', runId).executeTakeFirstOrThrow()
  return db.selectFrom('jobs').selectAll().where('id', '=', run.job_id).executeTakeFirstOrThrow()
}
const expireLease = (jobId: string) =>
  db
    .updateTable('jobs')
    .set({ lease_until: sql`now() - interval '1 minute'` })
    .where('id', '=', jobId)
    .execute()
const membersOf = (runId: string) => db.selectFrom('run_members').select(['submission_id', 'cluster', 'similarity']).where('run_id', '=', runId).orderBy('submission_id').execute()

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCError) return error.message
    throw error
  }
  return 'no error'
}

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  orgId = org.id
  otherOrgId = (await makeOrganization(db)).id
  facilitator = await makeUser(db, 'facilitator')
  await insertDemoTestimonies(db, orgId, { count: DOCS, seed: 11 })
  await insertDemoTestimonies(db, otherOrgId, { count: 6, seed: 12 })
}, 180_000)
afterAll(() => close())

// Runs start the engine on a worker thread (from TypeScript source): slow on a busy machine.
describe('clustering runs', { timeout: 120_000 }, () => {
  let firstRunId: string

  it('start queues a job; the worker clusters and stores clusters, members and the engine record', async () => {
    const { id } = await caller().run.start({ name: 'All of org A', filter: { organizationId: orgId }, seed: 7 })
    firstRunId = id
    const queued = await caller().run.byId({ id })
    expect(queued).toMatchObject({ state: 'queued', name: 'All of org A', seed: 7, kRequested: null })
    await drain()

    const run = await caller().run.byId({ id })
    expect(run).toMatchObject({ state: 'succeeded', documentCount: DOCS, progress: 1, errorKey: null })
    expect(run.k).toBeGreaterThanOrEqual(2)
    expect(run.engine.options).toMatchObject({ seed: 7, k: null, quotableOnly: true, dims: 100 })
    expect(run.engine.version).toMatchObject({ pipeline: 1, model: 1 })
    expect(run.engine.inputDigest).toMatch(/^[0-9a-f]{64}$/)
    expect(run.engine.kScores?.length).toBeGreaterThan(0)

    const clusters = await caller().run.clusters({ id })
    const real = clusters.filter((c) => c.cluster >= 0)
    expect(real).toHaveLength(run.k!)
    expect(clusters.reduce((s, c) => s + c.size, 0)).toBe(DOCS)
    const members = await membersOf(id)
    expect(members).toHaveLength(DOCS)
    for (const c of real) {
      expect(members.filter((m) => m.cluster === c.cluster)).toHaveLength(c.size)
      expect(c.keyTerms.find((k) => k.lang === 'en')?.terms.length).toBeGreaterThan(0)
      expect(c.languageMix.en + c.languageMix.es).toBe(c.size)
      expect(c.representatives.length).toBeGreaterThan(0)
      expect(c.representatives.every((r) => members.some((m) => m.submission_id === r.id && m.cluster === c.cluster))).toBe(true)
      expect(c.topTags.length).toBeGreaterThan(0)
      expect(c.topTags[0]!.count).toBeGreaterThan(0)
    }
    // The draft summary quotes only testimony whose submitter consented to quoting.
    const quotable = new Set((await db.selectFrom('submissions').select(['text_redacted']).where('consent_quote', '=', true).execute()).map((r) => r.text_redacted!))
    for (const c of real) {
      if (!c.summary) continue
      const firstSentence = c.summary.split(/(?<=[.!?…])\s+/)[0]!
      expect([...quotable].some((text) => text.includes(firstSentence))).toBe(true)
    }
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'run.start').where('target_id', '=', id).execute()
    expect(audit).toHaveLength(1)
  })

  it('the same parameters reproduce the same clusters (re-run), and the page says so', async () => {
    const { id } = await caller().run.rerun({ id: firstRunId })
    await drain()
    const [a, b] = [await membersOf(firstRunId), await membersOf(id)]
    expect(b.map((m) => [m.submission_id, m.cluster])).toEqual(a.map((m) => [m.submission_id, m.cluster]))
    const rerun = await caller().run.byId({ id })
    expect(rerun.sameParameterRuns).toEqual([expect.objectContaining({ id: firstRunId, sameResult: true })])
    const first = await caller().run.byId({ id: firstRunId })
    expect(rerun.engine.resultDigest).toBe(first.engine.resultDigest)
  })

  it('honours the filter and a fixed k; members page by similarity', async () => {
    const { id } = await caller().run.start({ name: 'Spanish, k = 4', filter: { organizationId: orgId, language: 'es' }, k: 4, seed: 3 })
    await drain()
    const run = await caller().run.byId({ id })
    const spanish = await db
      .selectFrom('submissions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', orgId)
      .where('language', '=', 'es')
      .executeTakeFirstOrThrow()
    expect(run).toMatchObject({ state: 'succeeded', k: 4, kRequested: 4, documentCount: spanish.n })
    const page = await caller().run.members({ id, cluster: 0, page: 1, pageSize: 5 })
    expect(page.items).toHaveLength(5)
    expect(page.items.every((m) => m.language === 'es')).toBe(true)
    const sims = page.items.map((m) => m.similarity)
    expect([...sims].sort((x, y) => y - x)).toEqual(sims)
    const page2 = await caller().run.members({ id, cluster: 0, page: 2, pageSize: 5 })
    expect(page2.items[0]!.similarity).toBeLessThanOrEqual(sims[4]!)
    expect(page.total).toBe((await caller().run.clusters({ id })).find((c) => c.cluster === 0)!.size)
  })

  it('split re-clusters exactly one cluster’s members in a child run', async () => {
    const parent = (await caller().run.clusters({ id: firstRunId })).filter((c) => c.cluster >= 0).sort((x, y) => y.size - x.size)[0]!
    const { id } = await caller().run.split({ id: firstRunId, cluster: parent.cluster, k: 2 })
    await drain()
    const child = await caller().run.byId({ id })
    expect(child).toMatchObject({ state: 'succeeded', parentRunId: firstRunId, parentCluster: parent.cluster, documentCount: parent.size, k: 2 })
    const parentMembers = new Set((await membersOf(firstRunId)).filter((m) => m.cluster === parent.cluster).map((m) => m.submission_id))
    const childMembers = await membersOf(id)
    expect(childMembers).toHaveLength(parent.size)
    expect(childMembers.every((m) => parentMembers.has(m.submission_id))).toBe(true)
  })

  it('refuses runs that cannot make clusters, with a message for the form', async () => {
    expect(await refusal(caller().run.start({ name: 'none', filter: { organizationId: orgId, q: 'zzzqqqxxyy' }, seed: 1 }))).toBe('errors.runNoDocuments')
    const one = await db.selectFrom('submissions').select('receipt_code').where('organization_id', '=', otherOrgId).executeTakeFirstOrThrow()
    await db.updateTable('submissions').set({ status: 'withdrawn' }).where('organization_id', '=', otherOrgId).where('receipt_code', '<>', one.receipt_code).execute()
    expect(await refusal(caller().run.start({ name: 'one', filter: { organizationId: otherOrgId }, seed: 1 }))).toBe('errors.runTooFew')
    expect(await refusal(caller().run.start({ name: 'k', filter: { organizationId: orgId, language: 'es', setting: 'park' }, k: 50, seed: 1 }))).toBe('errors.runTooFewForK')
    await expect(caller().run.start({ name: 'bad k', filter: {}, k: 1, seed: 1 } as never)).rejects.toThrow()
  })

  it('fails with a clear message when the documents are gone by the time the job runs', async () => {
    const three = await db.selectFrom('submissions').select('id').where('organization_id', '=', orgId).where('setting', '=', 'courthouse').limit(3).execute()
    await db
      .updateTable('submissions')
      .set({ incident_month: '2001-01' })
      .where(
        'id',
        'in',
        three.map((r) => r.id),
      )
      .execute()
    const { id } = await caller().run.start({ name: 'soon gone', filter: { organizationId: orgId, monthFrom: '2001-01', monthTo: '2001-12' }, k: 3, seed: 1 })
    await db.updateTable('submissions').set({ status: 'withdrawn', text_redacted: null }).where('id', 'in', [three[0]!.id, three[1]!.id]).execute()
    await drain()
    const run = await caller().run.byId({ id })
    expect(run).toMatchObject({ state: 'failed', errorKey: 'errors.runTooFew', documentCount: 1 })
    expect(await membersOf(id)).toEqual([])
  })

  it('cancels a queued run at once and a running one while the engine works', async () => {
    const queued = await caller().run.start({ name: 'to cancel', filter: { organizationId: orgId }, seed: 2 })
    expect(await caller().run.cancel({ id: queued.id })).toEqual({ id: queued.id, status: 'cancelled' })
    expect((await caller().run.byId({ id: queued.id })).state).toBe('cancelled')

    const running = await caller().run.start({ name: 'to cancel while running', filter: { organizationId: orgId }, seed: 2 })
    const job = await claimJob(db, [CLUSTER_RUN_JOB], 'w-cancel')
    expect(job?.id).toBe((await jobOf(running.id)).id)
    const result = runClaimedJob(db, job!, handlers()[CLUSTER_RUN_JOB], { workerId: 'w-cancel', reportEveryMs: 100 })
    for (let i = 0; i < 200 && (await jobOf(running.id)).phase === null; i++) await new Promise((r) => setTimeout(r, 25))
    expect((await caller().run.cancel({ id: running.id })).status).toBe('running')
    expect((await caller().run.byId({ id: running.id })).state).toBe('cancelling')
    expect(await result).toBe('cancelled')
    expect((await caller().run.byId({ id: running.id })).state).toBe('cancelled')
    expect(await membersOf(running.id)).toEqual([])
    const audits = await db.selectFrom('audit_log').select('target_id').where('action', '=', 'run.cancel').execute()
    expect(audits.map((a) => a.target_id)).toEqual(expect.arrayContaining([queued.id, running.id]))
  })

  it('a run whose server died is resumed by another worker, replacing any partial results', async () => {
    const { id } = await caller().run.start({ name: 'crash', filter: { organizationId: orgId }, seed: 5 })
    const job = await claimJob(db, [CLUSTER_RUN_JOB], 'dead-server:1')
    expect(job?.id).toBe((await jobOf(id)).id)
    // Whatever an earlier attempt might have left must not survive the retry.
    await db.insertInto('run_clusters').values({ run_id: id, cluster: 99, size: 1, key_terms: '[]', language_mix: '{}' }).execute()
    expect((await caller().run.byId({ id })).state).toBe('running')
    await expireLease(job!.id)
    expect((await caller().run.byId({ id })).state).toBe('interrupted')

    await drain()
    const live = await db
      .selectFrom('submissions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('organization_id', '=', orgId)
      .where('status', '=', 'accepted')
      .executeTakeFirstOrThrow()
    const run = await caller().run.byId({ id })
    expect(run).toMatchObject({ state: 'succeeded', attempts: 2, documentCount: live.n })
    expect((await caller().run.clusters({ id })).some((c) => c.cluster === 99)).toBe(false)
    expect(await membersOf(id)).toHaveLength(live.n)
  })

  it('a run interrupted with no attempts left is marked failed, never left running', async () => {
    const { id } = await caller().run.start({ name: 'crash twice', filter: { organizationId: orgId }, seed: 6 })
    const jobId = (await jobOf(id)).id
    expect((await claimJob(db, [CLUSTER_RUN_JOB], 'dead-1'))?.id).toBe(jobId)
    await expireLease(jobId)
    expect((await claimJob(db, [CLUSTER_RUN_JOB], 'dead-2'))?.id).toBe(jobId)
    await expireLease(jobId)
    expect((await caller().run.byId({ id })).state).toBe('interrupted')
    await drain()
    const run = await caller().run.byId({ id })
    expect(run).toMatchObject({ state: 'failed', errorKey: 'errors.runInterrupted', attempts: 2 })
    const listed = await caller().run.list({ page: 1, pageSize: 50 })
    expect(listed.items.find((r) => r.id === id)).toMatchObject({ state: 'failed', errorKey: 'errors.runInterrupted' })
  })
})
