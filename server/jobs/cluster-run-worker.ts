/**
 * Worker-thread entry of a clustering run (server/jobs/cluster-run.ts starts it): runs the
 * synchronous engine off the web server's event loop, posts its progress, then the result.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { clusterDocuments, type ClusterOptions, type InputDocument } from '../analysis/index'
import { createThreadRunner } from '../analysis/parallel'

export type ClusterWorkerInput = { docs: InputDocument[]; options: Omit<ClusterOptions, 'onProgress' | 'runner'>; threads: number }
export type ClusterWorkerMessage =
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'result'; result: Omit<ReturnType<typeof clusterDocuments>, 'model'> }
  | { type: 'error'; message: string }

const { docs, options, threads } = workerData as ClusterWorkerInput
const post = (message: ClusterWorkerMessage) => parentPort!.postMessage(message)

const runner = threads > 1 ? createThreadRunner(threads) : undefined
try {
  const { model: _model, ...result } = clusterDocuments(docs, { ...options, runner, onProgress: (p) => post({ type: 'progress', ...p }) })
  post({ type: 'result', result })
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) })
} finally {
  await runner?.close()
}
