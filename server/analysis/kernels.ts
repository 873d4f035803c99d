/**
 * The numeric kernels of the engine — LSA products, k-means seeding, Lloyd iterations — in
 * ONE self-contained function. It uses nothing from outside its own body (only JavaScript
 * globals; the imports above are types), so parallel.ts can start a helper thread from its
 * source text (`createKernels.toString()`): no TypeScript loader in the thread, no separate
 * build output, and the same code from source (tsx, vitest) and from a bundled production
 * build. svd.ts and kmeans.ts call the same functions on the calling thread.
 *
 * Keep it that way: no imports used at run time, no module-level helpers, no `Math.random`.
 */
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

/**
 * One assignment step of Lloyd's algorithm with Elkan's bounds over rows r0…r1, in place on
 * labels/upper/lower (shared memory when other threads run other row ranges). The first
 * step (`first`) computes every distance.
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
  /** For the first step, when known: every row's cosine to every centre (k×rows, centre-major). */
  cosines?: Float64Array
}

/** Runs an assignment step over all rows, split into row ranges (on other threads); results in row order. */
export type ParallelAssign = (step: Omit<AssignTask, 'r0' | 'r1'>) => Int32Array[]

/** Restarts of k-means on the same rows, each from its own random draws (see seedDraws). */
export type RestartTask = {
  rows: number
  dims: number
  data: Float64Array
  k: number
  maxIterations: number
  greedySeeding: boolean
  draws: Float64Array[]
  /** Converged when at most rows / convergence rows move (default 2,000). */
  convergence?: number
}

/** How many uniforms seedPlusPlus reads for k centres. */
export function seedDraws(k: number, greedy: boolean): number {
  return 1 + Math.max(0, k - 1) * (greedy ? 2 + Math.floor(Math.log(k)) : 1)
}

export function createKernels() {
  // ---------- LSA (svd.ts) ----------
  /**
   * y[yo + c] += v · m[mo + c] for c < w, unrolled by 4: V8 does not vectorise, and unrolling
   * roughly halves the loop and bounds-check overhead of the hottest loops. Each element gets
   * the same single product and sum as in a plain loop.
   */
  function axpy(y: Float64Array, yo: number, v: number, m: Float64Array, mo: number, w: number): void {
    const w4 = w - (w & 3)
    let c = 0
    for (; c < w4; c += 4) {
      y[yo + c] += v * m[mo + c]
      y[yo + c + 1] += v * m[mo + c + 1]
      y[yo + c + 2] += v * m[mo + c + 2]
      y[yo + c + 3] += v * m[mo + c + 3]
    }
    for (; c < w; c++) y[yo + c] += v * m[mo + c]
  }

  /**
   * y[yo + c] += v0·m[a + c] + v1·m[b + c] + v2·m[d + c] + v3·m[e + c], summed left to right:
   * exactly what four axpy() calls in turn give each element, with one load and store of
   * y per four products instead of one per product.
   */
  function axpy4(y: Float64Array, yo: number, m: Float64Array, v0: number, a: number, v1: number, b: number, v2: number, d: number, v3: number, e: number, w: number): void {
    for (let c = 0; c < w; c++) y[yo + c] = y[yo + c] + v0 * m[a + c] + v1 * m[b + c] + v2 * m[d + c] + v3 * m[e + c]
  }

  /** y (w) = Σ data[p]·m[indices[p]·l + c0 …] over p in [start, end), nonzeros in order, four at a time. */
  function gatherRow(y: Float64Array, indices: Int32Array, data: Float64Array, start: number, end: number, m: Float64Array, l: number, c0: number, w: number): void {
    let p = start
    for (; p + 3 < end; p += 4) {
      axpy4(y, 0, m, data[p], indices[p] * l + c0, data[p + 1], indices[p + 1] * l + c0, data[p + 2], indices[p + 2] * l + c0, data[p + 3], indices[p + 3] * l + c0, w)
    }
    for (; p < end; p++) axpy(y, 0, data[p], m, indices[p] * l + c0, w)
  }

  /** Rows r0…r1 of A·M into `out` (rows×l, those rows overwritten). */
  function multiplyRows(task: { a: CsrMatrix; m: Float64Array; l: number; out: Float64Array; r0: number; r1: number }): void {
    const { a, m, l, out, r0, r1 } = task
    const { indptr, indices, data } = a
    const y = new Float64Array(l)
    for (let r = r0; r < r1; r++) {
      y.fill(0)
      gatherRow(y, indices, data, indptr[r], indptr[r + 1], m, l, 0, l)
      out.set(y, r * l)
    }
  }

  /**
   * Columns c0…c1 of Aᵀ(A·M) (cols×l) into `out`, then each of those columns scaled to unit
   * length. Row r of A·M is formed in a small buffer and scattered straight back, never
   * materialising A·M. Column c of the result depends only on column c of M, and every
   * element is summed in the same order (rows ascending) however the columns are split, so
   * the bits never depend on the number of tasks.
   */
  function gramProductColumns(task: { a: CsrMatrix; m: Float64Array; l: number; out: Float64Array; c0: number; c1: number }): void {
    const { a, m, l, out, c0, c1 } = task
    const { rows, cols, indptr, indices, data } = a
    const w = c1 - c0
    if (w <= 0) return
    for (let j = 0; j < cols; j++) out.fill(0, j * l + c0, j * l + c1)
    const y = new Float64Array(w)
    for (let r = 0; r < rows; r++) {
      const start = indptr[r]
      const end = indptr[r + 1]
      if (start === end) continue
      y.fill(0)
      gatherRow(y, indices, data, start, end, m, l, c0, w)
      for (let p = start; p < end; p++) axpy(out, indices[p] * l + c0, data[p], y, 0, w)
    }
    const norms = new Float64Array(w)
    for (let j = 0; j < cols; j++) {
      const o = j * l + c0
      for (let c = 0; c < w; c++) norms[c] += out[o + c] * out[o + c]
    }
    for (let c = 0; c < w; c++) norms[c] = norms[c] > 0 ? 1 / Math.sqrt(norms[c]) : 0
    for (let j = 0; j < cols; j++) {
      const o = j * l + c0
      for (let c = 0; c < w; c++) out[o + c] *= norms[c]
    }
  }

  /**
   * Rows i0…i1 of G = MᵀM (l×l, upper triangle and diagonal) for row-major M (rows×l), into
   * `g`. Each element sums over all rows of M in order, so splitting by i changes no bits.
   */
  function gramRows(task: { m: Float64Array; l: number; g: Float64Array; i0: number; i1: number }): void {
    const { m, l, g, i0, i1 } = task
    const rows = m.length / l
    g.fill(0, i0 * l, i1 * l)
    let r = 0
    // Four rows at a time, added to each element in row order. (A zero adds nothing: the
    // sums start at +0 and never become −0, so adding it or skipping it give the same bits.)
    for (; r + 3 < rows; r += 4) {
      const o0 = r * l
      const o1 = o0 + l
      const o2 = o1 + l
      const o3 = o2 + l
      for (let i = i0; i < i1; i++) axpy4(g, i * l + i, m, m[o0 + i], o0 + i, m[o1 + i], o1 + i, m[o2 + i], o2 + i, m[o3 + i], o3 + i, l - i)
    }
    for (; r < rows; r++) {
      const o = r * l
      for (let i = i0; i < i1; i++) {
        const v = m[o + i]
        if (v !== 0) axpy(g, i * l + i, v, m, o + i, l - i)
      }
    }
  }

  /**
   * Solves rows r0…r1 of M in place: x_new R = x (forward substitution over columns). The
   * dot products use four partial sums: one running sum is a chain of dependent additions,
   * four keep the floating-point unit busy.
   */
  function solveRows(task: { m: Float64Array; l: number; rt: Float64Array; dead: Uint8Array; r0: number; r1: number }): void {
    const { m, l, rt, dead, r0, r1 } = task
    const row = new Float64Array(l)
    const row2 = new Float64Array(l)
    let q = r0
    // Two rows at a time, sharing the loads of Rᵀ; each row's sums exactly as on its own.
    for (; q + 1 < r1; q += 2) {
      const o = q * l
      const o2 = o + l
      for (let j = 0; j < l; j++) {
        if (dead[j]) {
          row[j] = 0
          row2[j] = 0
          continue
        }
        const jo = j * l
        let s0 = 0
        let s1 = 0
        let s2 = 0
        let s3 = 0
        let t0 = 0
        let t1 = 0
        let t2 = 0
        let t3 = 0
        const j4 = j - (j & 3)
        let k = 0
        for (; k < j4; k += 4) {
          const a0 = rt[jo + k]
          const a1 = rt[jo + k + 1]
          const a2 = rt[jo + k + 2]
          const a3 = rt[jo + k + 3]
          s0 += row[k] * a0
          s1 += row[k + 1] * a1
          s2 += row[k + 2] * a2
          s3 += row[k + 3] * a3
          t0 += row2[k] * a0
          t1 += row2[k + 1] * a1
          t2 += row2[k + 2] * a2
          t3 += row2[k + 3] * a3
        }
        for (; k < j; k++) {
          s0 += row[k] * rt[jo + k]
          t0 += row2[k] * rt[jo + k]
        }
        row[j] = (m[o + j] - (s0 + s1 + s2 + s3)) / rt[jo + j]
        row2[j] = (m[o2 + j] - (t0 + t1 + t2 + t3)) / rt[jo + j]
      }
      m.set(row, o)
      m.set(row2, o2)
    }
    for (; q < r1; q++) {
      const o = q * l
      for (let j = 0; j < l; j++) {
        if (dead[j]) {
          row[j] = 0
          continue
        }
        const jo = j * l
        let s0 = 0
        let s1 = 0
        let s2 = 0
        let s3 = 0
        const j4 = j - (j & 3)
        let k = 0
        for (; k < j4; k += 4) {
          s0 += row[k] * rt[jo + k]
          s1 += row[k + 1] * rt[jo + k + 1]
          s2 += row[k + 2] * rt[jo + k + 2]
          s3 += row[k + 3] * rt[jo + k + 3]
        }
        for (; k < j; k++) s0 += row[k] * rt[jo + k]
        row[j] = (m[o + j] - (s0 + s1 + s2 + s3)) / rt[jo + j]
      }
      m.set(row, o)
    }
  }

  // ---------- k-means (kmeans.ts) ----------
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

  /**
     * Greedy k-means++ seeding (2 + ln k candidates per centre, as scikit-learn; one when not
   * greedy) from `draws`, uniforms in [0, 1) (seedDraws() tells how many): the random
   * numbers come from outside so that this code needs nothing beyond its own body.
   */
  function seedPlusPlus(x: Dense, k: number, draws: Float64Array, greedy: boolean): { centroids: Float64Array; cosines: Float64Array } {
    const { rows, dims, data } = x
    const centroids = new Float64Array(k * dims)
    let drawn = 0
    const first = Math.floor(draws[drawn++] * rows)
    centroids.set(data.subarray(first * dims, first * dims + dims), 0)
    // Squared chord distance on the unit sphere: 2 − 2 cos. Every row's cosine to every
    // chosen centre is kept (k×rows): Lloyd's first assignment then needs no dot product.
    const closest = new Float64Array(rows)
    const cosines = new Float64Array(k * rows)
    let total = 0
    for (let r = 0; r < rows; r++) {
      const cos = dot(data, r * dims, centroids, 0, dims)
      cosines[r] = cos
      closest[r] = Math.max(0, 2 - 2 * cos)
      total += closest[r]
    }
    const trials = greedy ? 2 + Math.floor(Math.log(k)) : 1
    // Distances to all candidates of a round in one pass over the rows (each row read once).
    const candidateDist = new Float64Array(trials * rows)
    const candidateCos = new Float64Array(trials * rows)
    const picks = new Int32Array(trials)
    const sums = new Float64Array(trials)
    const pair = new Float64Array(2)
    for (let c = 1; c < k; c++) {
      // The candidates are drawn before any distance is computed: `closest` does not change
      // within a round, so this draws exactly what drawing one candidate at a time would.
      for (let t = 0; t < trials; t++) {
        let target = draws[drawn++] * total
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
          candidateCos[t * rows + r] = pair[0]
          candidateCos[(t + 1) * rows + r] = pair[1]
          candidateDist[t * rows + r] = d0
          candidateDist[(t + 1) * rows + r] = d1
          sums[t] += d0
          sums[t + 1] += d1
        }
        if (t < trials) {
          const cos = dot(data, o, data, picks[t], dims)
          const d = Math.min(own, Math.max(0, 2 - 2 * cos))
          candidateCos[t * rows + r] = cos
          candidateDist[t * rows + r] = d
          sums[t] += d
        }
      }
      let best = 0
      for (let t = 1; t < trials; t++) if (sums[t] < sums[best]) best = t
      centroids.set(data.subarray(picks[best], picks[best] + dims), c * dims)
      closest.set(candidateDist.subarray(best * rows, (best + 1) * rows))
      cosines.set(candidateCos.subarray(best * rows, (best + 1) * rows), c * rows)
      total = sums[best]
    }
    return { centroids, cosines }
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
  function assignRows(task: AssignTask): Int32Array {
    const { data, dims, k, r0, r1, centroids, labels, upper, lower, first, moved, half, between, cosines } = task
    const rows = labels.length
    const pair = new Float64Array(2)
    if (first && cosines) {
      // Every cosine already known (from the seeding): the same choice, no dot product.
      for (let r = r0; r < r1; r++) {
        const lo = r * k
        let best = 0
        let bestSim = -Infinity
        for (let c = 0; c < k; c++) {
          const s = cosines[c * rows + r]
          lower[lo + c] = chord(s)
          if (s > bestSim) {
            bestSim = s
            best = c
          }
        }
        labels[r] = best
        upper[r] = lower[lo + best]
      }
      return new Int32Array(0)
    }
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
  function lloyd(x: Dense, k: number, centroids: Float64Array, maxIterations: number, parallel?: ParallelAssign, cosines?: Float64Array, convergence = 2000): KMeansResult {
    const { rows, dims, data } = x
    const f64 = (n: number) => (parallel ? new Float64Array(new SharedArrayBuffer(n * 8)) : new Float64Array(n))
    const labels = parallel ? new Int32Array(new SharedArrayBuffer(rows * 4)) : new Int32Array(rows)
    const upper = f64(rows)
    const lower = f64(rows * k)
    const sums = new Float64Array(k * dims)
    const sizes = new Int32Array(k)
    const moved = new Float64Array(k)
    const half = new Float64Array(k)
    const between = new Float64Array(k * k)
    const previous = new Float64Array(k * dims)
    const step: Omit<AssignTask, 'r0' | 'r1'> = { data, dims, k, centroids, labels, upper, lower, first: true, moved, half, between }
    const assign = (first: boolean): Int32Array[] => {
      step.first = first
      step.cosines = first ? cosines : undefined
      return parallel ? parallel(step) : [assignRows({ ...step, r0: 0, r1: rows })]
    }

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
      // Converged when (almost) nothing moves: by default one row in 2,000.
      if (changed <= Math.floor(rows / convergence)) break
    }
    // Exact similarities for the final centres.
    const similarity = new Float64Array(rows)
    let cohesion = 0
    for (let r = 0; r < rows; r++) {
      similarity[r] = dot(data, r * dims, centroids, labels[r] * dims, dims)
      cohesion += similarity[r]
    }
    return { k, labels: parallel ? Int32Array.from(labels) : labels, centroids, similarity, cohesion, iterations }
  }


  /** Restarts of k-means on the same rows: a self-contained task for a helper thread. */
  function runRestarts(task: RestartTask): KMeansResult[] {
    const x: Dense = { rows: task.rows, dims: task.dims, data: task.data }
    return task.draws.map((draws) => {
      const seeded = seedPlusPlus(x, task.k, draws, task.greedySeeding)
      return lloyd(x, task.k, seeded.centroids, task.maxIterations, undefined, seeded.cosines, task.convergence)
    })
  }

  /** The tasks a helper thread can run, by name (see tasks.ts). */
  const tasks = {
    'svd-gram-product': gramProductColumns,
    'svd-gram': gramRows,
    'svd-solve': solveRows,
    'svd-multiply': multiplyRows,
    'kmeans-restarts': runRestarts,
    'kmeans-assign': assignRows,
  }

  return { tasks, axpy, dot, dot2, chord, seedPlusPlus, assignRows, lloyd, runRestarts, multiplyRows, gramProductColumns, gramRows, solveRows }
}

export type Kernels = ReturnType<typeof createKernels>

/** The kernels for the calling thread. */
export const kernels: Kernels = createKernels()
