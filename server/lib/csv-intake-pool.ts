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
  /** The prepared rows in input order, or null when the workers could not start. */
  prepare: (submitter: { userId: string | null; organizationId: string }, inputs: SubmissionInput[], onProgress: (done: number) => void) => Promise<ImportRow[] | null>
  close: () => Promise<void>
}

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
    prepare: async (submitter, inputs, onProgress) => ((await started) ? prepareOn(workers, submitter, inputs, onProgress) : null),
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()))
    },
  }
}

async function prepareOn(
  workers: Worker[],
  submitter: { userId: string | null; organizationId: string },
  inputs: SubmissionInput[],
  onProgress: (done: number) => void,
): Promise<ImportRow[]> {
  const results: ImportRow[][] = new Array(Math.ceil(inputs.length / CHUNK))
  let next = 0
  let done = 0
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= results.length) return resolve()
            const chunk = next++
            worker.postMessage({ chunk, submitter, inputs: inputs.slice(chunk * CHUNK, (chunk + 1) * CHUNK) })
          }
          worker.on('message', (reply: Reply) => {
            if ('ready' in reply) return
            if ('error' in reply) return reject(new Error(`import worker: ${reply.error}`))
            // Structured clone turns Buffers into Uint8Arrays; both drivers want a Buffer for bytea.
            for (const { submission } of reply.rows) {
              const enc = submission.text_original_enc
              if (enc && !Buffer.isBuffer(enc)) submission.text_original_enc = Buffer.from(enc.buffer, enc.byteOffset, enc.byteLength)
            }
            results[reply.chunk] = reply.rows
            done += reply.rows.length
            onProgress(done)
            send()
          })
          worker.on('error', reject)
          worker.on('exit', (code) => (next < results.length || results.some((r) => r === undefined) ? reject(new Error(`import worker exited (${code})`)) : undefined))
          send()
        }),
    ),
  )
  return results.flat()
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
