/** Helper thread for parallel.ts: runs batches of pure tasks and signals the caller. */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads'
import { runTask, type TaskName } from './tasks'

const { port, flag } = workerData as { port: MessagePort; flag: Int32Array }

parentPort!.on('message', ({ name, tasks }: { name: TaskName; tasks: unknown[] }) => {
  let reply: { out?: unknown[]; error?: string }
  try {
    reply = { out: tasks.map((t) => runTask(name, t)) }
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  port.postMessage(reply)
  Atomics.store(flag, 0, 1)
  Atomics.notify(flag, 0)
})
// Loaded: tasks queued before now run next.
Atomics.store(flag, 1, 1)
Atomics.notify(flag, 0)
