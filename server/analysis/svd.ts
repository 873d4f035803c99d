/**
 * Latent semantic analysis: randomised truncated SVD of a sparse TF-IDF matrix
 * (Halko, Martinsson & Tropp 2011, algorithm 4.4 with subspace iteration), then
 * Rayleigh–Ritz on the small projected problem. Dense blocks are row-major Float64Arrays.
 */
import type { CsrMatrix } from './vectorize'
import { fillSigned } from './random'
import { kernels } from './kernels'
import { allocateFloats, serialRunner, shareMatrix, type TaskRunner } from './tasks'

/** Y (rows×l) = A · M, with M (cols×l). */
export function multiply(a: CsrMatrix, m: Float64Array, l: number): Float64Array {
  const y = new Float64Array(a.rows * l)
  kernels.multiplyRows({ a, m, l, out: y, r0: 0, r1: a.rows })
  return y
}

/**
 * Orthonormalises the columns of M in place by Cholesky QR (M ← M R⁻¹ with RᵀR = MᵀM).
 * Columns that are (numerically) dependent are zeroed rather than amplified. MᵀM is split
 * by rows of G and the solve by rows of M, so the work can run on the runner's threads
 * with the same result.
 */
function choleskyQr(m: Float64Array, rows: number, l: number, runner: TaskRunner): void {
  const g = allocateFloats(runner, l * l)
  // Row i of the upper triangle costs l − i: split so the parts cost about the same.
  const parts = Math.min(runner.threads, l)
  const cuts = [0]
  for (let t = 1; t < parts; t++) cuts.push(Math.round(l - l * Math.sqrt(1 - t / parts)))
  cuts.push(l)
  runner.run('svd-gram', cuts.slice(0, -1).map((i0, t) => ({ m, l, g, i0, i1: cuts[t + 1] })))
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i]
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
  runner.run('svd-solve', splitRange(rows, runner.threads).map(([r0, r1]) => ({ m, l, rt, dead, r0, r1 })))
}

/** [start, end) ranges splitting n items into `parts` nearly equal pieces. */
function splitRange(n: number, parts: number): [number, number][] {
  const count = Math.max(1, Math.min(parts, n))
  return Array.from({ length: count }, (_, t) => [Math.floor((n * t) / count), Math.floor((n * (t + 1)) / count)])
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
 * Subspace iteration Z ← AᵀA Z from a random start, rescaling columns between steps and
 * orthonormalising once at the end: with few iterations the columns stay well enough
 * conditioned for one Cholesky QR (condition of MᵀM well below 1e16). Every step is split
 * into tasks whose results do not depend on how many there are (see gramProductColumns),
 * and works in place in two buffers (shared memory when the runner has helper threads).
 */
export function truncatedSvd(a: CsrMatrix, dims: number, seed: number, powerIterations = 3, runner: TaskRunner = serialRunner): Lsa {
  const l = Math.max(1, Math.min(dims, a.rows, a.cols))
  const shared = shareMatrix(runner, a)
  // Two buffers, each big enough for the embedding too, which goes into whichever the last
  // iteration left free: pages already touched are reused (first touches of fresh memory —
  // page faults — cost about as much here as the arithmetic), untouched ones cost nothing.
  const size = Math.max(a.rows, a.cols) * l
  let z = allocateFloats(runner, size).subarray(0, a.cols * l)
  // Uniform in [−1, 1): any i.i.d. zero-mean start spans a generic subspace (Halko et al.
  // §4.6 use Gaussian or structured ones); a tenth of the cost of Box–Muller normals.
  fillSigned(z, seed)
  let next = allocateFloats(runner, size).subarray(0, a.cols * l)
  const columns = splitRange(l, runner.threads)
  for (let it = 0; it < powerIterations; it++) {
    const m = z
    const out = next
    runner.run('svd-gram-product', columns.map(([c0, c1]) => ({ a: shared, m, l, out, c0, c1 })))
    next = z
    z = out
  }
  choleskyQr(z, a.cols, l, runner)
  const embedding = new Float64Array(next.buffer, next.byteOffset, a.rows * l)
  runner.run('svd-multiply', splitRange(a.rows, runner.threads).map(([r0, r1]) => ({ a: shared, m: z, l, out: embedding, r0, r1 })))
  return { dims: l, embedding, basis: z }
}
