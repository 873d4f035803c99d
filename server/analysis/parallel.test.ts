import { readFileSync } from 'node:fs'
import { transformWithEsbuild } from 'vite'
import { describe, expect, it } from 'vitest'
import { clusterDocuments, type InputDocument } from './index'
import { createKernels, kernels } from './kernels'
import { kmeans, normalizeRows } from './kmeans'
import { createThreadRunner } from './parallel'
import { createRandom } from './random'
import type { TaskRunner } from './tasks'
import { runTask } from './tasks'

/** A runner that claims many threads but runs in turn: exercises the task split. */
const splitting = (threads: number): TaskRunner => ({ threads, run: (name, tasks) => tasks.map((t) => runTask(name, t)) })

function corpus(n: number, seed: number): InputDocument[] {
  const random = createRandom(seed)
  const topics = [
    ['car', 'wash', 'agents', 'masks', 'workers', 'detained', 'raid'],
    ['school', 'children', 'parents', 'teachers', 'afraid', 'attendance', 'letter'],
    ['protest', 'tear', 'gas', 'rubber', 'bullets', 'crowd', 'march'],
    ['court', 'lawyer', 'hearing', 'judge', 'rights', 'deport', 'bond'],
  ]
  return Array.from({ length: n }, (_, i) => {
    const words = topics[i % topics.length]
    const text = Array.from({ length: 6 + random.int(5) }, () => words[random.int(words.length)]).join(' ')
    return { id: `d${i}`, text, lang: 'en' as const }
  })
}

describe('task runners', () => {
  it('k-means restarts give the same result however they are split', () => {
    const random = createRandom(3)
    const x = normalizeRows({ rows: 300, dims: 8, data: Float64Array.from({ length: 2400 }, () => random.normal()) })
    const serial = kmeans(x, 5, { seed: 9, restarts: 7 })
    for (const threads of [2, 3, 7, 16]) {
      const split = kmeans(x, 5, { seed: 9, restarts: 7, runner: splitting(threads) })
      expect(Array.from(split.labels)).toEqual(Array.from(serial.labels))
      expect(split.cohesion).toBe(serial.cohesion)
    }
  })

  it('Lloyd on all rows gives the same result however its assignment steps are split', () => {
    const random = createRandom(4)
    const x = normalizeRows({ rows: 5000, dims: 6, data: Float64Array.from({ length: 30_000 }, () => random.normal()) })
    const serial = kmeans(x, 6, { seed: 2, restarts: 3, restartSample: 500 })
    for (const threads of [2, 3]) {
      const split = kmeans(x, 6, { seed: 2, restarts: 3, restartSample: 500, runner: splitting(threads) })
      expect(Array.from(split.labels)).toEqual(Array.from(serial.labels))
      expect(Array.from(split.centroids)).toEqual(Array.from(serial.centroids))
      expect(split.cohesion).toBe(serial.cohesion)
    }
  })

  it('worker threads give byte-identical output to one thread', async () => {
    const docs = corpus(400, 1)
    const runner = createThreadRunner(2)
    try {
      await runner.ready()
      const threaded = clusterDocuments(docs, { seed: 5, k: 4, runner })
      const serial = clusterDocuments(docs, { seed: 5, k: 4 })
      expect(JSON.stringify(threaded)).toBe(JSON.stringify(serial))
      expect(runner.threads).toBe(2)
      expect(runner.helperTasks).toBeGreaterThan(0)
    } finally {
      await runner.close()
    }
  }, 30_000)

  it('by default uses a helper only if a core was idle, with the same output either way', async () => {
    const docs = corpus(600, 3)
    const runner = createThreadRunner()
    try {
      const result = clusterDocuments(docs, { seed: 4, k: 4, runner })
      expect(JSON.stringify(result)).toBe(JSON.stringify(clusterDocuments(docs, { seed: 4, k: 4 })))
      expect([1, 2]).toContain(runner.threads)
    } finally {
      await runner.close()
    }
  }, 30_000)

  it('falls back to the calling thread, with the same output, when the helper cannot load', async () => {
    const docs = corpus(400, 2)
    const runner = createThreadRunner(2, { kernelSource: 'function broken() { return missingHelper() }' })
    try {
      const first = clusterDocuments(docs, { seed: 3, k: 4, runner })
      // Once the helper has failed (however long that takes on a busy machine), run again: it must be dropped, not waited for.
      await runner.ready()
      const second = clusterDocuments(docs, { seed: 3, k: 4, runner })
      const serial = clusterDocuments(docs, { seed: 3, k: 4 })
      expect(JSON.stringify(first)).toBe(JSON.stringify(serial))
      expect(JSON.stringify(second)).toBe(JSON.stringify(serial))
      expect(runner.helperTasks).toBe(0)
      expect(runner.threads).toBe(1)
    } finally {
      await runner.close()
    }
  }, 30_000)

  it('kernels need nothing outside their own source text, however a bundler transpiles them', async () => {
    const random = createRandom(7)
    const x = normalizeRows({ rows: 200, dims: 5, data: Float64Array.from({ length: 1000 }, () => random.normal()) })
    const task = { rows: 200, dims: 5, data: x.data, k: 3, maxIterations: 50, greedySeeding: true, draws: [Float64Array.from({ length: 20 }, () => random.next())] }
    const expected = kernels.runRestarts(task)[0]
    const source = readFileSync(new URL('./kernels.ts', import.meta.url), 'utf8')
    const variants = [createKernels.toString()]
    // (keepNames together with minify renames esbuild's __name helper: the helper then fails
    // to load and the runner falls back to one thread — see the test above.)
    for (const options of [{ minify: true }, { keepNames: true }]) {
      const { code } = await transformWithEsbuild(source, 'kernels.ts', { loader: 'ts', format: 'cjs', target: 'es2022', ...options })
      const module = { exports: {} as { createKernels: () => unknown } }
      new Function('module', 'exports', code)(module, module.exports)
      variants.push(module.exports.createKernels.toString())
    }
    for (const text of variants) {
      const loaded = new Function('__name', `return (${text})`)((f: unknown) => f)() as typeof kernels
      const result = loaded.runRestarts(task)[0]
      expect(Array.from(result.labels)).toEqual(Array.from(expected.labels))
      expect(result.cohesion).toBe(expected.cohesion)
    }
  })
})
