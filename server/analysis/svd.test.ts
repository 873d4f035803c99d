import { describe, expect, it } from 'vitest'
import { createRandom } from './random'
import { multiply, symmetricEigen, truncatedSvd } from './svd'
import type { CsrMatrix } from './vectorize'

function toCsr(dense: number[][]): CsrMatrix {
  const indptr = [0]
  const indices: number[] = []
  const data: number[] = []
  for (const row of dense) {
    row.forEach((v, j) => {
      if (v !== 0) {
        indices.push(j)
        data.push(v)
      }
    })
    indptr.push(indices.length)
  }
  return { rows: dense.length, cols: dense[0].length, indptr: Int32Array.from(indptr), indices: Int32Array.from(indices), data: Float64Array.from(data) }
}

describe('symmetricEigen', () => {
  it('diagonalises a symmetric matrix, eigenvalues descending', () => {
    const a = Float64Array.from([4, 1, 0, 1, 3, 0, 0, 0, 1])
    const { values, vectors } = symmetricEigen(a, 3)
    expect(values[0]).toBeCloseTo((7 + Math.sqrt(5)) / 2, 10)
    expect(values[1]).toBeCloseTo((7 - Math.sqrt(5)) / 2, 10)
    expect(values[2]).toBeCloseTo(1, 10)
    // A v = λ v for the first eigenvector
    const v = [vectors[0], vectors[3], vectors[6]]
    const av = [4 * v[0] + v[1], v[0] + 3 * v[1], v[2]]
    av.forEach((x, i) => expect(x).toBeCloseTo(values[0] * v[i], 10))
  })
})

describe('truncatedSvd', () => {
  it('finds the row space of a low-rank matrix: projections keep all of each row', () => {
    const random = createRandom(3)
    const basis = [Array.from({ length: 30 }, () => random.normal()), Array.from({ length: 30 }, () => random.normal())]
    const dense = Array.from({ length: 40 }, () => {
      const a = random.normal()
      const b = random.normal()
      return basis[0].map((x, j) => a * x + b * basis[1][j])
    })
    const lsa = truncatedSvd(toCsr(dense), 2, 1)
    expect(lsa.dims).toBe(2)
    for (let r = 0; r < 40; r++) {
      const rowNorm = Math.hypot(...dense[r])
      const projNorm = Math.hypot(lsa.embedding[r * 2], lsa.embedding[r * 2 + 1])
      expect(projNorm / rowNorm).toBeCloseTo(1, 6)
    }
    // The basis is orthonormal.
    let d00 = 0
    let d01 = 0
    for (let j = 0; j < 30; j++) {
      d00 += lsa.basis[j * 2] ** 2
      d01 += lsa.basis[j * 2] * lsa.basis[j * 2 + 1]
    }
    expect(d00).toBeCloseTo(1, 8)
    expect(d01).toBeCloseTo(0, 8)
  })
  it('is deterministic for a seed and caps dimensions at the matrix size', () => {
    const x = toCsr([[1, 0, 2], [0, 1, 0], [3, 0, 1]])
    const a = truncatedSvd(x, 10, 5)
    const b = truncatedSvd(x, 10, 5)
    expect(a.dims).toBe(3)
    expect(Array.from(a.embedding)).toEqual(Array.from(b.embedding))
    expect(Array.from(multiply(x, a.basis, 3))).toEqual(Array.from(a.embedding))
  })
})
