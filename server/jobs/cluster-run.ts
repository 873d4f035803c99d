/**
 * The `cluster-run` job: loads the run's documents (redacted text, language, English machine
 * translation, quoting consent), runs the engine on a worker thread (it is synchronous and
 * takes seconds on 100,000 documents; the web server must stay responsive), forwards its
 * progress, and writes clusters, members and the engine record in one transaction at the end.
 * A retried attempt starts again and replaces whatever an earlier attempt left.
 * Runs from source under tsx (server/main.ts), never from the Remix bundle.
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { Db } from '../../db/client'
import type { InputDocument } from '../analysis/index'
import { LEXICON_VERSION } from '../analysis/lexicon'
import { MODEL_VERSION } from '../analysis/model'
import { idleThreads } from '../analysis/parallel'
import { findRun, loadRunDocuments, replaceRunResults, type ClusterRow } from '../repositories/clustering-run'
import { RunEngineOptionsSchema, defaultEngineOptions, runSourceOf, type RunEngineOptions } from '../services/clustering-run'
import type { RunPhase } from '../schemas/run'
import type { ClusterWorkerCommand, ClusterWorkerInput, ClusterWorkerMessage, ClusterWorkerResult } from './cluster-run-worker'
import { JobCancelled, type JobContext, type JobHandler } from './queue'

/** Where each phase sits on the run's progress bar (start, end). */
const PHASE_SPAN: Record<RunPhase, [number, number]> = {
  load: [0, 0.05],
  features: [0.05, 0.4],
  vectors: [0.4, 0.45],
  reduce: [0.45, 0.65],
  'choose-k': [0.65, 0.75],
  cluster: [0.75, 0.9],
  describe: [0.9, 0.95],
  save: [0.95, 1],
}

export function overallFraction(phase: RunPhase, done: number, total: number): number {
  const [start, end] = PHASE_SPAN[phase]
  const within = total > 0 ? Math.max(0, Math.min(1, done / total)) : 0
  return start + (end - start) * within
}

/** Bumped when the way a run turns its documents into engine input changes. */
export const RUN_PIPELINE_VERSION = 1

export type ClusterRunOptions = {
  /** Threads for the engine in all (the worker thread plus helpers); default: idle cores, at most 2. */
  threads?: number
  /** Called with wall milliseconds per phase when a run is saved (the benchmark). */
  onTimings?: (timings: { loadMs: number; engineMs: number; saveMs: number }) => void
}

function workerEntry(): { entry: string | URL; eval: boolean } {
  const self = import.meta.url
  if (!self.endsWith('.ts')) return { entry: new URL('./cluster-run-worker.js', self), eval: false }
  // From source (tsx, vitest): register tsx's ESM loader in the thread first, as parallel.ts does.
  const tsx = pathToFileURL(
    createRequire(self)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const worker = new URL('./cluster-run-worker.ts', self).href
  return { entry: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}) })`, eval: true }
}

/** Documents per message to the engine thread: each message is copied on this thread. */
const DOCS_PER_MESSAGE = 5000

/**
 * Runs the engine on a worker thread. The documents go over in messages of 5,000 with a turn
 * of the event loop between them (one copy of 100,000 would hold this thread for seconds).
 * Progress goes to ctx.progress, which also notices a cancel; a heartbeat asks every second
 * even while the engine is silent (LSA, k-means), and a cancel or a stopping worker
 * terminates the thread at once.
 */
async function runEngine(ctx: JobContext, input: ClusterWorkerInput): Promise<ClusterWorkerResult> {
  const { entry, eval: isCode } = workerEntry()
  const { docs, ...setup } = input
  const worker = new Worker(entry, { eval: isCode, workerData: setup })
  let last: { phase: RunPhase; fraction: number } = { phase: 'features', fraction: PHASE_SPAN.features[0] }
  const sendDocuments = async () => {
    for (let start = 0; start < docs.length; start += DOCS_PER_MESSAGE) {
      worker.postMessage({ type: 'docs', docs: docs.slice(start, start + DOCS_PER_MESSAGE) } satisfies ClusterWorkerCommand)
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    worker.postMessage({ type: 'start' } satisfies ClusterWorkerCommand)
  }
  try {
    return await new Promise<ClusterWorkerResult>((resolve, reject) => {
      let settled = false
      const fail = (error: unknown) => {
        if (settled) return
        settled = true
        reject(error)
      }
      const report = (phase: RunPhase, fraction: number) => {
        last = { phase, fraction }
        ctx.progress(phase, fraction).catch(fail)
      }
      const heartbeat = setInterval(() => report(last.phase, last.fraction), 1000)
      const onAbort = () => fail(new JobCancelled())
      ctx.signal.addEventListener('abort', onAbort, { once: true })
      const done = () => {
        clearInterval(heartbeat)
        ctx.signal.removeEventListener('abort', onAbort)
      }
      worker.on('message', (message: ClusterWorkerMessage) => {
        if (message.type === 'ready') sendDocuments().catch(fail)
        else if (message.type === 'progress') report(message.stage as RunPhase, overallFraction(message.stage as RunPhase, message.done, message.total))
        else if (message.type === 'result') {
          done()
          if (!settled) {
            settled = true
            resolve(message.result)
          }
        } else {
          done()
          fail(new Error(`clustering failed: ${message.message}`))
        }
      })
      worker.on('error', (error) => {
        done()
        fail(error)
      })
      worker.on('exit', (code) => {
        done()
        fail(new Error(`clustering worker stopped (exit code ${code})`))
      })
    })
  } finally {
    await worker.terminate()
  }
}

const digest = (parts: Iterable<string>) => {
  const hash = createHash('sha256')
  for (const part of parts) hash.update(part).update('\u0000')
  return hash.digest('hex')
}

function* inputParts(docs: InputDocument[]) {
  for (const d of docs) yield `${d.id}\t${d.lang ?? ''}\t${d.quotable ? 1 : 0}\t${d.text}\t${d.translation ?? ''}`
}

function* resultParts(docs: InputDocument[], result: ClusterWorkerResult) {
  for (let i = 0; i < docs.length; i++) yield `${docs[i]!.id}\t${result.labels[i]}\t${result.similarities[i]!.toFixed(6)}`
  for (const c of result.clusters) yield JSON.stringify([c.id, c.keyTerms, c.representatives, c.summarySentences])
}

export function clusterRunHandler(db: Db, options: ClusterRunOptions = {}): JobHandler {
  return async (ctx) => {
    const runId = String(ctx.job.payload.runId ?? '')
    const started = performance.now()
    await ctx.progress('load', 0)
    const run = await findRun(db, runId)
    if (!run) throw new Error('errors.notFound')
    const rows = await loadRunDocuments(db, runSourceOf(run))
    const stored = RunEngineOptionsSchema.safeParse(((run.engine ?? {}) as { options?: unknown }).options)
    const engineOptions: RunEngineOptions = stored.success ? stored.data : defaultEngineOptions(run.seed, run.kRequested)
    const k = engineOptions.k
    if (rows.length < 2 || (k !== null && rows.length < k)) {
      await db.updateTable('clustering_runs').set({ document_count: rows.length }).where('id', '=', runId).execute()
      throw new Error(rows.length === 0 ? 'errors.runNoDocuments' : rows.length < 2 ? 'errors.runTooFew' : 'errors.runTooFewForK')
    }
    const docs: InputDocument[] = rows.map((r) => ({
      id: r.id,
      text: r.text ?? '',
      lang: r.language === 'en' || r.language === 'es' ? r.language : undefined,
      translation: r.language === 'es' ? r.translationEn : null,
      quotable: r.consentQuote && r.status === 'accepted',
    }))
    rows.length = 0 // the texts now live in docs only
    const loaded = performance.now()
    await ctx.progress('load', PHASE_SPAN.load[1])

    const threads = Math.max(1, Math.floor(options.threads ?? idleThreads(2)))
    const inputDigest = digest(inputParts(docs))
    const { k: _k, ...rest } = engineOptions
    const result = await runEngine(ctx, { docs, options: { ...rest, ...(k !== null ? { k } : {}) }, threads })
    const clustered = performance.now()
    await ctx.progress('save', PHASE_SPAN.save[0])

    const clusters: ClusterRow[] = result.clusters.map((c) => ({
      cluster: c.id,
      size: c.size,
      keyTerms: [
        { lang: 'en', terms: c.keyTerms.en },
        { lang: 'es', terms: c.keyTerms.es },
      ],
      languageMix: c.languageMix,
      representativeIds: c.representatives,
      summary: c.summarySentences.map((s) => s.text).join(' '),
    }))
    if (result.unclustered > 0) {
      const mix: Record<string, number> = {}
      docs.forEach((d, i) => {
        if (result.labels[i]! < 0) mix[d.lang ?? 'other'] = (mix[d.lang ?? 'other'] ?? 0) + 1
      })
      clusters.push({ cluster: -1, size: result.unclustered, keyTerms: [], languageMix: mix, representativeIds: [], summary: '' })
    }
    const engine = {
      version: { pipeline: RUN_PIPELINE_VERSION, model: MODEL_VERSION, lexicon: LEXICON_VERSION },
      options: engineOptions,
      kScores: result.kScores ?? null,
      unclustered: result.unclustered,
      threads,
      inputDigest,
      resultDigest: digest(resultParts(docs, result)),
      timings: { loadMs: Math.round(loaded - started), engineMs: Math.round(clustered - loaded), saveMs: 0 },
    }
    await db.transaction().execute(async (trx) => {
      await replaceRunResults(trx, runId, {
        k: result.k,
        documentCount: docs.length,
        engine,
        clusters,
        members: { ids: docs.map((d) => d.id), clusters: result.labels, similarities: result.similarities },
      })
    })
    const saved = performance.now()
    const timings = { loadMs: Math.round(loaded - started), engineMs: Math.round(clustered - loaded), saveMs: Math.round(saved - clustered) }
    // The save time is known only after its transaction; recorded beside the results.
    await db
      .updateTable('clustering_runs')
      .set({ engine: JSON.stringify({ ...engine, timings }) })
      .where('id', '=', runId)
      .execute()
    options.onTimings?.(timings)
  }
}
