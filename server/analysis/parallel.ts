/**
 * A TaskRunner on worker threads. NOT pure (it starts threads): the engine never imports it;
 * callers that want both cores (the cluster command, the benchmark, a background job) create
 * one and pass it as ClusterOptions.runner. The calling thread does its own share of every
 * batch and then blocks (Atomics.wait) until the helpers are done, so clusterDocuments stays
 * synchronous. Which thread runs which task never changes a result (see tasks.ts).
 */
import { createRequire } from 'node:module'
import { availableParallelism, loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { runTask, type TaskName, type TaskRunner } from './tasks'

export type ThreadRunner = TaskRunner & { close(): Promise<void> }

type Helper = { worker: Worker; port: MessagePort; flag: Int32Array; alive: boolean }

/** Shared flag slots: the helper sets DONE after each batch and BOOTED once loaded. */
const DONE = 0
const BOOTED = 1
const BOOT_TIMEOUT_MS = 20_000

/** The helper's entry point: from source (tsx, vitest) it first registers tsx in the thread. */
function workerEntry(): { entry: string | URL; eval: boolean } {
  const self = import.meta.url
  if (!self.endsWith('.ts')) return { entry: new URL('./parallel-worker.js', self), eval: false }
  // tsx's ESM entry (its CommonJS one registers differently).
  const tsx = pathToFileURL(createRequire(self).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const worker = new URL('./parallel-worker.ts', self).href
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}) })`
  return { entry: code, eval: true }
}

/**
 * Threads worth using now: up to `max`, but only cores the rest of the machine leaves idle
 * (1-minute load average). On a busy machine a helper thread only competes for the same
 * cores, and its start-up (≈ 0.3 s of CPU from TypeScript source) is not repaid.
 */
export function idleThreads(max = 2): number {
  const cores = availableParallelism()
  const idle = Math.floor(cores - loadavg()[0] + 0.5)
  return Math.max(1, Math.min(max, cores, idle))
}

/**
 * Starts `threads − 1` helper threads (default: idleThreads(), at most 2 in all). Returns at once: the
 * helpers load while the caller works (tokenising takes longer than their start-up), and
 * tasks posted before they are ready wait in their queue. A helper that has not started
 * within BOOT_TIMEOUT_MS, or has died, is skipped and its share runs on the calling thread.
 */
export function createThreadRunner(threads = idleThreads()): ThreadRunner {
  const count = Math.max(0, Math.floor(threads) - 1)
  const { entry, eval: isCode } = workerEntry()
  const started = Date.now()
  const helpers: Helper[] = Array.from({ length: count }, () => {
    const channel = new MessageChannel()
    const flag = new Int32Array(new SharedArrayBuffer(8))
    const worker = new Worker(entry, { eval: isCode, workerData: { port: channel.port2, flag }, transferList: [channel.port2] })
    const helper: Helper = { worker, port: channel.port1, flag, alive: true }
    worker.on('error', () => (helper.alive = false))
    worker.on('exit', () => (helper.alive = false))
    worker.unref()
    return helper
  })

  /** Blocks until the helper replies; null if it never started or stopped. */
  function reply(helper: Helper): { out?: unknown[]; error?: string } | null {
    for (;;) {
      const message = receiveMessageOnPort(helper.port) as { message: { out?: unknown[]; error?: string } } | undefined
      if (message) return message.message
      const booted = Atomics.load(helper.flag, BOOTED) === 1
      if (!booted && Date.now() - started > BOOT_TIMEOUT_MS) return null
      Atomics.wait(helper.flag, DONE, 0, booted ? 1000 : 50)
    }
  }

  function run(name: TaskName, tasks: unknown[]): unknown[] {
    const live = helpers.filter((h) => h.alive)
    const threadsInUse = live.length + 1
    const results: unknown[] = new Array(tasks.length)
    // Task i goes to thread i mod threads; thread 0 is this one.
    const share = (t: number) => tasks.map((_, i) => i).filter((i) => i % threadsInUse === t)
    const sent: { helper: Helper; indices: number[] }[] = []
    live.forEach((helper, h) => {
      const indices = share(h + 1)
      if (indices.length === 0) return
      Atomics.store(helper.flag, DONE, 0)
      helper.worker.postMessage({ name, tasks: indices.map((i) => tasks[i]) })
      sent.push({ helper, indices })
    })
    for (const i of share(0)) results[i] = runTask(name, tasks[i])
    for (const { helper, indices } of sent) {
      const message = reply(helper)
      if (message?.error !== undefined) throw new Error(`analysis worker failed: ${message.error}`)
      if (message === null) {
        helper.alive = false
        void helper.worker.terminate()
        for (const i of indices) results[i] = runTask(name, tasks[i])
      } else indices.forEach((i, j) => (results[i] = message.out![j]))
    }
    return results
  }

  return {
    get threads() {
      return helpers.filter((h) => h.alive).length + 1
    },
    run,
    close: async () => {
      await Promise.all(helpers.map((h) => h.worker.terminate()))
      helpers.forEach((h) => h.port.close())
    },
  }
}
