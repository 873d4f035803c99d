/**
 * Independent, pure pieces of work that may run on other threads. The engine stays pure and
 * synchronous: it hands a list of tasks to a TaskRunner and gets their results back in the
 * same order. The default runner runs them in turn; `parallel.ts` (not pure: it starts
 * worker threads) runs them on several cores. Results never depend on which thread ran a
 * task, so the same input and seed give byte-identical output with either runner.
 *
 * The tasks themselves are in kernels.ts (one self-contained function, so a helper thread
 * can be started from its source text). Tasks write their results into typed arrays they
 * are given; with helper threads those arrays are on shared memory (allocateFloats).
 */
import { kernels, type Kernels } from './kernels'
import type { CsrMatrix } from './vectorize'

export type TaskName = keyof Kernels['tasks']

export type TaskRunner = {
  /** How many tasks it can usefully run at once. */
  threads: number
  /** Runs the tasks (structured-cloneable) and returns their results in order. */
  run(name: TaskName, tasks: unknown[]): unknown[]
}

export function runTask(name: TaskName, task: unknown): unknown {
  return (kernels.tasks[name] as (t: unknown) => unknown)(task)
}

export const serialRunner: TaskRunner = {
  threads: 1,
  run: (name, tasks) => tasks.map((t) => runTask(name, t)),
}

/**
 * A Float64Array that tasks may write into: on shared memory when the runner has helper
 * threads (a SharedArrayBuffer is shared, not copied, when posted to a worker).
 */
export function allocateFloats(runner: TaskRunner, length: number): Float64Array {
  return runner.threads > 1 ? new Float64Array(new SharedArrayBuffer(length * 8)) : new Float64Array(length)
}

/** The matrix on shared memory when the runner has helper threads (copied once). */
export function shareMatrix(runner: TaskRunner, a: CsrMatrix): CsrMatrix {
  if (runner.threads <= 1 || a.data.buffer instanceof SharedArrayBuffer) return a
  const share = <T extends Int32Array | Float64Array>(x: T, make: (b: SharedArrayBuffer) => T): T => {
    const out = make(new SharedArrayBuffer(x.byteLength))
    out.set(x)
    return out
  }
  return {
    rows: a.rows,
    cols: a.cols,
    indptr: share(a.indptr, (b) => new Int32Array(b)),
    indices: share(a.indices, (b) => new Int32Array(b)),
    data: share(a.data, (b) => new Float64Array(b)),
  }
}
