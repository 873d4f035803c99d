/**
 * Public API of the text analysis engine: cluster testimonies (English and Spanish) into
 * themes, describe each theme, and place new testimonies in an existing run's themes.
 * Pure: no I/O, clock or Math.random; the same input and seed give the same result.
 */
import type { BilingualDictionary } from './bilingual'
import { classTfIdf, diversePick, keyTermsFor, splitSentences, SurfaceForms } from './describe'
import { chooseK, kmeans, normalizeRows, refineSparse, type Dense } from './kmeans'
import { LEXICON_VERSION } from './lexicon'
import { ClusterModelSchema, decodeFloats, encodeFloats, MODEL_VERSION, type ClusterModel } from './model'
import { deriveSeed } from './random'
import { truncatedSvd } from './svd'
import type { TaskRunner } from './tasks'
import { createAnalyzer, type AnalyzedText, type Analyzer, type AnalyzerOptions, type Lang } from './tokenize'
import { fitVocabularyIds, TermTable, transform, transformColumns, type CsrMatrix, type PackedIds, type Vocabulary } from './vectorize'

export type { BilingualDictionary } from './bilingual'
export { parseDictdDictionary } from './bilingual'
export { adjustedRandIndex, normalizedMutualInformation } from './metrics'
export { ClusterModelSchema, type ClusterModel } from './model'
export type { Lang } from './tokenize'
export type { TaskRunner } from './tasks'

export type InputDocument = {
  id: string
  text: string
  /** 'en' or 'es'; guessed from function words when absent. */
  lang?: Lang
  /**
   * Machine translation into the other language, used for features: English for a Spanish
   * text (Apertium spa-eng), Spanish for an English one (eng-spa). In a set with both
   * languages, pass it for every document that has one: each document then carries both
   * languages' views, and translations of one another land together far more often.
   */
  translation?: string | null
  /** Whether the submitter consented to being quoted; see ClusterOptions.quotableOnly. */
  quotable?: boolean
}

export type Progress = { stage: 'features' | 'vectors' | 'reduce' | 'choose-k' | 'cluster' | 'describe'; done: number; total: number }

export type ClusterOptions = {
  seed: number
  /** Number of clusters; chosen by silhouette within kRange when absent. */
  k?: number
  kRange?: [number, number]
  /** LSA dimensions for the first clustering (default 100); 0 skips LSA. */
  dims?: number
  /** Features for frequent adjacent-word pairs (default true). */
  bigrams?: boolean
  /** k-means restarts (on a sample of 3,000 when larger), best cohesion kept (default 10). */
  restarts?: number
  /**
   * At or below this cosine (TF-IDF space) to its centre a document is unclustered (-1).
   * Default 0: only documents with no usable words (empty, emoji, placeholders, words seen
   * nowhere else) are left out; raise it to set aside loosely related testimony.
   */
  minSimilarity?: number
  /** General Spanish→English word list for text without a translation. */
  dictionary?: BilingualDictionary
  /** Summary sentences only from documents with quotable === true. */
  quotableOnly?: boolean
  keyTermCount?: number
  representativeCount?: number
  onProgress?: (progress: Progress) => void
  /**
   * Runs the LSA products and k-means restarts, possibly on several threads
   * (`createThreadRunner()` in `parallel.ts`); default: in turn on this thread. Same output.
   */
  runner?: TaskRunner
}

export type Assignment = { id: string; cluster: number; similarity: number }

export type ClusterDescription = {
  id: number
  size: number
  keyTerms: { en: string[]; es: string[] }
  languageMix: { en: number; es: number }
  /** Document ids, most representative first. */
  representatives: string[]
  /** At most three central sentences, in order of centrality. */
  summarySentences: { documentId: string; text: string }[]
}

export type ClusterResult = {
  k: number
  assignments: Assignment[]
  clusters: ClusterDescription[]
  unclustered: number
  /** Silhouette per candidate k when k was chosen automatically. */
  kScores?: { k: number; silhouette: number }[]
  model: ClusterModel
}

const DEFAULTS = { bigrams: true, dims: 100, restarts: 10, minSimilarity: 0, restartSample: 3000, refineIterations: 10, keyTermCount: 10, representativeCount: 5 }

function analyzerOptions(bigrams: boolean, dictionary: BilingualDictionary | undefined): AnalyzerOptions {
  return { bigrams, concepts: true, pivotSpanish: true, dictionary }
}

/**
 * Features of a document: its own text's, plus its machine translation's into the other
 * language when given. Both views land in the same English-stem space (Spanish words are
 * pivoted, 012), so a Spanish testimony and an English one about the same thing share the
 * features of both views: the Spanish text's English translation meets the English text,
 * and the English text's Spanish translation meets the Spanish text (Apertium's literal
 * Spanish is much closer to a Spanish original than either is to the other's English). The
 * original's own words are kept beside the translation's: Apertium misses idioms the
 * lexicon knows ("la migra" → "it migrates it").
 */
function featuresOf(analyzer: Analyzer, doc: InputDocument): { lang: Lang; features: AnalyzedText; own: AnalyzedText; translated: AnalyzedText | null } {
  const own = analyzer.analyze(doc.text, doc.lang)
  if (!doc.translation || !doc.translation.trim()) return { lang: own.lang, features: own, own, translated: null }
  const translated = analyzer.analyze(doc.translation, own.lang === 'es' ? 'en' : 'es')
  const features = { lang: translated.lang, terms: [...translated.terms, ...own.terms], surfaces: [...translated.surfaces, ...own.surfaces] }
  return { lang: own.lang, features, own, translated }
}

/** Densifies small TF-IDF matrices when LSA cannot apply (fewer than two rows or columns). */
function densify(x: CsrMatrix): Dense {
  const data = new Float64Array(x.rows * x.cols)
  for (let r = 0; r < x.rows; r++) for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) data[r * x.cols + x.indices[p]] = x.data[p]
  return normalizeRows({ rows: x.rows, dims: x.cols, data })
}

/** Cosine of sparse row r of x with dense unit vector `centre` (offset `co`). */
function rowDot(x: CsrMatrix, r: number, centre: Float64Array, co: number): number {
  let s = 0
  for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) s += x.data[p] * centre[co + x.indices[p]]
  return s
}

/** Cosine of two sparse rows (sorted indices). */
function rowsDot(x: CsrMatrix, a: number, b: number): number {
  let p = x.indptr[a]
  let q = x.indptr[b]
  const pe = x.indptr[a + 1]
  const qe = x.indptr[b + 1]
  let s = 0
  while (p < pe && q < qe) {
    const i = x.indices[p]
    const j = x.indices[q]
    if (i === j) s += x.data[p++] * x.data[q++]
    else if (i < j) p++
    else q++
  }
  return s
}

const dotRow = (a: Float64Array, ao: number, b: Float64Array, bo: number, dims: number) => {
  let s = 0
  for (let j = 0; j < dims; j++) s += a[ao + j] * b[bo + j]
  return s
}

export function clusterDocuments(docs: readonly InputDocument[], options: ClusterOptions): ClusterResult {
  // Options explicitly set to undefined fall back to the defaults too.
  const opts = { ...DEFAULTS, ...(Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as ClusterOptions) }
  const progress = options.onProgress ?? (() => {})
  const n = docs.length
  const analyzer = createAnalyzer(analyzerOptions(opts.bigrams, options.dictionary), { pairSurfaces: false })

  progress({ stage: 'features', done: 0, total: n })
  const langs: Lang[] = new Array(n)
  // Features become small integers as they are made: documents retain no strings.
  const table = new TermTable()
  const surfaces = new SurfaceForms()
  const pivotedSpanish = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const { lang, features, own, translated } = featuresOf(analyzer, docs[i])
    langs[i] = lang
    pivotedSpanish[i] = lang === 'es' && !translated ? 1 : 0
    table.add(features.terms)
    // Surface forms of single words and concepts only; a pair is shown through its words.
    for (let t = 0; t < own.terms.length; t++) if (!own.terms[t].includes(' ')) surfaces.add(own.terms[t], own.surfaces[t], lang)
    if (translated) for (let t = 0; t < translated.terms.length; t++) if (!translated.terms[t].includes(' ')) surfaces.add(translated.terms[t], translated.surfaces[t], translated.lang)
    if ((i + 1) % 5000 === 0) progress({ stage: 'features', done: i + 1, total: n })
  }
  const termNames = table.names
  const docTerms = table.docs

  progress({ stage: 'vectors', done: 0, total: n })
  const small = n < 20
  // A word pair is "frequent" in at least 2 documents, or 1 in 10,000 in large corpora
  // (perturbed or templated text otherwise floods the vocabulary with rare pairs).
  const minDfPair = small ? 1 : Math.max(2, Math.ceil(n / 10_000))
  const { vocabulary, column } = fitVocabularyIds(docTerms, termNames, { minDf: small ? 1 : 2, minDfPair, maxDfRatio: small ? 1 : 0.5 })
  const x = transformColumns(docTerms, vocabulary.idf, column)

  progress({ stage: 'reduce', done: 0, total: 1 })
  const wantDims = Math.max(0, opts.dims)
  const useLsa = wantDims > 0 && x.cols > 0 && Math.min(x.rows, x.cols) > 1
  const lsa = useLsa ? truncatedSvd(x, wantDims, deriveSeed(opts.seed, 10), undefined, options.runner) : null
  const dense = lsa ? normalizeRows({ rows: x.rows, dims: lsa.dims, data: lsa.embedding }) : densify(x)
  const width = dense.dims

  // Documents with no features at all cannot be placed: they stay unclustered.
  const placeable: number[] = []
  for (let r = 0; r < n; r++) if (x.indptr[r + 1] > x.indptr[r] && dotRow(dense.data, r * width, dense.data, r * width, width) > 0.5) placeable.push(r)
  // Their rows moved up in place (r ≥ i): `dense` is not used again, and a fresh copy of a
  // large matrix costs more in page faults than the copying itself.
  placeable.forEach((r, i) => r !== i && dense.data.copyWithin(i * width, r * width, (r + 1) * width))
  const sub: Dense = { rows: placeable.length, dims: width, data: dense.data.subarray(0, placeable.length * width) }

  let k: number
  let kScores: { k: number; silhouette: number }[] | undefined
  if (options.k !== undefined) k = Math.max(1, Math.min(Math.floor(options.k), sub.rows))
  else if (sub.rows < 3) k = Math.max(1, sub.rows)
  else {
    progress({ stage: 'choose-k', done: 0, total: 1 })
    const range = options.kRange ?? [2, Math.max(2, Math.min(20, Math.round(Math.sqrt(sub.rows / 2))))]
    const chosen = chooseK(sub, range, deriveSeed(opts.seed, 11))
    k = chosen.k
    kScores = chosen.scores
  }

  progress({ stage: 'cluster', done: 0, total: 1 })
  const labels = new Int32Array(n).fill(-1)
  const similarity = new Float64Array(n)
  let centroids = new Float64Array(0)
  if (sub.rows > 0) {
    // Refining in TF-IDF space sharpens monolingual clusters but pulls pivoted Spanish
    // (no translation) apart from English, whose exact words it shares less than their LSA
    // topics: refine only when all placeable documents are represented the same way.
    const pivoted = placeable.filter((r) => pivotedSpanish[r]).length
    const refine = (pivoted === 0 || pivoted === placeable.length) && opts.refineIterations > 0
    // (Skipping Lloyd on all rows in LSA space after the sampled restarts, leaving it to the
    // TF-IDF refinement, was tried: StackOverflow median NMI fell from 0.73 to 0.70.)
    const result = kmeans(sub, k, { seed: deriveSeed(opts.seed, 12), restarts: opts.restarts, restartSample: opts.restartSample, runner: options.runner })
    k = result.k
    const start = new Int32Array(n).fill(-1)
    placeable.forEach((r, i) => (start[r] = result.labels[i]))
    const refined = refineSparse(x, start, k, refine ? opts.refineIterations : 0)
    // Cluster ids by size, largest first (ties: earliest member), so output reads naturally.
    const sizes = new Int32Array(k)
    const first = new Int32Array(k).fill(n)
    for (const r of placeable) {
      sizes[refined.labels[r]]++
      first[refined.labels[r]] = Math.min(first[refined.labels[r]], r)
    }
    const order = Array.from({ length: k }, (_, c) => c)
      .filter((c) => sizes[c] > 0)
      .sort((a, b) => sizes[b] - sizes[a] || first[a] - first[b])
    const rank = new Int32Array(k).fill(-1)
    order.forEach((c, i) => (rank[c] = i))
    k = order.length
    centroids = new Float64Array(k * x.cols)
    order.forEach((c, i) => centroids.set(refined.centroids.subarray(c * x.cols, (c + 1) * x.cols), i * x.cols))
    for (const r of placeable) {
      similarity[r] = refined.similarity[r]
      labels[r] = refined.similarity[r] > opts.minSimilarity || (opts.minSimilarity <= 0 && refined.similarity[r] >= 0) ? rank[refined.labels[r]] : -1
    }
  } else k = 0

  progress({ stage: 'describe', done: 0, total: k })
  const clusters = describeClusters({ docs, langs, docTerms, column, surfaces, vocabulary, labels, similarity, x, centroids, k, analyzer, opts })

  const model: ClusterModel = {
    version: MODEL_VERSION,
    lexiconVersion: LEXICON_VERSION,
    analyzer: { ...analyzerOptions(opts.bigrams, undefined), dictionary: options.dictionary?.name ?? null },
    terms: vocabulary.terms,
    idf: Array.from(vocabulary.idf),
    centroids: Array.from({ length: k }, (_, c) => encodeFloats(centroids.subarray(c * x.cols, (c + 1) * x.cols))),
    minSimilarity: opts.minSimilarity,
  }
  const assignments = docs.map((d, i) => ({ id: d.id, cluster: labels[i], similarity: similarity[i] }))
  return { k, assignments, clusters, unclustered: labels.filter((l) => l < 0).length, kScores, model }
}

type DescribeInput = {
  docs: readonly InputDocument[]
  langs: Lang[]
  /** Each document's features as interned ids, and each id's column or −1. */
  docTerms: PackedIds
  column: Int32Array
  surfaces: SurfaceForms
  vocabulary: Vocabulary
  labels: Int32Array
  similarity: Float64Array
  /** TF-IDF rows and unit centres (k×cols) in the same space. */
  x: CsrMatrix
  centroids: Float64Array
  k: number
  analyzer: Analyzer
  opts: typeof DEFAULTS & ClusterOptions
}

function describeClusters(input: DescribeInput): ClusterDescription[] {
  const { docs, langs, docTerms, column, surfaces, vocabulary, labels, similarity, x, k, opts } = input
  const { ids, start } = docTerms
  const columns = Array.from({ length: docs.length }, (_, d) => {
    const out: number[] = []
    for (let t = start[d]; t < start[d + 1]; t++) if (column[ids[t]] >= 0) out.push(column[ids[t]])
    return out
  })
  const ranked = classTfIdf(columns, labels, k, vocabulary.terms.length, opts.keyTermCount * 4)
  const members: number[][] = Array.from({ length: k }, () => [])
  labels.forEach((c, i) => c >= 0 && members[c].push(i))

  return members.map((rows, c) => {
    const central = [...rows].sort((a, b) => similarity[b] - similarity[a] || a - b)
    const representatives = diversePick(central.slice(0, 30), (i) => similarity[i], (a, b) => rowsDot(x, a, b), opts.representativeCount)
    const mix = { en: 0, es: 0 }
    for (const i of rows) mix[langs[i]]++
    const pool = central.filter((i) => !opts.quotableOnly || docs[i].quotable === true).slice(0, 20)
    return {
      id: c,
      size: rows.length,
      keyTerms: keyTermsFor(ranked[c].map((t) => vocabulary.terms[t]), surfaces, opts.keyTermCount),
      languageMix: mix,
      representatives: representatives.map((i) => docs[i].id),
      summarySentences: summarize(input, pool, c),
    }
  })
}

/** The most central sentences (at most three, not near-duplicates) among the given members. */
function summarize(input: DescribeInput, pool: number[], cluster: number): { documentId: string; text: string }[] {
  const { docs, langs, analyzer, vocabulary, centroids } = input
  const sentences: { documentId: string; text: string }[] = []
  const lists: string[][] = []
  for (const i of pool) {
    for (const text of splitSentences(docs[i].text)) {
      const terms = analyzer.analyze(text, langs[i]).terms
      if (terms.filter((t) => !t.includes(' ')).length < 3) continue
      sentences.push({ documentId: docs[i].id, text })
      lists.push(terms)
    }
  }
  if (sentences.length === 0) return []
  const vectors = transform(lists, vocabulary)
  const co = cluster * vocabulary.terms.length
  const relevance = (s: number) => rowDot(vectors, s, centroids, co)
  const candidates = Array.from({ length: sentences.length }, (_, s) => s)
    .filter((s) => relevance(s) > 0)
    .sort((a, b) => relevance(b) - relevance(a) || a - b)
    .slice(0, 30)
  const picked = diversePick(candidates, relevance, (a, b) => rowsDot(vectors, a, b), 3)
  return picked.map((s) => sentences[s])
}

export type AssignOptions = { dictionary?: BilingualDictionary }

/** Places new documents in an existing run's clusters (-1: far from every centre). */
export function assignToClusters(modelInput: ClusterModel, docs: readonly InputDocument[], options: AssignOptions = {}): Assignment[] {
  const model = ClusterModelSchema.parse(modelInput)
  if (model.analyzer.dictionary && model.analyzer.dictionary !== options.dictionary?.name) {
    throw new Error(`model was built with the word list "${model.analyzer.dictionary}"; pass the same dictionary`)
  }
  const analyzer = createAnalyzer({ ...model.analyzer, dictionary: options.dictionary }, { pairSurfaces: false })
  const vocabulary: Vocabulary = { terms: model.terms, idf: Float64Array.from(model.idf), index: new Map(model.terms.map((t, i) => [t, i])) }
  const x = transform(docs.map((d) => featuresOf(analyzer, d).features.terms), vocabulary)
  const cols = model.terms.length
  const k = model.centroids.length
  const centroids = new Float64Array(k * cols)
  model.centroids.forEach((encoded, c) => centroids.set(decodeFloats(encoded), c * cols))
  return docs.map((d, r) => {
    if (x.indptr[r + 1] === x.indptr[r] || k === 0) return { id: d.id, cluster: -1, similarity: 0 }
    let best = 0
    let bestSim = -Infinity
    for (let c = 0; c < k; c++) {
      const s = rowDot(x, r, centroids, c * cols)
      if (s > bestSim) {
        bestSim = s
        best = c
      }
    }
    const keep = bestSim > model.minSimilarity || (model.minSimilarity <= 0 && bestSim >= 0)
    return { id: d.id, cluster: keep ? best : -1, similarity: bestSim }
  })
}
