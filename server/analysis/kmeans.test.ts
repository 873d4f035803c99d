import { describe, expect, it } from 'vitest'
import { chooseK, kmeans, normalizeRows, silhouette, type Dense } from './kmeans'
import { createRandom } from './random'

/** Unit vectors around `centres` directions in `dims` dimensions. */
function blobs(centres: number, perCentre: number, dims: number, noise: number, seed: number): { x: Dense; truth: number[] } {
  const random = createRandom(seed)
  const data = new Float64Array(centres * perCentre * dims)
  const truth: number[] = []
  for (let c = 0; c < centres; c++) {
    for (let i = 0; i < perCentre; i++) {
      const r = c * perCentre + i
      for (let j = 0; j < dims; j++) data[r * dims + j] = (j === c ? 1 : 0) + noise * random.normal()
      truth.push(c)
    }
  }
  return { x: normalizeRows({ rows: centres * perCentre, dims, data }), truth }
}

function samePartition(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  const map = new Map<number, number>()
  for (let i = 0; i < a.length; i++) {
    if (map.has(a[i]) && map.get(a[i]) !== b[i]) return false
    map.set(a[i], b[i])
  }
  return new Set(map.values()).size === map.size
}

describe('kmeans', () => {
  it('separates well-separated directions', () => {
    const { x, truth } = blobs(4, 30, 8, 0.1, 1)
    const result = kmeans(x, 4, { seed: 1, restarts: 3 })
    expect(samePartition(result.labels, truth)).toBe(true)
    for (let c = 0; c < 4; c++) {
      let s = 0
      for (let j = 0; j < 8; j++) s += result.centroids[c * 8 + j] ** 2
      expect(s).toBeCloseTo(1, 10)
    }
  })
  it('gives the same result for the same seed', () => {
    const { x } = blobs(3, 40, 6, 0.6, 2)
    const a = kmeans(x, 3, { seed: 9, restarts: 2 })
    const b = kmeans(x, 3, { seed: 9, restarts: 2 })
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels))
    expect(a.cohesion).toBe(b.cohesion)
  })
  it('refines the best restart of a sample on all rows', () => {
    const { x, truth } = blobs(3, 200, 6, 0.1, 4)
    const result = kmeans(x, 3, { seed: 1, restarts: 4, restartSample: 60 })
    expect(samePartition(result.labels, truth)).toBe(true)
  })
  it('caps k at the number of rows', () => {
    const { x } = blobs(2, 1, 4, 0, 3)
    const result = kmeans(x, 5, { seed: 1, restarts: 1 })
    expect(result.k).toBe(2)
    expect(new Set(result.labels).size).toBe(2)
  })
})

describe('silhouette and chooseK', () => {
  it('prefers the true number of groups', () => {
    const { x, truth } = blobs(3, 25, 6, 0.15, 5)
    expect(silhouette(x, Int32Array.from(truth), 3)).toBeGreaterThan(0.5)
    expect(chooseK(x, [2, 6], 1).k).toBe(3)
  })
})
