/**
 * Spherical k-means (cosine) on unit-length dense rows: k-means++ seeding (greedy, as
 * scikit-learn), Lloyd iterations with Elkan's bounds, several restarts keeping the most
 * cohesive result (the numeric loops are in kernels.ts). Also silhouette-based choice of k
 * on a sample, and refinement in the sparse TF-IDF space.
 */
import { kernels, seedDraws, type AssignTask, type Dense, type KMeansResult, type ParallelAssign, type RestartTask } from './kernels'
import { createRandom, deriveSeed, sampleIndices } from './random'
import { serialRunner, type TaskRunner } from './tasks'
import type { CsrMatrix } from './vectorize'

export type { Dense, KMeansResult } from './kernels'

const { dot } = kernels

export type KMeansOptions = {
  seed: number
  restarts: number
  maxIterations?: number
  /**
   * When there are more rows than this, the restarts run on a random sample of this many
   * rows and only the best of them is refined on all rows: most of the quality of full
   * restarts at the cost of about one run.
   */
  restartSample?: number
  /**
   * Lloyd iterations on all rows after restarts on a sample (default maxIterations); 1 only
   * assigns each row to the nearest centre, for callers that refine elsewhere.
   */
  fullIterations?: number
  /**
   * Lloyd on all rows after restarts on a sample converges when at most rows /
   * fullConvergence rows move (default 1,000: its last iterations move a handful of rows
   * each, and the refinement in TF-IDF space that follows re-assigns every row anyway).
   */
  fullConvergence?: number
  /** Greedy k-means++ (2 + ln k candidates per centre, as scikit-learn); default true. */
  greedySeeding?: boolean
  /** Restarts converge when at most rows / convergence rows move (default 2,000). */
  convergence?: number
  /**
   * The same for restarts on a sample (default 200): they only choose the starting centres
   * for Lloyd on all rows, whose own convergence test is the usual one in 2,000.
   */
  sampleConvergence?: number
  /** Runs independent tasks, possibly on other threads (see parallel.ts); default in turn. */
  runner?: TaskRunner
}

export function normalizeRows(x: Dense): Dense {
  const { rows, dims, data } = x
  for (let r = 0; r < rows; r++) {
    let s = 0
    const o = r * dims
    for (let c = 0; c < dims; c++) s += data[o + c] * data[o + c]
    if (s > 0) {
      const inv = 1 / Math.sqrt(s)
      for (let c = 0; c < dims; c++) data[o + c] *= inv
    }
  }
  return x
}

export function kmeans(x: Dense, k: number, options: KMeansOptions): KMeansResult {
  const kk = Math.max(1, Math.min(k, x.rows))
  const maxIterations = options.maxIterations ?? 100
  const restarts = Math.max(1, options.restarts)
  const sampleSize = options.restartSample ?? Infinity
  const runner = options.runner ?? serialRunner
  const greedy = options.greedySeeding ?? true
  if (restarts > 1 && x.rows > 2 * sampleSize && sampleSize >= 10 * kk) {
    const sample = takeRows(x, sampleIndices(x.rows, sampleSize, createRandom(deriveSeed(options.seed, 4))))
    const best = kmeans(sample, kk, { seed: options.seed, restarts, maxIterations, greedySeeding: greedy, runner, convergence: options.sampleConvergence ?? 200 })
    // Lloyd on all rows: its assignment steps split over the runner's threads when worth it.
    const threaded = runner.threads > 1 && x.rows >= 4000
    const data = threaded ? shareFloats(x.data) : x.data
    const parallel: ParallelAssign | undefined = threaded
      ? (step) => {
          const parts = 2 * runner.threads
          const ranges = Array.from({ length: parts }, (_, t) => [Math.floor((x.rows * t) / parts), Math.floor((x.rows * (t + 1)) / parts)])
          return runner.run('kmeans-assign', ranges.map(([r0, r1]): AssignTask => ({ ...step, r0, r1 }))) as Int32Array[]
        }
      : undefined
    return kernels.lloyd({ rows: x.rows, dims: x.dims, data }, kk, Float64Array.from(best.centroids), Math.max(1, options.fullIterations ?? maxIterations), parallel, undefined, options.fullConvergence ?? 1000)
  }
  // Each restart depends only on (rows, k, its own random draws), so the restarts may run on
  // several threads; the best is then chosen in restart order, as if they had run in turn.
  const draws = Array.from({ length: restarts }, (_, r) => {
    const random = createRandom(deriveSeed(options.seed, 1, r))
    return Float64Array.from({ length: seedDraws(kk, greedy) }, () => random.next())
  })
  // With helper threads, one task per restart (threads claim them as they finish one).
  const threaded = runner.threads > 1
  const data = threaded ? shareFloats(x.data) : x.data
  const task = (mine: Float64Array[]): RestartTask => ({ rows: x.rows, dims: x.dims, data, k: kk, maxIterations, greedySeeding: greedy, draws: mine, convergence: options.convergence })
  const tasks = threaded ? draws.map((d) => task([d])) : [task(draws)]
  const results = (runner.run('kmeans-restarts', tasks) as KMeansResult[][]).flat()
  let best: KMeansResult | null = null
  for (const result of results) if (!best || result.cohesion > best.cohesion + 1e-9) best = result
  return best!
}

/** A copy on shared memory (shared, not copied, when posted to a helper thread), unless it is there already. */
function shareFloats(x: Float64Array): Float64Array {
  if (x.buffer instanceof SharedArrayBuffer) return x
  const out = new Float64Array(new SharedArrayBuffer(x.byteLength))
  out.set(x)
  return out
}

export function takeRows(x: Dense, indices: readonly number[]): Dense {
  const out: Dense = { rows: indices.length, dims: x.dims, data: new Float64Array(indices.length * x.dims) }
  indices.forEach((r, i) => out.data.set(x.data.subarray(r * x.dims, (r + 1) * x.dims), i * x.dims))
  return out
}

/** Mean silhouette (cosine distance) of a labelling of unit rows. */
export function silhouette(x: Dense, labels: Int32Array, k: number): number {
  const { rows, dims, data } = x
  if (rows < 2 || k < 2) return 0
  const sizes = new Int32Array(k)
  for (let r = 0; r < rows; r++) sizes[labels[r]]++
  const sumDist = new Float64Array(k)
  let total = 0
  for (let r = 0; r < rows; r++) {
    sumDist.fill(0)
    for (let q = 0; q < rows; q++) {
      if (q === r) continue
      sumDist[labels[q]] += 1 - dot(data, r * dims, data, q * dims, dims)
    }
    const own = labels[r]
    if (sizes[own] <= 1) continue
    const a = sumDist[own] / (sizes[own] - 1)
    let b = Infinity
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sumDist[c] / sizes[c])
    if (!Number.isFinite(b)) continue
    total += (b - a) / Math.max(a, b, 1e-12)
  }
  return total / rows
}

/** Picks k in [min, max] by silhouette of k-means on a sample of at most sampleSize rows. */
export function chooseK(x: Dense, range: [number, number], seed: number, sampleSize = 1500): { k: number; scores: { k: number; silhouette: number }[] } {
  const idx = sampleIndices(x.rows, sampleSize, createRandom(deriveSeed(seed, 2)))
  const sample = takeRows(x, idx)
  const lo = Math.max(2, range[0])
  const hi = Math.min(range[1], sample.rows - 1)
  const scores: { k: number; silhouette: number }[] = []
  let bestK = Math.min(lo, Math.max(1, x.rows))
  let bestScore = -Infinity
  for (let k = lo; k <= hi; k++) {
    const result = kmeans(sample, k, { seed: deriveSeed(seed, 3, k), restarts: 2, maxIterations: 50 })
    const s = silhouette(sample, result.labels, k)
    scores.push({ k, silhouette: s })
    if (s > bestScore + 1e-9) {
      bestScore = s
      bestK = k
    }
  }
  return { k: bestK, scores }
}

export type SparseRefinement = {
  labels: Int32Array
  /** Unit-length centres in TF-IDF space (k×cols). */
  centroids: Float64Array
  similarity: Float64Array
  iterations: number
}

/**
 * Spherical k-means iterations on the sparse TF-IDF rows themselves, starting from a
 * labelling found in the reduced space: LSA finds the broad structure, the full feature
 * space sharpens the borders (about +0.01–0.02 NMI on every corpus we measured).
 * Rows labelled -1 stay out. Empty clusters keep their previous centre.
 */
export function refineSparse(x: CsrMatrix, start: Int32Array, k: number, maxIterations: number): SparseRefinement {
  const { rows, cols, indptr, indices, data } = x
  const labels = Int32Array.from(start)
  const centroids = new Float64Array(k * cols)
  const similarity = new Float64Array(rows)
  const sizes = new Int32Array(k)
  const previous = new Float64Array(k * cols)
  let iterations = 0
  const update = () => {
    previous.set(centroids)
    centroids.fill(0)
    sizes.fill(0)
    for (let r = 0; r < rows; r++) {
      const c = labels[r]
      if (c < 0) continue
      sizes[c]++
      const co = c * cols
      for (let p = indptr[r]; p < indptr[r + 1]; p++) centroids[co + indices[p]] += data[p]
    }
    for (let c = 0; c < k; c++) {
      const co = c * cols
      if (sizes[c] === 0) {
        centroids.set(previous.subarray(co, co + cols), co)
        continue
      }
      let s = 0
      for (let j = 0; j < cols; j++) s += centroids[co + j] * centroids[co + j]
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0
      for (let j = 0; j < cols; j++) centroids[co + j] *= inv
    }
  }
  // Centres transposed (cols×k): a row's k cosines come from one contiguous slice per word.
  const transposed = new Float64Array(cols * k)
  const sims = new Float64Array(k)
  const assign = () => {
    for (let c = 0; c < k; c++) for (let j = 0, co = c * cols; j < cols; j++) transposed[j * k + c] = centroids[co + j]
    let changed = 0
    for (let r = 0; r < rows; r++) {
      if (labels[r] < 0) continue
      let best = labels[r]
      let bestSim = -Infinity
      // Four centres per pass over the row's words, their sums in registers: each cosine is
      // summed in word order as before, at half the time of updating k sums per word.
      const start = indptr[r]
      const end = indptr[r + 1]
      let c = 0
      for (; c + 3 < k; c += 4) {
        let s0 = 0
        let s1 = 0
        let s2 = 0
        let s3 = 0
        for (let p = start; p < end; p++) {
          const v = data[p]
          const to = indices[p] * k + c
          s0 += v * transposed[to]
          s1 += v * transposed[to + 1]
          s2 += v * transposed[to + 2]
          s3 += v * transposed[to + 3]
        }
        sims[c] = s0
        sims[c + 1] = s1
        sims[c + 2] = s2
        sims[c + 3] = s3
      }
      for (; c < k; c++) {
        let s0 = 0
        for (let p = start; p < end; p++) s0 += data[p] * transposed[indices[p] * k + c]
        sims[c] = s0
      }
      for (let c = 0; c < k; c++) {
        const s = sims[c]
        if (s > bestSim) {
          bestSim = s
          best = c
        }
      }
      similarity[r] = bestSim
      if (best !== labels[r]) {
        changed++
        labels[r] = best
      }
    }
    return changed
  }
  update()
  for (; iterations < maxIterations; iterations++) {
    const changed = assign()
    update()
    if (changed <= Math.floor(rows / 2000)) break
  }
  // Similarities to the final centres.
  for (let r = 0; r < rows; r++) {
    if (labels[r] < 0) continue
    const co = labels[r] * cols
    let s = 0
    for (let p = indptr[r]; p < indptr[r + 1]; p++) s += data[p] * centroids[co + indices[p]]
    similarity[r] = s
  }
  return { labels, centroids, similarity, iterations }
}
