/**
 * Worker-thread entry of a clustering run (server/jobs/cluster-run.ts starts it): says it is
 * ready, receives the documents in several messages, runs the synchronous engine off the web
 * server's event loop, posts its progress, then the result. Labels and similarities come back
 * as typed arrays in input order (moved, not copied).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { clusterDocuments, type ClusterOptions, type ClusterResult, type InputDocument } from '../analysis/index'
import { createThreadRunner } from '../analysis/parallel'

export type ClusterWorkerInput = { docs: InputDocument[]; options: Omit<ClusterOptions, 'onProgress' | 'runner'>; threads: number }
export type ClusterWorkerCommand = { type: 'docs'; docs: InputDocument[] } | { type: 'start' }
export type ClusterWorkerResult = Pick<ClusterResult, 'k' | 'clusters' | 'unclustered' | 'kScores'> & { labels: Int32Array; similarities: Float64Array }
export type ClusterWorkerMessage =
  | { type: 'ready' }
  | { type: 'progress'; stage: string; done: number; total: number }
  | { type: 'result'; result: ClusterWorkerResult }
  | { type: 'error'; message: string }

const { options, threads } = workerData as Omit<ClusterWorkerInput, 'docs'>
const post = (message: ClusterWorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer)
const docs: InputDocument[] = []

async function run() {
  const runner = threads > 1 ? createThreadRunner(threads) : undefined
  try {
    const { k, clusters, unclustered, kScores, assignments } = clusterDocuments(docs, { ...options, runner, onProgress: (p) => post({ type: 'progress', ...p }) })
    const labels = new Int32Array(assignments.length)
    const similarities = new Float64Array(assignments.length)
    assignments.forEach((a, i) => {
      if (a.id !== docs[i]!.id) throw new Error('engine assignments are not in input order')
      labels[i] = a.cluster
      similarities[i] = a.similarity
    })
    post({ type: 'result', result: { k, clusters, unclustered, kScores, labels, similarities } }, [labels.buffer, similarities.buffer])
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.stack ?? error.message : String(error) })
  } finally {
    await runner?.close()
    parentPort!.close()
  }
}

parentPort!.on('message', (command: ClusterWorkerCommand) => {
  if (command.type === 'docs') for (const doc of command.docs) docs.push(doc)
  else void run()
})
post({ type: 'ready' })
