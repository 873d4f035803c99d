/**
 * Latent semantic analysis: randomised truncated SVD of a sparse TF-IDF matrix
 * (Halko, Martinsson & Tropp 2011, algorithm 4.4 with subspace iteration), then
 * Rayleigh–Ritz on the small projected problem. Dense blocks are row-major Float64Arrays.
 */
import type { CsrMatrix } from './vectorize'
import { createRandom } from './random'
import { serialRunner, type TaskRunner } from './tasks'

/** Y (rows×l) = A · M, with M (cols×l). */
export function multiply(a: CsrMatrix, m: Float64Array, l: number): Float64Array {
  const { rows, indptr, indices, data } = a
  const y = new Float64Array(rows * l)
  for (let r = 0; r < rows; r++) {
    const yo = r * l
    const end = indptr[r + 1]
    for (let p = indptr[r]; p < end; p++) {
      const v = data[p]
      const mo = indices[p] * l
      for (let c = 0; c < l; c++) y[yo + c] += v * m[mo + c]
    }
  }
  return y
}

/** Z (cols×l) = Aᵀ · Y, with Y (rows×l). */
export function multiplyTransposed(a: CsrMatrix, y: Float64Array, l: number): Float64Array {
  const { rows, cols, indptr, indices, data } = a
  const z = new Float64Array(cols * l)
  for (let r = 0; r < rows; r++) {
    const yo = r * l
    const end = indptr[r + 1]
    for (let p = indptr[r]; p < end; p++) {
      const v = data[p]
      const zo = indices[p] * l
      for (let c = 0; c < l; c++) z[zo + c] += v * y[yo + c]
    }
  }
  return z
}

/** Scales each column of row-major M (rows×l) to unit length. */
function normalizeColumns(m: Float64Array, rows: number, l: number): void {
  const norms = new Float64Array(l)
  for (let r = 0; r < rows; r++) {
    const o = r * l
    for (let c = 0; c < l; c++) norms[c] += m[o + c] * m[o + c]
  }
  for (let c = 0; c < l; c++) norms[c] = norms[c] > 0 ? 1 / Math.sqrt(norms[c]) : 0
  for (let r = 0; r < rows; r++) {
    const o = r * l
    for (let c = 0; c < l; c++) m[o + c] *= norms[c]
  }
}

/** G = Mᵀ M (l×l) for row-major M (rows×l). */
function gram(m: Float64Array, rows: number, l: number): Float64Array {
  const g = new Float64Array(l * l)
  for (let r = 0; r < rows; r++) {
    const o = r * l
    for (let i = 0; i < l; i++) {
      const v = m[o + i]
      if (v === 0) continue
      const gi = i * l
      let j = i
      for (; j + 3 < l; j += 4) {
        g[gi + j] += v * m[o + j]
        g[gi + j + 1] += v * m[o + j + 1]
        g[gi + j + 2] += v * m[o + j + 2]
        g[gi + j + 3] += v * m[o + j + 3]
      }
      for (; j < l; j++) g[gi + j] += v * m[o + j]
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i]
  return g
}

/**
 * Orthonormalises the columns of M in place by Cholesky QR (M ← M R⁻¹ with RᵀR = MᵀM).
 * Columns that are (numerically) dependent are zeroed rather than amplified. MᵀM is summed
 * over fixed row blocks in order and the rows are solved block by block, so the work can
 * run on the runner's threads with the same result.
 */
function choleskyQr(m: Float64Array, rows: number, l: number, runner: TaskRunner = serialRunner): void {
  const bounds = Array.from({ length: PRODUCT_BLOCKS + 1 }, (_, b) => Math.floor((rows * b) / PRODUCT_BLOCKS))
  const blocks = bounds.slice(0, -1).map((start, b) => m.slice(start * l, bounds[b + 1] * l))
  const grams = runner.run('gram', blocks.map((block) => ({ m: block, l }))) as Float64Array[]
  const g = grams[0]
  for (let b = 1; b < grams.length; b++) for (let i = 0; i < g.length; i++) g[i] += grams[b][i]
  // rt holds Rᵀ (row j = column j of R) so the per-row solve reads contiguously.
  const rt = new Float64Array(l * l)
  let maxDiag = 0
  for (let i = 0; i < l; i++) maxDiag = Math.max(maxDiag, g[i * l + i])
  const eps = maxDiag * 1e-12
  const dead = new Uint8Array(l)
  for (let j = 0; j < l; j++) {
    let s = g[j * l + j]
    for (let k = 0; k < j; k++) s -= rt[j * l + k] * rt[j * l + k]
    if (s <= eps) {
      dead[j] = 1
      continue
    }
    const d = Math.sqrt(s)
    rt[j * l + j] = d
    for (let i = j + 1; i < l; i++) {
      let t = g[j * l + i]
      for (let k = 0; k < j; k++) t -= rt[j * l + k] * rt[i * l + k]
      rt[i * l + j] = t / d
    }
  }
  const solved = runner.run('solve', blocks.map((block) => ({ m: block, l, rt, dead }))) as Float64Array[]
  solved.forEach((block, b) => m.set(block, bounds[b] * l))
}

/** MᵀM (l×l) of one row block. */
export function gramTask(task: { m: Float64Array; l: number }): Float64Array {
  return gram(task.m, task.m.length / task.l, task.l)
}

/** Solves each row x of a block in place: x_new R = x (forward substitution over columns). */
export function solveTask(task: { m: Float64Array; l: number; rt: Float64Array; dead: Uint8Array }): Float64Array {
  const { m, l, rt, dead } = task
  const rows = m.length / l
  const row = new Float64Array(l)
  for (let q = 0; q < rows; q++) {
    const o = q * l
    for (let j = 0; j < l; j++) {
      if (dead[j]) {
        row[j] = 0
        continue
      }
      let s = m[o + j]
      const jo = j * l
      for (let k = 0; k < j; k++) s -= row[k] * rt[jo + k]
      row[j] = s / rt[jo + j]
    }
    for (let j = 0; j < l; j++) m[o + j] = row[j]
  }
  return m
}

/** Eigen-decomposition of a symmetric l×l matrix by cyclic Jacobi; eigenvalues descending. */
export function symmetricEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input)
  const v = new Float64Array(l * l)
  for (let i = 0; i < l; i++) v[i * l + i] = 1
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0
    let total = 0
    for (let i = 0; i < l; i++)
      for (let j = 0; j < l; j++) {
        const x = a[i * l + j] * a[i * l + j]
        total += x
        if (i !== j) off += x
      }
    if (off <= 1e-22 * total || off === 0) break
    for (let p = 0; p < l - 1; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]
        if (Math.abs(apq) < 1e-300) continue
        const app = a[p * l + p]
        const aqq = a[q * l + q]
        const theta = (aqq - app) / (2 * apq)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]
          const akq = a[k * l + q]
          a[k * l + p] = c * akp - s * akq
          a[k * l + q] = s * akp + c * akq
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]
          const aqk = a[q * l + k]
          a[p * l + k] = c * apk - s * aqk
          a[q * l + k] = s * apk + c * aqk
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]
          const vkq = v[k * l + q]
          v[k * l + p] = c * vkp - s * vkq
          v[k * l + q] = s * vkp + c * vkq
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => a[y * l + y] - a[x * l + x] || x - y)
  const values = new Float64Array(l)
  const vectors = new Float64Array(l * l)
  order.forEach((src, dst) => {
    values[dst] = a[src * l + src]
    for (let k = 0; k < l; k++) vectors[k * l + dst] = v[k * l + src]
  })
  return { values, vectors }
}

export type Lsa = {
  dims: number
  /** Documents in the reduced space, A·Z (rows×dims). */
  embedding: Float64Array
  /**
   * Orthonormal basis Z (cols×dims) of the dominant right singular subspace: a new TF-IDF
   * row x maps to x·Z. Cosines in this basis equal those in the singular-vector basis
   * (a rotation), so the clustering needs no further eigen-decomposition.
   */
  basis: Float64Array
}

/**
 * Subspace iteration Z ← AᵀA Z from a Gaussian start, rescaling columns between steps and
 * orthonormalising once at the end: with few iterations the columns stay well enough
 * conditioned for one Cholesky QR (condition of MᵀM well below 1e16).
 */
export function truncatedSvd(a: CsrMatrix, dims: number, seed: number, powerIterations = 3, runner: TaskRunner = serialRunner): Lsa {
  const l = Math.max(1, Math.min(dims, a.rows, a.cols))
  const random = createRandom(seed)
  let z: Float64Array = new Float64Array(a.cols * l)
  // Uniform in [−1, 1): any i.i.d. zero-mean start spans a generic subspace (Halko et al.
  // §4.6 use Gaussian or structured ones); a tenth of the cost of Box–Muller normals.
  for (let i = 0; i < z.length; i++) z[i] = 2 * random.next() - 1
  // The products run on fixed row blocks (their number never depends on the threads
  // available), and AᵀA Z is summed over the blocks in order: the same bits on any runner.
  const blocks = rowBlocks(a, PRODUCT_BLOCKS)
  for (let it = 0; it < powerIterations; it++) {
    const parts = runner.run('sparse-product', blocks.map((b) => ({ ...b, m: z, l, back: true }))) as Float64Array[]
    z = parts[0]
    for (let b = 1; b < parts.length; b++) {
      const part = parts[b]
      for (let i = 0; i < z.length; i++) z[i] += part[i]
    }
    normalizeColumns(z, a.cols, l)
  }
  choleskyQr(z, a.cols, l, runner)
  const parts = runner.run('sparse-product', blocks.map((b) => ({ ...b, m: z, l, back: false }))) as Float64Array[]
  const embedding = new Float64Array(a.rows * l)
  let offset = 0
  for (const part of parts) {
    embedding.set(part, offset)
    offset += part.length
  }
  return { dims: l, embedding, basis: z }
}

/** Row blocks of A for the sparse products (fixed count, so results never vary). */
const PRODUCT_BLOCKS = 2

/**
 * One row block A_b of a sparse matrix and a dense M (cols×l): computes A_b·M, or with
 * `back` A_bᵀ(A_b·M) (cols×l), whose sum over the blocks is AᵀA·M.
 */
export type SparseProductTask = CsrMatrix & { m: Float64Array; l: number; back: boolean }

export function sparseProductTask(task: SparseProductTask): Float64Array {
  return task.back ? multiplyGram(task, task.m, task.l) : multiply(task, task.m, task.l)
}

/**
 * Aᵀ(A·M) (cols×l) one row at a time: row r of A·M is formed in a small buffer and scattered
 * straight back, never materialising A·M. Same sums in the same order as
 * multiplyTransposed(a, multiply(a, m, l), l).
 */
export function multiplyGram(a: CsrMatrix, m: Float64Array, l: number): Float64Array {
  const { rows, cols, indptr, indices, data } = a
  const z = new Float64Array(cols * l)
  const y = new Float64Array(l)
  for (let r = 0; r < rows; r++) {
    const start = indptr[r]
    const end = indptr[r + 1]
    if (start === end) continue
    y.fill(0)
    for (let p = start; p < end; p++) {
      const v = data[p]
      const mo = indices[p] * l
      for (let c = 0; c < l; c++) y[c] += v * m[mo + c]
    }
    for (let p = start; p < end; p++) {
      const v = data[p]
      const zo = indices[p] * l
      for (let c = 0; c < l; c++) z[zo + c] += v * y[c]
    }
  }
  return z
}

function rowBlocks(a: CsrMatrix, count: number): CsrMatrix[] {
  const out: CsrMatrix[] = []
  for (let b = 0; b < count; b++) {
    const start = Math.floor((a.rows * b) / count)
    const end = Math.floor((a.rows * (b + 1)) / count)
    const base = a.indptr[start]
    const indptr = new Int32Array(end - start + 1)
    for (let r = start; r <= end; r++) indptr[r - start] = a.indptr[r] - base
    out.push({ rows: end - start, cols: a.cols, indptr, indices: a.indices.slice(base, a.indptr[end]), data: a.data.slice(base, a.indptr[end]) })
  }
  return out
}
