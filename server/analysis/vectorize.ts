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

/**
 * Documents as lists of small integers (interned features), packed: document d's ids are
 * ids[start[d]] … ids[start[d + 1] − 1]. One pair of typed arrays instead of an object per
 * document keeps the garbage collector's work small on large inputs.
 */
export type PackedIds = { ids: Int32Array; start: Int32Array }

/** Feature strings as small integers (first-seen order), and the documents as their ids. */
export class TermTable {
  readonly names: string[] = []
  private readonly index = new Map<string, number>()
  private ids = new Int32Array(1024)
  private used = 0
  private readonly starts: number[] = [0]

  /** Appends a document's features. */
  add(terms: readonly string[]): void {
    if (this.used + terms.length > this.ids.length) {
      const grown = new Int32Array(Math.max(this.ids.length * 2, this.used + terms.length))
      grown.set(this.ids.subarray(0, this.used))
      this.ids = grown
    }
    for (let i = 0; i < terms.length; i++) {
      let id = this.index.get(terms[i])
      if (id === undefined) {
        id = this.names.length
        this.index.set(terms[i], id)
        this.names.push(terms[i])
      }
      this.ids[this.used++] = id
    }
    this.starts.push(this.used)
  }

  get docs(): PackedIds {
    return { ids: this.ids.subarray(0, this.used), start: Int32Array.from(this.starts) }
  }
}

export function internTerms(docs: readonly (readonly string[])[]): { names: string[]; docs: PackedIds } {
  const table = new TermTable()
  for (const terms of docs) table.add(terms)
  return { names: table.names, docs: table.docs }
}

/**
 * fitVocabulary on interned documents; also returns each interned id's column (−1 when the
 * feature was not kept), so the documents need no second round of string look-ups.
 */
export function fitVocabularyIds(docs: PackedIds, names: readonly string[], options: VocabularyOptions): { vocabulary: Vocabulary; column: Int32Array } {
  const { ids, start } = docs
  const n = start.length - 1
  const df = new Int32Array(names.length)
  const lastDoc = new Int32Array(names.length).fill(-1)
  for (let d = 0; d < n; d++) {
    for (let i = start[d]; i < start[d + 1]; i++) {
      const t = ids[i]
      if (lastDoc[t] === d) continue
      lastDoc[t] = d
      df[t]++
    }
  }
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
  const start = new Int32Array(docs.length + 1)
  for (let d = 0; d < docs.length; d++) start[d + 1] = start[d] + docs[d].length
  const ids = new Int32Array(start[docs.length])
  let p = 0
  for (const terms of docs) for (const t of terms) ids[p++] = index.get(t) ?? -1
  return transformColumns({ ids, start }, idf)
}

/**
 * Documents as column ids (−1: not in the vocabulary), or as interned ids mapped through
 * `column` → L2-normalised sublinear TF-IDF rows.
 */
export function transformColumns(docs: PackedIds, idf: Float64Array, column?: Int32Array): CsrMatrix {
  const { ids, start } = docs
  const rows = start.length - 1
  const counts = new Float64Array(idf.length)
  const touched: number[] = []
  const indptr = new Int32Array(rows + 1)
  let indices = new Int32Array(Math.max(16, rows * 8))
  let data = new Float64Array(indices.length)
  let nnz = 0
  for (let r = 0; r < rows; r++) {
    touched.length = 0
    for (let i = start[r]; i < start[r + 1]; i++) {
      const j = column ? column[ids[i]] : ids[i]
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
  return { rows, cols: idf.length, indptr, indices: indices.slice(0, nnz), data: data.slice(0, nnz) }
}
