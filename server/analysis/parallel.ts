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
import { availableParallelism, cpus, loadavg } from 'node:os'
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

type Helper = { worker: Worker; port: MessagePort; state: Int32Array; alive: boolean }
type Reply = { batch: number; indices?: number[]; out?: unknown[]; error?: string }

/** A helper's state slot: 1 once loaded, −1 if loading failed. */
const LOADED = 1
const FAILED = -1

/**
 * The helper thread's program (CommonJS, run with `eval`). Every thread — the caller and the
 * helpers — claims a batch's tasks one at a time from a shared counter, so a busy or
 * descheduled thread simply takes fewer; a helper that picks up a batch only after the
 * others have claimed every task replies with nothing. Replies carry the batch number, and
 * each is followed by a tick on the shared `replies` counter that the caller waits on.
 */
const HELPER = `
const { parentPort, workerData } = require('node:worker_threads')
const { port, state, replies, source } = workerData
let kernels
try {
  // Transpilers may wrap functions in a __name() helper (esbuild's keepNames); give one.
  kernels = new Function('__name', 'return (' + source + ')')((f) => f)()
} catch (error) {
  Atomics.store(state, 0, ${FAILED})
  Atomics.add(replies, 0, 1)
  Atomics.notify(replies, 0)
  throw error
}
parentPort.on('message', ({ batch, name, tasks, counter }) => {
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
    reply = { batch, indices, out }
  } catch (error) {
    reply = { batch, error: error instanceof Error ? (error.stack || error.message) : String(error) }
  }
  port.postMessage(reply)
  Atomics.add(replies, 0, 1)
  Atomics.notify(replies, 0)
})
Atomics.store(state, 0, ${LOADED})
Atomics.add(replies, 0, 1)
Atomics.notify(replies, 0)
`

/**
 * Threads worth using now by the 1-minute load average: up to `max`, but only cores the rest
 * of the machine leaves idle. (createThreadRunner() measures idleness itself, over the
 * moments just before the work; this is its fallback when there was no time to measure.)
 */
export function idleThreads(max = 2): number {
  const cores = availableParallelism()
  const idle = Math.floor(cores - loadavg()[0] + 0.5)
  return Math.max(1, Math.min(max, cores, idle))
}

/** Idle and total CPU time over all cores so far (milliseconds). */
function cpuTimes(): { idle: number; total: number } {
  let idle = 0
  let total = 0
  for (const cpu of cpus()) {
    const t = cpu.times
    idle += t.idle
    total += t.user + t.nice + t.sys + t.idle + t.irq
  }
  return { idle, total }
}

/** Shortest measurement of idleness worth trusting (the kernel counts CPU time in 10 ms ticks). */
const MIN_MEASURE_MS = 150

/**
 * A runner with `threads − 1` helper threads, or by default (`threads` undefined) as many
 * as there are idle cores, at most 2 threads in all. Idle means idle *while the caller
 * works*: the runner notes the machine's CPU times when it is created and decides when the
 * engine first asks how many threads it has (after tokenising): a helper is started only if
 * the other cores were at least 70% idle meanwhile. A helper on a busy core gains nothing —
 * Linux shares CPU time between sessions (autogroups), so two threads of a process that has
 * to share get no more than one — and its start-up and compilation would come out of the
 * caller's share. Helpers load in tens of milliseconds; until one has, its share of each
 * batch runs on the calling thread.
 */
export function createThreadRunner(threads?: number, options: ThreadRunnerOptions = {}): ThreadRunner {
  const source = options.kernelSource ?? createKernels.toString()
  const replies = new Int32Array(new SharedArrayBuffer(4))
  const helpers: Helper[] = []
  let helperTasks = 0
  let batch = 0
  const createdAt = Date.now()
  const before = threads === undefined ? cpuTimes() : null
  let decided = false

  function start(count: number): void {
    for (let h = 0; h < count; h++) {
      const channel = new MessageChannel()
      const state = new Int32Array(new SharedArrayBuffer(4))
      let worker: Worker
      try {
        worker = new Worker(HELPER, { eval: true, workerData: { port: channel.port2, state, replies, source }, transferList: [channel.port2] })
      } catch {
        channel.port1.close()
        break
      }
      const helper: Helper = { worker, port: channel.port1, state, alive: true }
      worker.on('error', () => (helper.alive = false))
      worker.on('exit', () => (helper.alive = false))
      worker.unref()
      helpers.push(helper)
    }
  }

  /** Starts the helpers worth having, once. */
  function decide(): void {
    if (decided) return
    decided = true
    const max = Math.min(2, availableParallelism())
    let count: number
    if (threads !== undefined) count = Math.max(0, Math.floor(threads) - 1)
    else if (Date.now() - createdAt < MIN_MEASURE_MS) count = idleThreads(max) - 1
    else {
      const now = cpuTimes()
      const share = (now.idle - before!.idle) / Math.max(1, now.total - before!.total)
      // Idle cores besides the one this thread kept busy.
      const idleCores = share * availableParallelism()
      count = Math.min(max - 1, Math.floor(idleCores / 0.7))
    }
    start(count)
  }
  if (threads !== undefined) decide()

  /** Helpers loaded and able to take work now; one that failed to load is dropped. */
  function loaded(): Helper[] {
    return helpers.filter((h) => {
      const state = Atomics.load(h.state, 0)
      if (state === FAILED && h.alive) {
        h.alive = false
        void h.worker.terminate()
      }
      return h.alive && state === LOADED
    })
  }

  function run(name: TaskName, tasks: unknown[]): unknown[] {
    decide()
    const live = tasks.length > 1 ? loaded() : []
    if (live.length === 0) return tasks.map((t) => runTask(name, t))
    const results: unknown[] = new Array(tasks.length)
    const counter = new Int32Array(new SharedArrayBuffer(4))
    batch++
    for (const helper of live) helper.worker.postMessage({ batch, name, tasks, counter })
    let missing = tasks.length
    for (;;) {
      const i = Atomics.add(counter, 0, 1)
      if (i >= tasks.length) break
      results[i] = runTask(name, tasks[i])
      missing--
    }
    // Wait only for tasks a helper actually took: one that has not picked the batch up by
    // now replies later with nothing, and that reply is skipped.
    while (missing > 0) {
      const seen = Atomics.load(replies, 0)
      for (const helper of live) {
        for (let m = receiveMessageOnPort(helper.port); m; m = receiveMessageOnPort(helper.port)) {
          const reply = m.message as Reply
          if (reply.batch !== batch) continue
          if (reply.error !== undefined) throw new Error(`analysis worker failed: ${reply.error}`)
          reply.indices!.forEach((i, j) => (results[i] = reply.out![j]))
          missing -= reply.indices!.length
          helperTasks += reply.indices!.length
        }
      }
      if (missing > 0) Atomics.wait(replies, 0, seen, 1000)
    }
    return results
  }

  return {
    get threads() {
      decide()
      return helpers.filter((h) => h.alive && Atomics.load(h.state, 0) !== FAILED).length + 1
    },
    get helperTasks() {
      return helperTasks
    },
    ready: async () => {
      decide()
      while (helpers.some((h) => h.alive && Atomics.load(h.state, 0) === 0)) await new Promise((resolve) => setTimeout(resolve, 5))
    },
    run,
    close: async () => {
      await Promise.all(helpers.map((h) => h.worker.terminate()))
      helpers.forEach((h) => h.port.close())
    },
  }
}
