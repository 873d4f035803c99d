import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { build } from 'esbuild'
import type { SubmissionInput } from '../schemas/submission'
import type { ImportRow } from '../services/import-row'

/**
 * Redaction is most of an import's time (about 0.3 ms a row on one core), so
 * large imports spread intake preparation over worker threads, one per core.
 * The worker is TypeScript; Node 20 does not pass tsx's loader hooks on to
 * worker threads, and loading it through tsx's API costs each worker about a
 * second of CPU (its own hooks thread, resolving and compiling every module).
 * So the worker and what it imports are bundled by esbuild (a dependency of
 * tsx and Vite, already installed) into one CommonJS script, about 0.1 MB in
 * 0.1–0.2 s, once per import: always the current source, also in development.
 * The path is found from the working directory, not import.meta.url,
 * because the server code runs from the Remix build. If the bundle or a
 * worker cannot start, the caller prepares the rows in process.
 */
const WORKER_FILE = path.resolve(process.cwd(), 'server/lib/csv-intake-worker.ts')
const CHUNK = 250
const START_TIMEOUT_MS = 30_000

type Reply = { ready: true } | { chunk: number; rows: ImportRow[] } | { chunk: number; error: string }

export type IntakeWorkers = {
  /**
   * The prepared rows in input order, a chunk at a time as soon as it and all
   * before it are ready; null when the workers could not start.
   */
  prepare: (submitter: { userId: string | null; organizationId: string }, inputs: SubmissionInput[]) => Promise<AsyncIterable<ImportRow[]> | null>
  close: () => Promise<void>
}

/**
 * Chunks queued on each worker. Each worker gets its next chunks before it
 * finishes the current one, so it keeps working while the main thread is
 * busy inserting (PGlite blocks the event loop for each statement).
 */
const QUEUED_PER_WORKER = 32

/**
 * Starts the workers for about `rows` rows at once, without waiting: bundling
 * and loading take about half a second, which the caller spends validating the rows.
 * The caller must close them, whatever happens.
 */
export function startIntakeWorkers(encryptionKey: Buffer, rows: number): IntakeWorkers {
  const size = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(rows / CHUNK)))
  const workers: Worker[] = []
  let closed = false
  const bundled = workerScript()
  // Runs before close's continuation below, so the workers it starts are in `workers` by then.
  const started = bundled.then(async (script) => {
    if (script === null || closed) return false
    const ok = await Promise.all(Array.from({ length: size }, () => startWorker(script, encryptionKey, workers)))
    return ok.every(Boolean)
  })
  return {
    prepare: async (submitter, inputs) => ((await started) ? prepareOn(workers, submitter, inputs) : null),
    close: async () => {
      closed = true
      await bundled
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}

function prepareOn(workers: Worker[], submitter: { userId: string | null; organizationId: string }, inputs: SubmissionInput[]): AsyncIterable<ImportRow[]> {
  const count = Math.ceil(inputs.length / CHUNK)
  const results: (ImportRow[] | undefined)[] = new Array(count)
  let failure: Error | null = null
  let wake: (() => void) | null = null
  const notify = () => {
    wake?.()
    wake = null
  }
  const fail = (error: Error) => {
    failure ??= error
    notify()
  }
  let next = 0
  for (const worker of workers) {
    let queued = 0
    const send = () => {
      while (queued < QUEUED_PER_WORKER && next < count) {
        const chunk = next++
        queued++
        worker.postMessage({ chunk, submitter, inputs: inputs.slice(chunk * CHUNK, (chunk + 1) * CHUNK) })
      }
    }
    worker.on('message', (reply: Reply) => {
      if ('ready' in reply) return
      if ('error' in reply) return fail(new Error(`import worker: ${reply.error}`))
      // Structured clone turns Buffers into Uint8Arrays; both drivers want a Buffer for bytea.
      for (const { submission } of reply.rows) {
        const enc = submission.text_original_enc
        if (enc && !Buffer.isBuffer(enc)) submission.text_original_enc = Buffer.from(enc.buffer, enc.byteOffset, enc.byteLength)
      }
      results[reply.chunk] = reply.rows
      queued--
      send()
      notify()
    })
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (queued > 0) fail(new Error(`import worker exited (${code})`))
    })
    send()
  }
  return {
    async *[Symbol.asyncIterator]() {
      for (let chunk = 0; chunk < count; chunk++) {
        while (results[chunk] === undefined) {
          if (failure) throw failure
          await new Promise<void>((resolve) => (wake = resolve))
        }
        if (failure) throw failure
        yield results[chunk]!
        results[chunk] = undefined // handed over: not kept twice
      }
    },
  }
}

/** The worker and everything it imports as one CommonJS script, or null if it cannot be built. */
async function workerScript(): Promise<string | null> {
  if (!existsSync(WORKER_FILE)) return null
  try {
    const result = await build({ entryPoints: [WORKER_FILE], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, logLevel: 'silent' })
    return result.outputFiles[0]?.text ?? null
  } catch (error) {
    console.error('[import] could not bundle the import worker; preparing rows in process:', error instanceof Error ? error.message : error)
    return null
  }
}

function startWorker(script: string, encryptionKey: Buffer, workers: Worker[]): Promise<boolean> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(script, { eval: true, workerData: { key: new Uint8Array(encryptionKey) } })
    } catch {
      return resolve(false)
    }
    workers.push(worker)
    const timer = setTimeout(() => resolve(false), START_TIMEOUT_MS)
    worker.once('message', () => {
      clearTimeout(timer)
      resolve(true)
    })
    for (const event of ['error', 'exit'] as const) {
      worker.once(event, () => {
        clearTimeout(timer)
        resolve(false)
      })
    }
  })
}
