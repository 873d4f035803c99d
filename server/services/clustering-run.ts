/**
 * Clustering runs: a facilitator picks a document set (a workspace filter, or a cluster to
 * split), k (or automatic) and a seed; the run is a background job (`cluster-run`, handled in
 * server/jobs/cluster-run.ts) whose results are stored with every parameter needed to
 * reproduce them. See docs/decisions/062-clustering-runs-and-themes.md.
 */
import { randomUUID } from 'node:crypto'
import { TRPCError } from '@trpc/server'
import { z } from 'zod'
import type { Db } from '../../db/client'
import type { JobStatus } from '../../db/schema'
import { cancelJob, enqueueJob, wakeJobWorkers } from '../jobs/queue'
import { appendAudit } from '../repositories/audit'
import {
  clusterMembers,
  countRunDocuments,
  findRun,
  findRunCluster,
  listRuns,
  runClusters,
  runsWithSameParameters,
  submissionSnippets,
  themesFromRun,
  topTagsByCluster,
  type ClusterRow,
  type RunSource,
} from '../repositories/clustering-run'
import { RunFilterSchema, type RunFilter, type RunStartInput } from '../schemas/run'
import { filterOf } from './submission'

export const CLUSTER_RUN_JOB = 'cluster-run'

/**
 * The engine options a run is made with, stored in clustering_runs.engine.options before it
 * runs, so a re-run uses the same ones even if the defaults change later.
 * quotableOnly: the extractive draft summary (which a theme's summary starts from) quotes only
 * testimony whose submitter consented to quoting.
 */
export const RunEngineOptionsSchema = z.object({
  seed: z.number().int(),
  k: z.number().int().nullable(),
  dims: z.number().int().default(100),
  bigrams: z.boolean().default(true),
  restarts: z.number().int().default(10),
  minSimilarity: z.number().default(0),
  keyTermCount: z.number().int().default(10),
  representativeCount: z.number().int().default(5),
  quotableOnly: z.boolean().default(true),
})
export type RunEngineOptions = z.infer<typeof RunEngineOptionsSchema>

export function defaultEngineOptions(seed: number, k: number | null): RunEngineOptions {
  return RunEngineOptionsSchema.parse({ seed, k })
}

/** What a stored run clusters. */
export function runSourceOf(run: { filter: unknown; parentRunId: string | null; parentCluster: number | null }): RunSource {
  if (run.parentRunId !== null && run.parentCluster !== null) return { filter: {}, parent: { runId: run.parentRunId, cluster: run.parentCluster } }
  const filter = RunFilterSchema.parse(run.filter ?? {})
  return { filter: filterOf({ ...filter, page: 1, pageSize: 25 }), parent: null }
}

/** Refuses a run that cannot produce clusters before it is queued (the job checks again). */
async function checkDocumentCount(db: Db, source: RunSource, k: number | null) {
  const count = await countRunDocuments(db, source)
  if (count === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.runNoDocuments' })
  if (count < 2) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.runTooFew' })
  if (k !== null && count < k) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.runTooFewForK' })
  return count
}

type NewRun = {
  name: string
  filter: RunFilter | Record<string, never>
  k: number | null
  seed: number
  parent: { runId: string; cluster: number } | null
  engineOptions: RunEngineOptions
  auditDetails: Record<string, unknown>
}

/** The run and its job in one transaction; the workers are woken after it commits. */
async function createRun(db: Db, actorId: string, run: NewRun, now: Date) {
  const id = randomUUID()
  await db.transaction().execute(async (trx) => {
    const jobId = await enqueueJob(trx, { kind: CLUSTER_RUN_JOB, payload: { runId: id }, createdBy: actorId })
    await trx
      .insertInto('clustering_runs')
      .values({
        id,
        job_id: jobId,
        name: run.name,
        filter: JSON.stringify(run.filter),
        k_requested: run.k,
        seed: run.seed,
        parent_run_id: run.parent?.runId ?? null,
        parent_cluster: run.parent?.cluster ?? null,
        engine: JSON.stringify({ options: run.engineOptions }),
        created_by: actorId,
        created_at: now,
      })
      .execute()
    await appendAudit(trx, { actorUserId: actorId, action: 'run.start', targetType: 'clustering_run', targetId: id, details: run.auditDetails }, now)
  })
  wakeJobWorkers()
  return { id }
}

export async function startRun(db: Db, actorId: string, input: RunStartInput, now: Date) {
  const k = input.k ?? null
  await checkDocumentCount(db, runSourceOf({ filter: input.filter, parentRunId: null, parentCluster: null }), k)
  return createRun(
    db,
    actorId,
    {
      name: input.name,
      filter: input.filter,
      k,
      seed: input.seed,
      parent: null,
      engineOptions: defaultEngineOptions(input.seed, k),
      auditDetails: { name: input.name, filter: input.filter, k, seed: input.seed },
    },
    now,
  )
}

async function requireRun(db: Db, id: string) {
  const run = await findRun(db, id)
  if (!run) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return run
}

/** Splits a finished run's cluster: a child run over that cluster's members only. */
export async function splitCluster(db: Db, actorId: string, input: { id: string; cluster: number; k?: number; seed?: number }, now: Date) {
  const parent = await requireRun(db, input.id)
  if (parent.status !== 'succeeded') throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.runNotFinished' })
  const cluster = await findRunCluster(db, parent.id, input.cluster)
  if (!cluster) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  const k = input.k ?? null
  const seed = input.seed ?? parent.seed
  const source = { filter: {}, parent: { runId: parent.id, cluster: input.cluster } }
  await checkDocumentCount(db, source, k)
  const name = `${parent.name} · ${input.cluster + 1}`.slice(0, 120)
  return createRun(
    db,
    actorId,
    {
      name,
      filter: {},
      k,
      seed,
      parent: source.parent,
      engineOptions: defaultEngineOptions(seed, k),
      auditDetails: { name, parentRunId: parent.id, parentCluster: input.cluster, k, seed },
    },
    now,
  )
}

/** A new run with exactly the parameters of an earlier one (filter, k, seed, parent, engine options). */
export async function rerun(db: Db, actorId: string, id: string, now: Date) {
  const run = await requireRun(db, id)
  const stored = (run.engine ?? {}) as { options?: unknown }
  const options = RunEngineOptionsSchema.safeParse(stored.options)
  const engineOptions = options.success ? options.data : defaultEngineOptions(run.seed, run.kRequested)
  const parent = run.parentRunId !== null && run.parentCluster !== null ? { runId: run.parentRunId, cluster: run.parentCluster } : null
  await checkDocumentCount(db, runSourceOf(run), run.kRequested)
  return createRun(
    db,
    actorId,
    {
      name: run.name,
      filter: (run.filter ?? {}) as RunFilter,
      k: run.kRequested,
      seed: run.seed,
      parent,
      engineOptions,
      auditDetails: { rerunOf: run.id, name: run.name, k: run.kRequested, seed: run.seed },
    },
    now,
  )
}

export async function cancelRun(db: Db, actorId: string, id: string, now: Date) {
  const run = await requireRun(db, id)
  const status = await db.transaction().execute(async (trx) => {
    const status = await cancelJob(trx, run.jobId)
    if (status === 'cancelled' || status === 'running') {
      await appendAudit(trx, { actorUserId: actorId, action: 'run.cancel', targetType: 'clustering_run', targetId: id, details: { statusBefore: run.status } }, now)
    }
    return status
  })
  return { id, status }
}

export type RunState = JobStatus | 'cancelling' | 'interrupted'

/**
 * What the page shows: a running job whose lease lapsed belongs to a process that died
 * (the next worker resumes it or marks it failed); an error is a translation key.
 */
function stateOf(run: { status: JobStatus; cancelRequestedAt: Date | null; leaseLapsed?: boolean | null }): RunState {
  if (run.status === 'running' && run.leaseLapsed) return 'interrupted'
  if (run.status === 'running' && run.cancelRequestedAt) return 'cancelling'
  return run.status
}

function errorKeyOf(error: string | null): string | null {
  if (!error) return null
  if (error === 'interrupted') return 'errors.runInterrupted'
  return /^errors\.[a-zA-Z]+$/.test(error) ? error : 'errors.runFailed'
}

type EngineRecord = {
  resultDigest?: string
  inputDigest?: string
  unclustered?: number
  timings?: Record<string, number>
  kScores?: { k: number; silhouette: number }[]
  threads?: number
  version?: Record<string, unknown>
  options?: RunEngineOptions
}

export async function getRun(db: Db, id: string) {
  const run = await requireRun(db, id)
  const engine = (run.engine ?? {}) as EngineRecord
  const same = await runsWithSameParameters(db, run)
  const digest = engine.resultDigest ?? null
  return {
    ...run,
    engine,
    state: stateOf(run),
    errorKey: errorKeyOf(run.error),
    // Same parameters and, once both finished, whether they reproduced the same clusters exactly.
    sameParameterRuns: same.map((r) => {
      const other = ((r.engine ?? {}) as EngineRecord).resultDigest ?? null
      return { id: r.id, name: r.name, createdAt: r.createdAt, status: r.status, sameResult: digest && other ? digest === other : null }
    }),
  }
}

export async function listRunsPage(db: Db, input: { page: number; pageSize: number }) {
  const { rows, total } = await listRuns(db, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize })
  return {
    items: rows.map((r) => ({ ...r, state: stateOf(r), errorKey: errorKeyOf(r.error) })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  }
}

const SNIPPET = 280
const snippet = (text: string | null) => (text && text.length > SNIPPET ? text.slice(0, SNIPPET).trimEnd() + '…' : text)

/** The results page: per cluster its size, key terms, language mix, top tags, representatives and draft summary. */
export async function getRunClusters(db: Db, id: string) {
  await requireRun(db, id)
  const clusters = (await runClusters(db, id)) as ClusterRow[]
  const [tags, reps, themes] = await Promise.all([
    topTagsByCluster(db, id, 3),
    submissionSnippets(
      db,
      clusters.flatMap((c) => c.representativeIds),
    ),
    themesFromRun(db, id),
  ])
  const repById = new Map(reps.map((r) => [r.id, { ...r, text: snippet(r.text) }]))
  return clusters.map((c) => ({
    ...c,
    topTags: tags.filter((t) => t.cluster === c.cluster).map(({ cluster: _c, ...t }) => t),
    representatives: c.representativeIds.map((rid) => repById.get(rid)).filter((r) => r !== undefined),
    themes: themes.filter((t) => t.cluster === c.cluster).map(({ cluster: _c, ...t }) => t),
  }))
}

export async function getClusterMembers(db: Db, input: { id: string; cluster: number; page: number; pageSize: number }) {
  const run = await requireRun(db, input.id)
  const cluster = (await findRunCluster(db, input.id, input.cluster)) as ClusterRow | undefined
  if (!cluster) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  const [{ rows, total }, themes] = await Promise.all([
    clusterMembers(db, input.id, input.cluster, { limit: input.pageSize, offset: (input.page - 1) * input.pageSize }),
    themesFromRun(db, input.id),
  ])
  return {
    run: { id: run.id, name: run.name, status: run.status },
    cluster: { ...cluster, themes: themes.filter((t) => t.cluster === input.cluster).map(({ cluster: _c, ...t }) => t) },
    items: rows.map((r) => ({ ...r, text: snippet(r.text) })),
    total,
    page: input.page,
    pageSize: input.pageSize,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
  }
}
