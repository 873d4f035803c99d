/**
 * Sparse TF-IDF in one pass over typed arrays (natural.TfIdf is roughly quadratic in the
 * number of documents). Same weighting as scikit-learn's TfidfVectorizer(sublinear_tf=True):
 * tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalised.
 */
export type CsrMatrix = {
  rows: number
  cols: number
  indptr: Int32Array
  indices: Int32Array
  data: Float64Array
}

export type VocabularyOptions = {
  /** Keep a word only if this many documents contain it. */
  minDf: number
  /** Keep a word pair only if this many documents contain it. */
  minDfPair: number
  /** Drop features found in more than this share of documents. */
  maxDfRatio: number
}

export type Vocabulary = { terms: string[]; idf: Float64Array; index: Map<string, number> }

const isPair = (term: string) => term.includes(' ')

export function fitVocabulary(docs: readonly (readonly string[])[], options: VocabularyOptions): Vocabulary {
  const df = new Map<string, number>()
  const seen = new Set<string>()
  for (const terms of docs) {
    seen.clear()
    for (const t of terms) {
      if (seen.has(t)) continue
      seen.add(t)
      df.set(t, (df.get(t) ?? 0) + 1)
    }
  }
  const n = docs.length
  const maxDf = Math.max(1, Math.floor(options.maxDfRatio * n))
  const select = (limit: number) => {
    const kept: string[] = []
    for (const [t, count] of df) {
      if (count > limit && n > 2) continue
      if (count < (isPair(t) ? options.minDfPair : options.minDf)) continue
      kept.push(t)
    }
    return kept
  }
  // When every feature is "too common" (near-identical texts), keep them rather than none.
  let terms = select(maxDf)
  if (terms.length === 0) terms = select(Infinity)
  // Sorted so that feature ids never depend on Map iteration order or input quirks.
  terms.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const idf = new Float64Array(terms.length)
  const index = new Map<string, number>()
  terms.forEach((t, i) => {
    index.set(t, i)
    idf[i] = Math.log((1 + n) / (1 + df.get(t)!)) + 1
  })
  return { terms, idf, index }
}

/** Documents (as feature lists) → L2-normalised sublinear TF-IDF rows. */
export function transform(docs: readonly (readonly string[])[], vocabulary: Vocabulary): CsrMatrix {
  const { index, idf } = vocabulary
  const counts = new Float64Array(idf.length)
  const touched: number[] = []
  const indptr = new Int32Array(docs.length + 1)
  let indices = new Int32Array(Math.max(16, docs.length * 8))
  let data = new Float64Array(indices.length)
  let nnz = 0
  for (let r = 0; r < docs.length; r++) {
    touched.length = 0
    for (const t of docs[r]) {
      const j = index.get(t)
      if (j === undefined) continue
      if (counts[j] === 0) touched.push(j)
      counts[j]++
    }
    touched.sort((a, b) => a - b)
    if (nnz + touched.length > indices.length) {
      const size = Math.max(indices.length * 2, nnz + touched.length)
      const ni = new Int32Array(size)
      ni.set(indices.subarray(0, nnz))
      const nd = new Float64Array(size)
      nd.set(data.subarray(0, nnz))
      indices = ni
      data = nd
    }
    let norm = 0
    for (const j of touched) {
      const w = (1 + Math.log(counts[j])) * idf[j]
      counts[j] = 0
      indices[nnz] = j
      data[nnz++] = w
      norm += w * w
    }
    if (norm > 0) {
      const inv = 1 / Math.sqrt(norm)
      for (let p = indptr[r]; p < nnz; p++) data[p] *= inv
    }
    indptr[r + 1] = nnz
  }
  return { rows: docs.length, cols: idf.length, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) }
}
