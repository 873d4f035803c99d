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
  const table = internTerms(docs)
  return fitVocabularyIds(table.docs, table.names, options).vocabulary
}

/** Feature strings as small integers (first-seen order), and each document as their ids. */
export type InternedTerms = { names: string[]; docs: Int32Array[] }

export function internTerms(docs: readonly (readonly string[])[]): InternedTerms {
  const ids = new Map<string, number>()
  const names: string[] = []
  const out = docs.map((terms) => {
    const row = new Int32Array(terms.length)
    for (let i = 0; i < terms.length; i++) {
      let id = ids.get(terms[i])
      if (id === undefined) {
        id = names.length
        ids.set(terms[i], id)
        names.push(terms[i])
      }
      row[i] = id
    }
    return row
  })
  return { names, docs: out }
}

/**
 * fitVocabulary on interned documents; also returns each interned id's column (−1 when the
 * feature was not kept), so the documents need no second round of string look-ups.
 */
export function fitVocabularyIds(docs: readonly Int32Array[], names: readonly string[], options: VocabularyOptions): { vocabulary: Vocabulary; column: Int32Array } {
  const df = new Int32Array(names.length)
  const lastDoc = new Int32Array(names.length).fill(-1)
  for (let d = 0; d < docs.length; d++) {
    const row = docs[d]
    for (let i = 0; i < row.length; i++) {
      const t = row[i]
      if (lastDoc[t] === d) continue
      lastDoc[t] = d
      df[t]++
    }
  }
  const n = docs.length
  const maxDf = Math.max(1, Math.floor(options.maxDfRatio * n))
  const select = (limit: number) => {
    const kept: number[] = []
    for (let t = 0; t < names.length; t++) {
      const count = df[t]
      if (count > limit && n > 2) continue
      if (count < (isPair(names[t]) ? options.minDfPair : options.minDf)) continue
      kept.push(t)
    }
    return kept
  }
  // When every feature is "too common" (near-identical texts), keep them rather than none.
  let kept = select(maxDf)
  if (kept.length === 0) kept = select(Infinity)
  // Sorted so that feature ids never depend on Map iteration order or input quirks.
  kept.sort((a, b) => (names[a] < names[b] ? -1 : names[a] > names[b] ? 1 : 0))
  const terms = kept.map((t) => names[t])
  const idf = new Float64Array(terms.length)
  const index = new Map<string, number>()
  const column = new Int32Array(names.length).fill(-1)
  kept.forEach((t, i) => {
    index.set(names[t], i)
    column[t] = i
    idf[i] = Math.log((1 + n) / (1 + df[t])) + 1
  })
  return { vocabulary: { terms, idf, index }, column }
}

/** Documents (as feature lists) → L2-normalised sublinear TF-IDF rows. */
export function transform(docs: readonly (readonly string[])[], vocabulary: Vocabulary): CsrMatrix {
  const { index, idf } = vocabulary
  const columns = docs.map((terms) => {
    const row = new Int32Array(terms.length)
    for (let i = 0; i < terms.length; i++) row[i] = index.get(terms[i]) ?? -1
    return row
  })
  return transformColumns(columns, idf)
}

/** Documents as column ids (−1: not in the vocabulary) → L2-normalised sublinear TF-IDF rows. */
export function transformColumns(docs: readonly Int32Array[], idf: Float64Array, column?: Int32Array): CsrMatrix {
  const counts = new Float64Array(idf.length)
  const touched: number[] = []
  const indptr = new Int32Array(docs.length + 1)
  let indices = new Int32Array(Math.max(16, docs.length * 8))
  let data = new Float64Array(indices.length)
  let nnz = 0
  for (let r = 0; r < docs.length; r++) {
    touched.length = 0
    const row = docs[r]
    for (let i = 0; i < row.length; i++) {
      const j = column ? column[row[i]] : row[i]
      if (j < 0) continue
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
