/**
 * Spherical k-means (cosine) on unit-length dense rows: k-means++ seeding (greedy, as
 * scikit-learn), Lloyd iterations, several restarts keeping the most cohesive result.
 * Also silhouette-based choice of k on a sample.
 */
import { allocateFloats, serialRunner, type TaskRunner } from './tasks'
import { createRandom, deriveSeed, sampleIndices, type Random } from './random'
import type { CsrMatrix } from './vectorize'

export type Dense = { rows: number; dims: number; data: Float64Array }

export type KMeansResult = {
  k: number
  labels: Int32Array
  /** Unit-length centres (k×dims). */
  centroids: Float64Array
  /** Cosine of each row to its centre. */
  similarity: Float64Array
  /** Sum of cosines to the assigned centre (higher is better; = n − inertia/2). */
  cohesion: number
  iterations: number
}

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
  /** Greedy k-means++ (2 + ln k candidates per centre, as scikit-learn); default true. */
  greedySeeding?: boolean
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

function dot(a: Float64Array, ao: number, b: Float64Array, bo: number, dims: number): number {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let j = 0
  const end4 = dims - (dims % 4)
  for (; j < end4; j += 4) {
    s0 += a[ao + j] * b[bo + j]
    s1 += a[ao + j + 1] * b[bo + j + 1]
    s2 += a[ao + j + 2] * b[bo + j + 2]
    s3 += a[ao + j + 3] * b[bo + j + 3]
  }
  for (; j < dims; j++) s0 += a[ao + j] * b[bo + j]
  return s0 + s1 + s2 + s3
}

function seedPlusPlus(x: Dense, k: number, random: Random, greedy: boolean): Float64Array {
  const { rows, dims, data } = x
  const centroids = new Float64Array(k * dims)
  const first = random.int(rows)
  centroids.set(data.subarray(first * dims, first * dims + dims), 0)
  // Squared chord distance on the unit sphere: 2 − 2 cos.
  const closest = new Float64Array(rows)
  let total = 0
  for (let r = 0; r < rows; r++) {
    closest[r] = Math.max(0, 2 - 2 * dot(data, r * dims, centroids, 0, dims))
    total += closest[r]
  }
  const trials = greedy ? 2 + Math.floor(Math.log(k)) : 1
  // Distances to all candidates of a round in one pass over the rows (each row read once).
  const candidateDist = new Float64Array(trials * rows)
  const picks = new Int32Array(trials)
  const sums = new Float64Array(trials)
  const pair = new Float64Array(2)
  for (let c = 1; c < k; c++) {
    // The candidates are drawn before any distance is computed: `closest` does not change
    // within a round, so this draws exactly what drawing one candidate at a time would.
    for (let t = 0; t < trials; t++) {
      let target = random.next() * total
      let pick = rows - 1
      for (let r = 0; r < rows; r++) {
        target -= closest[r]
        if (target <= 0) {
          pick = r
          break
        }
      }
      picks[t] = pick * dims
    }
    sums.fill(0)
    for (let r = 0; r < rows; r++) {
      const o = r * dims
      const own = closest[r]
      let t = 0
      for (; t + 1 < trials; t += 2) {
        dot2(data, o, data, picks[t], picks[t + 1], dims, pair)
        const d0 = Math.min(own, Math.max(0, 2 - 2 * pair[0]))
        const d1 = Math.min(own, Math.max(0, 2 - 2 * pair[1]))
        candidateDist[t * rows + r] = d0
        candidateDist[(t + 1) * rows + r] = d1
        sums[t] += d0
        sums[t + 1] += d1
      }
      if (t < trials) {
        const d = Math.min(own, Math.max(0, 2 - 2 * dot(data, o, data, picks[t], dims)))
        candidateDist[t * rows + r] = d
        sums[t] += d
      }
    }
    let best = 0
    for (let t = 1; t < trials; t++) if (sums[t] < sums[best]) best = t
    centroids.set(data.subarray(picks[best], picks[best] + dims), c * dims)
    closest.set(candidateDist.subarray(best * rows, (best + 1) * rows))
    total = sums[best]
  }
  return centroids
}

const chord = (cos: number) => Math.sqrt(Math.max(0, 2 - 2 * cos))

/**
 * Two dot products of row `ao` of a with rows `bo` and `co` of b, each summed exactly as
 * dot() sums it (same four partial sums), reading the row once: about 1.5× faster than two
 * calls. Results in out[0], out[1].
 */
function dot2(a: Float64Array, ao: number, b: Float64Array, bo: number, co: number, dims: number, out: Float64Array): void {
  let s0 = 0
  let s1 = 0
  let s2 = 0
  let s3 = 0
  let t0 = 0
  let t1 = 0
  let t2 = 0
  let t3 = 0
  let j = 0
  const end4 = dims - (dims % 4)
  for (; j < end4; j += 4) {
    const x0 = a[ao + j]
    const x1 = a[ao + j + 1]
    const x2 = a[ao + j + 2]
    const x3 = a[ao + j + 3]
    s0 += x0 * b[bo + j]
    s1 += x1 * b[bo + j + 1]
    s2 += x2 * b[bo + j + 2]
    s3 += x3 * b[bo + j + 3]
    t0 += x0 * b[co + j]
    t1 += x1 * b[co + j + 1]
    t2 += x2 * b[co + j + 2]
    t3 += x3 * b[co + j + 3]
  }
  for (; j < dims; j++) {
    s0 += a[ao + j] * b[bo + j]
    t0 += a[ao + j] * b[co + j]
  }
  out[0] = s0 + s1 + s2 + s3
  out[1] = t0 + t1 + t2 + t3
}

/**
 * One assignment step of Lloyd's algorithm with Elkan's bounds over rows r0…r1, in place on
 * labels/upper/lower (shared memory when other threads run other row ranges). The first
 * step (`first`) computes every distance. Returns the rows that changed centre, as
 * (row, from, to) triples in row order, so the caller updates the centre sums in the same
 * order however the rows were split.
 */
export type AssignTask = {
  data: Float64Array
  dims: number
  k: number
  r0: number
  r1: number
  centroids: Float64Array
  labels: Int32Array
  upper: Float64Array
  lower: Float64Array
  first: boolean
  /** How far each centre moved (chord), half the distance to its nearest other centre, and half of all centre-to-centre distances (k×k); unused when `first`. */
  moved: Float64Array
  half: Float64Array
  between: Float64Array
}

export function assignRows(task: AssignTask): Int32Array {
  const { data, dims, k, r0, r1, centroids, labels, upper, lower, first, moved, half, between } = task
  const pair = new Float64Array(2)
  if (first) {
    // Every distance, exact; two centres per pass over the row.
    for (let r = r0; r < r1; r++) {
      const o = r * dims
      const lo = r * k
      let best = 0
      let bestSim = -Infinity
      let c = 0
      for (; c + 1 < k; c += 2) {
        dot2(data, o, centroids, c * dims, (c + 1) * dims, dims, pair)
        lower[lo + c] = chord(pair[0])
        lower[lo + c + 1] = chord(pair[1])
        if (pair[0] > bestSim) {
          bestSim = pair[0]
          best = c
        }
        if (pair[1] > bestSim) {
          bestSim = pair[1]
          best = c + 1
        }
      }
      if (c < k) {
        const s = dot(data, o, centroids, c * dims, dims)
        lower[lo + c] = chord(s)
        if (s > bestSim) best = c
      }
      labels[r] = best
      upper[r] = lower[lo + best]
    }
    return new Int32Array(0)
  }
  const moves: number[] = []
  for (let r = r0; r < r1; r++) {
    const lo = r * k
    for (let c = 0; c < k; c++) lower[lo + c] = Math.max(0, lower[lo + c] - moved[c])
    const was = labels[r]
    let a = was
    upper[r] += moved[a]
    if (upper[r] <= half[a]) continue
    const o = r * dims
    let tight = false
    for (let c = 0; c < k; c++) {
      if (c === a || upper[r] <= lower[lo + c] || upper[r] <= between[a * k + c]) continue
      if (!tight) {
        upper[r] = lower[lo + a] = chord(dot(data, o, centroids, a * dims, dims))
        tight = true
        if (upper[r] <= lower[lo + c] || upper[r] <= between[a * k + c]) continue
      }
      const d = (lower[lo + c] = chord(dot(data, o, centroids, c * dims, dims)))
      if (d < upper[r] || (d === upper[r] && c < a)) {
        a = c
        upper[r] = d
      }
    }
    if (a !== was) {
      labels[r] = a
      moves.push(r, was, a)
    }
  }
  return Int32Array.from(moves)
}

/**
 * Lloyd iterations with Elkan's bounds (2003): chord distances on the unit sphere obey the
 * triangle inequality, so with an upper bound on each row's distance to its centre and a
 * lower bound to every other centre, most dot products can be skipped — a centre is tried
 * only when its bound and the centre-to-centre distance leave it a chance. Same labels as
 * plain Lloyd, several times fewer dot products once few rows move. Centre sums are kept
 * up to date from the rows that moved (in row order) instead of being summed afresh each
 * iteration. The assignment steps run as tasks over row ranges on the runner's threads;
 * results never depend on how the rows were split.
 */
function lloyd(x: Dense, k: number, centroids: Float64Array, maxIterations: number, runner: TaskRunner = serialRunner): KMeansResult {
  const { rows, dims } = x
  const threads = rows >= 4000 ? runner.threads : 1
  const run = threads > 1 ? runner : serialRunner
  const data = threads > 1 ? shareFloats(x.data) : x.data
  const labels = threads > 1 ? new Int32Array(new SharedArrayBuffer(rows * 4)) : new Int32Array(rows)
  const upper = allocateFloats(run, rows)
  const lower = allocateFloats(run, rows * k)
  const sums = new Float64Array(k * dims)
  const sizes = new Int32Array(k)
  const moved = new Float64Array(k)
  const half = new Float64Array(k)
  const between = new Float64Array(k * k)
  const previous = new Float64Array(k * dims)
  const ranges = Array.from({ length: threads }, (_, t) => [Math.floor((rows * t) / threads), Math.floor((rows * (t + 1)) / threads)])
  const assign = (first: boolean) =>
    run.run('kmeans-assign', ranges.map(([r0, r1]) => ({ data, dims, k, r0, r1, centroids, labels, upper, lower, first, moved, half, between }))) as Int32Array[]

  assign(true)
  for (let r = 0; r < rows; r++) {
    const c = labels[r]
    sizes[c]++
    const o = r * dims
    const co = c * dims
    for (let j = 0; j < dims; j++) sums[co + j] += data[o + j]
  }
  let iterations = 1
  for (; ; iterations++) {
    // Move centres to the normalised mean of their rows.
    previous.set(centroids)
    for (let c = 0; c < k; c++) {
      const co = c * dims
      let source: Float64Array = sums
      let so = co
      if (sizes[c] === 0) {
        // Empty cluster: restart it at the row worst served by its centre.
        let worst = 0
        for (let r = 1; r < rows; r++) if (upper[r] > upper[worst]) worst = r
        upper[worst] = 0
        sums.fill(0, co, co + dims)
        source = data
        so = worst * dims
      }
      let s = 0
      for (let j = 0; j < dims; j++) s += source[so + j] * source[so + j]
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0
      for (let j = 0; j < dims; j++) centroids[co + j] = source[so + j] * inv
      moved[c] = chord(dot(centroids, co, previous, co, dims))
    }
    if (iterations >= maxIterations) break
    for (let c = 0; c < k; c++) {
      between[c * k + c] = 0
      for (let c2 = c + 1; c2 < k; c2++) between[c * k + c2] = between[c2 * k + c] = chord(dot(centroids, c * dims, centroids, c2 * dims, dims)) / 2
    }
    for (let c = 0; c < k; c++) {
      let nearest = Infinity
      for (let c2 = 0; c2 < k; c2++) if (c2 !== c) nearest = Math.min(nearest, between[c * k + c2])
      half[c] = nearest
    }
    let changed = 0
    for (const moves of assign(false)) {
      for (let m = 0; m < moves.length; m += 3) {
        const o = moves[m] * dims
        const from = moves[m + 1] * dims
        const to = moves[m + 2] * dims
        for (let j = 0; j < dims; j++) {
          sums[from + j] -= data[o + j]
          sums[to + j] += data[o + j]
        }
        sizes[moves[m + 1]]--
        sizes[moves[m + 2]]++
      }
      changed += moves.length / 3
    }
    // Converged when (almost) nothing moves: one row in 2,000.
    if (changed <= Math.floor(rows / 2000)) break
  }
  // Exact similarities for the final centres.
  const similarity = new Float64Array(rows)
  let cohesion = 0
  for (let r = 0; r < rows; r++) {
    similarity[r] = dot(data, r * dims, centroids, labels[r] * dims, dims)
    cohesion += similarity[r]
  }
  return { k, labels: threads > 1 ? Int32Array.from(labels) : labels, centroids, similarity, cohesion, iterations }
}

/** A copy on shared memory, unless it is there already. */
function shareFloats(x: Float64Array): Float64Array {
  if (x.buffer instanceof SharedArrayBuffer) return x
  const out = new Float64Array(new SharedArrayBuffer(x.byteLength))
  out.set(x)
  return out
}

export function kmeans(x: Dense, k: number, options: KMeansOptions): KMeansResult {
  const kk = Math.max(1, Math.min(k, x.rows))
  const maxIterations = options.maxIterations ?? 100
  const restarts = Math.max(1, options.restarts)
  const sampleSize = options.restartSample ?? Infinity
  if (restarts > 1 && x.rows > 2 * sampleSize && sampleSize >= 10 * kk) {
    const sample = takeRows(x, sampleIndices(x.rows, sampleSize, createRandom(deriveSeed(options.seed, 4))))
    const best = kmeans(sample, kk, { seed: options.seed, restarts, maxIterations, greedySeeding: options.greedySeeding, runner: options.runner })
    return lloyd(x, kk, Float64Array.from(best.centroids), Math.max(1, options.fullIterations ?? maxIterations), options.runner)
  }
  // Each restart depends only on (rows, k, seed, restart number), so the restarts may run on
  // several threads; the best is then chosen in restart order, as if they had run in turn.
  const task: RestartTask = { rows: x.rows, dims: x.dims, data: x.data, k: kk, seed: options.seed, maxIterations, greedySeeding: options.greedySeeding ?? true, restarts: [] }
  const runner = options.runner ?? serialRunner
  const parts = Math.min(runner.threads, restarts)
  const tasks = Array.from({ length: parts }, (_, t) => ({ ...task, restarts: Array.from({ length: restarts }, (_, r) => r).filter((r) => r % parts === t) }))
  const results: KMeansResult[] = new Array(restarts)
  runner.run('kmeans-restarts', tasks).forEach((out, t) => (out as KMeansResult[]).forEach((result, i) => (results[tasks[t].restarts[i]] = result)))
  let best: KMeansResult | null = null
  for (const result of results) if (!best || result.cohesion > best.cohesion + 1e-9) best = result
  return best!
}

/** Restarts of k-means on the same rows: a self-contained task for a worker thread. */
export type RestartTask = { rows: number; dims: number; data: Float64Array; k: number; seed: number; maxIterations: number; greedySeeding: boolean; restarts: number[] }

export function runRestarts(task: RestartTask): KMeansResult[] {
  const x: Dense = { rows: task.rows, dims: task.dims, data: task.data }
  return task.restarts.map((restart) => lloyd(x, task.k, seedPlusPlus(x, task.k, createRandom(deriveSeed(task.seed, 1, restart)), task.greedySeeding), task.maxIterations))
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
      sims.fill(0)
      for (let p = indptr[r]; p < indptr[r + 1]; p++) {
        const v = data[p]
        const to = indices[p] * k
        for (let c = 0; c < k; c++) sims[c] += v * transposed[to + c]
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
