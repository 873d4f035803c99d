/**
 * A TaskRunner on worker threads. NOT pure (it starts threads): the engine never imports it;
 * callers that want both cores (the cluster command, the benchmark, a background job) create
 * one and pass it as ClusterOptions.runner. The calling thread works on every batch too and
 * then blocks (Atomics.wait) until the helpers are done, so clusterDocuments stays
 * synchronous. Which thread runs which task never changes a result (see tasks.ts).
 *
 * The helper runs the kernels from their source text (kernels.ts is one self-contained
 * function): it needs no TypeScript loader and no separate build output, so it starts in a
 * few tens of milliseconds from source (tsx, vitest) and from a bundled production build
 * alike. A helper that fails to start, or has not started yet when a batch is ready, is
 * simply not used: its share runs on the calling thread, with the same result.
 */
import { availableParallelism, loadavg } from 'node:os'
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads'
import { createKernels } from './kernels'
import { runTask, type TaskName, type TaskRunner } from './tasks'

export type ThreadRunner = TaskRunner & {
  /** Tasks run on helper threads so far (0 when none could start). */
  readonly helperTasks: number
  /** Resolves once every helper has loaded or failed to (batches never wait for it). */
  ready(): Promise<void>
  close(): Promise<void>
}

export type ThreadRunnerOptions = {
  /** The kernels' source text (default: createKernels.toString()); for tests of the fallback. */
  kernelSource?: string
}

type Helper = { worker: Worker; port: MessagePort; flag: Int32Array; alive: boolean }

/** Shared flag slots: DONE is set after each batch; STATE is 1 once loaded, −1 if loading failed. */
const DONE = 0
const STATE = 1

/**
 * The helper thread's program (CommonJS, run with `eval`). Tasks of a batch are claimed one
 * at a time from a shared counter by every thread, so a busy or slow thread simply takes
 * fewer; each result goes back to its task's index.
 */
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads')
const { port, flag, source } = workerData
let kernels
try {
  // Transpilers may wrap functions in a __name() helper (esbuild's keepNames); give one.
  kernels = new Function('__name', 'return (' + source + ')')((f) => f)()
} catch (error) {
  Atomics.store(flag, ${STATE}, -1)
  Atomics.notify(flag, ${DONE})
  throw error
}
parentPort.on('message', ({ name, tasks, counter }) => {
  const indices = []
  const out = []
  let reply
  try {
    for (;;) {
      const i = Atomics.add(counter, 0, 1)
      if (i >= tasks.length) break
      out.push(kernels.tasks[name](tasks[i]))
      indices.push(i)
    }
    reply = { indices, out }
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack || error.message) : String(error) }
  }
  port.postMessage(reply)
  Atomics.store(flag, ${DONE}, 1)
  Atomics.notify(flag, ${DONE})
})
Atomics.store(flag, ${STATE}, 1)
Atomics.notify(flag, ${DONE})
`

/**
 * Threads worth using now: up to `max`, but only cores the rest of the machine leaves idle
 * (1-minute load average). On a busy machine a helper thread only competes for the same
 * cores.
 */
export function idleThreads(max = 2): number {
  const cores = availableParallelism()
  const idle = Math.floor(cores - loadavg()[0] + 0.5)
  return Math.max(1, Math.min(max, cores, idle))
}

/**
 * Starts `threads − 1` helper threads (default: idleThreads(), at most 2 in all). Returns at
 * once: the helpers load (tens of milliseconds) while the caller tokenises.
 */
export function createThreadRunner(threads = idleThreads(), options: ThreadRunnerOptions = {}): ThreadRunner {
  const count = Math.max(0, Math.floor(threads) - 1)
  const source = options.kernelSource ?? createKernels.toString()
  const helpers: Helper[] = []
  let helperTasks = 0
  for (let h = 0; h < count; h++) {
    const channel = new MessageChannel()
    const flag = new Int32Array(new SharedArrayBuffer(8))
    let worker: Worker
    try {
      worker = new Worker(HELPER, { eval: true, workerData: { port: channel.port2, flag, source }, transferList: [channel.port2] })
    } catch {
      channel.port1.close()
      break
    }
    const helper: Helper = { worker, port: channel.port1, flag, alive: true }
    worker.on('error', () => (helper.alive = false))
    worker.on('exit', () => (helper.alive = false))
    worker.unref()
    helpers.push(helper)
  }

  /** Helpers loaded and able to take work now; one that failed to load is dropped. */
  function loaded(): Helper[] {
    return helpers.filter((h) => {
      const state = Atomics.load(h.flag, STATE)
      if (state === -1 && h.alive) {
        h.alive = false
        void h.worker.terminate()
      }
      return h.alive && state === 1
    })
  }

  /** Blocks until the helper replies to the batch it was given. */
  function reply(helper: Helper): { indices?: number[]; out?: unknown[]; error?: string } {
    for (;;) {
      const message = receiveMessageOnPort(helper.port) as { message: { indices?: number[]; out?: unknown[]; error?: string } } | undefined
      if (message) return message.message
      Atomics.wait(helper.flag, DONE, 0, 1000)
    }
  }

  function run(name: TaskName, tasks: unknown[]): unknown[] {
    const results: unknown[] = new Array(tasks.length)
    const live = tasks.length > 1 ? loaded() : []
    if (live.length === 0) return tasks.map((t) => runTask(name, t))
    const counter = new Int32Array(new SharedArrayBuffer(4))
    for (const helper of live) {
      Atomics.store(helper.flag, DONE, 0)
      helper.worker.postMessage({ name, tasks, counter })
    }
    for (;;) {
      const i = Atomics.add(counter, 0, 1)
      if (i >= tasks.length) break
      results[i] = runTask(name, tasks[i])
    }
    for (const helper of live) {
      const message = reply(helper)
      if (message.error !== undefined) throw new Error(`analysis worker failed: ${message.error}`)
      message.indices!.forEach((i, j) => (results[i] = message.out![j]))
      helperTasks += message.indices!.length
    }
    return results
  }

  return {
    get threads() {
      return helpers.filter((h) => h.alive && Atomics.load(h.flag, STATE) !== -1).length + 1
    },
    get helperTasks() {
      return helperTasks
    },
    ready: async () => {
      while (helpers.some((h) => h.alive && Atomics.load(h.flag, STATE) === 0)) await new Promise((resolve) => setTimeout(resolve, 5))
    },
    run,
    close: async () => {
      await Promise.all(helpers.map((h) => h.worker.terminate()))
      helpers.forEach((h) => h.port.close())
    },
  }
}
