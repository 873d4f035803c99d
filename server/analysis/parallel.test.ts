import { describe, expect, it } from 'vitest'
import { clusterDocuments, type InputDocument } from './index'
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
      const threaded = clusterDocuments(docs, { seed: 5, k: 4, runner })
      const serial = clusterDocuments(docs, { seed: 5, k: 4 })
      expect(JSON.stringify(threaded)).toBe(JSON.stringify(serial))
      expect(runner.threads).toBe(2)
    } finally {
      await runner.close()
    }
  }, 30_000)
})
