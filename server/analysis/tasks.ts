/**
 * Independent, pure pieces of work that may run on other threads. The engine stays pure and
 * synchronous: it hands a list of tasks to a TaskRunner and gets their results back in the
 * same order. The default runner runs them in turn; `parallel.ts` (not pure: it starts
 * worker threads) runs them on several cores. Results never depend on which thread ran a
 * task, so the same input and seed give byte-identical output with either runner.
 */
import { runRestarts, type RestartTask } from './kmeans'
import { gramTask, solveTask, sparseProductTask, type SparseProductTask } from './svd'

export const TASKS = {
  'kmeans-restarts': (task: RestartTask) => runRestarts(task),
  'sparse-product': (task: SparseProductTask) => sparseProductTask(task),
  gram: (task: { m: Float64Array; l: number }) => gramTask(task),
  solve: (task: { m: Float64Array; l: number; rt: Float64Array; dead: Uint8Array }) => solveTask(task),
} as const

export type TaskName = keyof typeof TASKS

export type TaskRunner = {
  /** How many tasks it can usefully run at once. */
  threads: number
  /** Runs the tasks (structured-cloneable) and returns their results in order. */
  run(name: TaskName, tasks: unknown[]): unknown[]
}

export function runTask(name: TaskName, task: unknown): unknown {
  return (TASKS[name] as (t: unknown) => unknown)(task)
}

export const serialRunner: TaskRunner = {
  threads: 1,
  run: (name, tasks) => tasks.map((t) => runTask(name, t)),
}
