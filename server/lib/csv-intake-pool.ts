import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { SubmissionInput } from '../schemas/submission'
import type { ImportRow } from '../services/import-row'

/**
 * Redaction is most of an import's time (about 0.3 ms a row on one core), so
 * large imports spread intake preparation over worker threads, one per core.
 * The worker is TypeScript, loaded through tsx's API (a dependency: the server
 * runs on tsx) because Node 20 does not pass tsx's loader hooks on to worker
 * threads. The path is found from the working directory, not import.meta.url,
 * because the server code runs from the Remix build. If a worker cannot start,
 * the caller prepares the rows in process.
 */
const WORKER_FILE = path.resolve(process.cwd(), 'server/lib/csv-intake-worker.ts')
const WORKER_URL = pathToFileURL(WORKER_FILE).href
const BOOTSTRAP = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(WORKER_URL)}, ${JSON.stringify(WORKER_URL)}))`
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
 * Starts the workers for about `rows` rows at once, without waiting: loading
 * one takes a second or two, which the caller spends validating the rows.
 * The caller must close them, whatever happens.
 */
export function startIntakeWorkers(encryptionKey: Buffer, rows: number): IntakeWorkers {
  const size = Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(rows / CHUNK)))
  const workers: Worker[] = []
  const started = existsSync(WORKER_FILE)
    ? Promise.all(Array.from({ length: size }, () => startWorker(encryptionKey, workers))).then((ok) => ok.every(Boolean))
    : Promise.resolve(false)
  return {
    prepare: async (submitter, inputs) => ((await started) ? prepareOn(workers, submitter, inputs) : null),
    close: async () => {
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

function startWorker(encryptionKey: Buffer, workers: Worker[]): Promise<boolean> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = new Worker(BOOTSTRAP, { eval: true, workerData: { key: new Uint8Array(encryptionKey) } })
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
