/**
 * Tag suggestions: a model trained on the facilitators' own taggings proposes up to three
 * tags per submission, each with a confidence.
 *
 * Method (docs/decisions/061-tagging-suggestions-agreement.md): the clustering engine's
 * features (tokenize.ts: stems, word pairs, bilingual concepts, Spanish pivoted into English;
 * the stored English machine translation beside a Spanish original), sublinear TF-IDF
 * (vectorize.ts), and one-vs-rest L2-regularised logistic regression per tag, fitted by
 * stochastic gradient descent (Bottou's "optimal" step size, as scikit-learn's SGDClassifier).
 * Its sigmoid output is the confidence. Held-out precision per tag comes from seeded k-fold
 * cross-validation that applies the production rule (top three at or above MIN_CONFIDENCE).
 *
 * Pure: no I/O, clock or Math.random; the same documents and seed give the same model. The
 * work is a generator that yields after every slice, so a caller on a server can hand the
 * event loop back between slices (trainTagModel runs it to the end in one go).
 */
import { z } from 'zod'
import { LEXICON_VERSION } from './lexicon'
import { decodeFloats, encodeFloats } from './model'
import { createRandom, deriveSeed } from './random'
import { createAnalyzer, type Analyzer, type AnalyzerOptions, type Lang } from './tokenize'
import { fitVocabulary, transform, type CsrMatrix, type Vocabulary } from './vectorize'

export const TAG_MODEL_VERSION = 1
export const TAG_MODEL_METHOD = 'ovr-logistic-sgd'

/** A suggestion is made only at or above this confidence, at most MAX_SUGGESTIONS per submission. */
export const MIN_CONFIDENCE = 0.4
export const MAX_SUGGESTIONS = 3
/** A tag needs this many tagged submissions before the model learns it. */
export const MIN_POSITIVES = 5

export type TagDocument = {
  id: string
  text: string
  /** 'en' or 'es'; guessed from function words when absent. */
  lang?: Lang
  /** English machine translation of a Spanish text, used for features beside the original. */
  translation?: string | null
}

export type LabelledDocument = TagDocument & { tags: readonly string[] }

export type TrainOptions = {
  seed: number
  /** Cross-validation folds (default 5); fewer when there are fewer documents. */
  folds?: number
  /** L2 penalty per example (default DEFAULT_ALPHA). */
  alpha?: number
  /** Passes over the data (default: see defaultEpochs). */
  epochs?: number
  minConfidence?: number
  minPositives?: number
}

export type TrainProgress = { stage: 'features' | 'cross-validate' | 'fit'; done: number; total: number }

export type TagMetrics = {
  /** Training submissions that carry the tag. */
  positives: number
  /** Held-out submissions the tag was suggested for, and how many of those carried it. */
  suggested: number
  correct: number
  /** correct / suggested; null when it was never suggested in testing. */
  precision: number | null
  /** correct / positives; null without positives. */
  recall: number | null
}

export type TagModelMetrics = {
  method: string
  folds: number
  documents: number
  minConfidence: number
  maxSuggestions: number
  /** Only tags with at least minPositives examples are learned. */
  perTag: Record<string, TagMetrics>
  overall: { suggested: number; correct: number; precision: number | null }
  /** Tags seen in the training data that had too few examples to learn. */
  tooFew: Record<string, number>
}

export const TagModelSchema = z.object({
  version: z.literal(TAG_MODEL_VERSION),
  method: z.literal(TAG_MODEL_METHOD),
  lexiconVersion: z.number().int(),
  analyzer: z.object({ bigrams: z.boolean(), concepts: z.boolean(), pivotSpanish: z.boolean() }),
  /** Feature strings, sorted; position = feature id. */
  terms: z.array(z.string()),
  idf: z.array(z.number()),
  minConfidence: z.number(),
  maxSuggestions: z.number().int(),
  /** Platt scaling of the log-odds into a confidence (fitted on cross-validation's held-out scores). */
  calibration: z.object({ a: z.number(), b: z.number() }),
  /** Per learned tag: intercept and one weight per term (little-endian float32, base64). */
  tags: z.array(z.object({ id: z.string(), bias: z.number(), weights: z.string() })),
})

export type TagModel = z.infer<typeof TagModelSchema>

export type TrainResult = { model: TagModel; metrics: TagModelMetrics }

export type Suggestion = { tagId: string; confidence: number }

const ANALYZER: AnalyzerOptions = { bigrams: true, concepts: true, pivotSpanish: true }
/** Documents featurised per slice between yields. */
const FEATURE_SLICE = 100
/** SGD examples per slice between yields. */
const SGD_SLICE = 2000

export function createTagAnalyzer(): Analyzer {
  return createAnalyzer(ANALYZER)
}

/** Features of a document: its translation's and its own (pivoted) words, as the clustering uses. */
export function documentTerms(analyzer: Analyzer, doc: TagDocument): string[] {
  if (doc.translation && doc.translation.trim()) {
    const original = analyzer.analyze(doc.text, doc.lang)
    const english = analyzer.analyze(doc.translation, 'en')
    return [...english.terms, ...original.terms]
  }
  return analyzer.analyze(doc.text, doc.lang).terms
}

/** scikit-learn's default penalty; on the demo corpus 3e-5 … 1e-3 rank alike once calibrated. */
export const DEFAULT_ALPHA = 1e-4

/** More passes over little data; a few suffice on large data. */
export function defaultEpochs(n: number): number {
  return Math.max(5, Math.min(30, Math.ceil(20_000 / Math.max(1, n))))
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)))

type Fitted = { weights: Float64Array; bias: Float64Array; tags: number }

/**
 * One-vs-rest logistic regression by SGD over CSR rows, all tags at once: weights are stored
 * feature-major (weights[j * tags + t]) so one pass over a row's features serves every tag.
 * The L2 decay is the same for every tag and step, so it is kept as one scale factor
 * (w = scale · v) and an update touches only the row's features.
 */
function* fitSteps(x: CsrMatrix, labels: Uint8Array, tags: number, options: { alpha: number; epochs: number; seed: number }): Generator<number, Fitted> {
  const { alpha, epochs } = options
  const n = x.rows
  const v = new Float64Array(x.cols * tags)
  const bias = new Float64Array(tags)
  const scores = new Float64Array(tags)
  const grads = new Float64Array(tags)
  let scale = 1
  // scikit-learn's "optimal" schedule: eta = 1 / (alpha (t0 + t)).
  const typw = Math.sqrt(1 / Math.sqrt(alpha))
  const t0 = 1 / (typw * alpha)
  const random = createRandom(options.seed)
  const order = Int32Array.from({ length: n }, (_, i) => i)
  let step = 0
  let sinceYield = 0
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = n - 1; i > 0; i--) {
      const j = random.int(i + 1)
      const tmp = order[i]
      order[i] = order[j]
      order[j] = tmp
    }
    for (let k = 0; k < n; k++) {
      const r = order[k]
      const start = x.indptr[r]
      const end = x.indptr[r + 1]
      const eta = 1 / (alpha * (t0 + step++))
      scores.fill(0)
      for (let p = start; p < end; p++) {
        const xv = x.data[p]
        const base = x.indices[p] * tags
        for (let t = 0; t < tags; t++) scores[t] += xv * v[base + t]
      }
      for (let t = 0; t < tags; t++) {
        grads[t] = sigmoid(scale * scores[t] + bias[t]) - labels[r * tags + t]
        bias[t] -= eta * grads[t]
      }
      scale *= 1 - eta * alpha
      if (scale < 1e-9) {
        for (let q = 0; q < v.length; q++) v[q] *= scale
        scale = 1
      }
      const step_ = eta / scale
      for (let p = start; p < end; p++) {
        const xv = x.data[p] * step_
        const base = x.indices[p] * tags
        for (let t = 0; t < tags; t++) v[base + t] -= xv * grads[t]
      }
      if (++sinceYield >= SGD_SLICE) {
        sinceYield = 0
        yield epoch * n + k
      }
    }
  }
  for (let q = 0; q < v.length; q++) v[q] *= scale
  return { weights: v, bias, tags }
}

/** The logistic regression's log-odds of every tag for CSR row r. */
function scoreRow(x: CsrMatrix, r: number, fitted: Fitted, out: Float64Array) {
  const { weights, bias, tags } = fitted
  out.set(bias)
  for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) {
    const xv = x.data[p]
    const base = x.indices[p] * tags
    for (let t = 0; t < tags; t++) out[t] += xv * weights[base + t]
  }
}

export type Calibration = { a: number; b: number }

/**
 * Platt scaling: confidence = sigmoid(a · logit + b), fitted by Newton's method on held-out
 * log-odds and labels, with Platt's smoothed targets. One pair for all tags: the regularised
 * model is under-confident on every tag alike, and two numbers cannot overfit.
 */
export function fitCalibration(logits: ArrayLike<number>, labels: ArrayLike<number>): Calibration {
  let pos = 0
  for (let i = 0; i < labels.length; i++) pos += labels[i] ? 1 : 0
  const neg = labels.length - pos
  if (pos === 0 || neg === 0) return { a: 1, b: 0 }
  const hi = (pos + 1) / (pos + 2)
  const lo = 1 / (neg + 2)
  let a = 1
  let b = 0
  const objective = (a_: number, b_: number) => {
    let f = 0
    for (let i = 0; i < logits.length; i++) {
      const z = a_ * logits[i] + b_
      const y = labels[i] ? hi : lo
      // −[y log σ(z) + (1−y) log(1−σ(z))], written to stay finite for large |z|.
      f += z >= 0 ? (1 - y) * z + Math.log1p(Math.exp(-z)) : -y * z + Math.log1p(Math.exp(z))
    }
    return f
  }
  let current = objective(a, b)
  for (let iteration = 0; iteration < 100; iteration++) {
    let gA = 0
    let gB = 0
    let hAA = 1e-12
    let hAB = 0
    let hBB = 1e-12
    for (let i = 0; i < logits.length; i++) {
      const p = sigmoid(a * logits[i] + b)
      const d = p - (labels[i] ? hi : lo)
      const w = p * (1 - p)
      gA += d * logits[i]
      gB += d
      hAA += w * logits[i] * logits[i]
      hAB += w * logits[i]
      hBB += w
    }
    const det = hAA * hBB - hAB * hAB
    if (Math.abs(gA) + Math.abs(gB) < 1e-9 || det <= 0) break
    const dA = (hBB * gA - hAB * gB) / det
    const dB = (hAA * gB - hAB * gA) / det
    // Backtracking: halve the Newton step until the objective falls.
    let step = 1
    let next = objective(a - step * dA, b - step * dB)
    while (next > current && step > 1e-6) {
      step /= 2
      next = objective(a - step * dA, b - step * dB)
    }
    if (next > current) break
    a -= step * dA
    b -= step * dB
    const gain = current - next
    current = next
    if (gain < 1e-10 * Math.max(1, current)) break
  }
  return { a, b }
}

function calibrate(logits: Float64Array, calibration: Calibration, out: Float64Array) {
  for (let t = 0; t < logits.length; t++) out[t] = sigmoid(calibration.a * logits[t] + calibration.b)
}

/** The production rule: the best `max` tags at or above `min`, most confident first, skipping `excluded`. */
export function pickSuggestions(confidences: ArrayLike<number>, min: number, max: number, excluded?: (t: number) => boolean): number[] {
  const picked: number[] = []
  for (let t = 0; t < confidences.length; t++) {
    if (confidences[t] < min || excluded?.(t)) continue
    picked.push(t)
  }
  picked.sort((a, b) => confidences[b] - confidences[a] || a - b)
  return picked.slice(0, max)
}

function vocabularyFor(terms: readonly (readonly string[])[]): Vocabulary {
  const small = terms.length < 20
  return fitVocabulary(terms, { minDf: small ? 1 : 2, minDfPair: small ? 1 : 2, maxDfRatio: small ? 1 : 0.5 })
}

/** Seeded assignment of documents to folds, stratified by each document's rarest learned tag. */
function assignFolds(labels: Uint8Array, n: number, tags: number, positives: Int32Array, folds: number, seed: number): Int32Array {
  const random = createRandom(seed)
  const key = new Int32Array(n).fill(tags)
  for (let r = 0; r < n; r++) {
    let best = -1
    for (let t = 0; t < tags; t++) if (labels[r * tags + t] && (best < 0 || positives[t] < positives[best])) best = t
    if (best >= 0) key[r] = best
  }
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1)
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  order.sort((a, b) => key[a] - key[b])
  const fold = new Int32Array(n)
  order.forEach((r, i) => (fold[r] = i % folds))
  return fold
}

/**
 * Trains on labelled documents (the submissions people have tagged: a tag missing from a
 * tagged submission is taken as a "no"). Yields progress; returns the model and the
 * cross-validated metrics.
 */
export function* trainTagModelSteps(docs: readonly LabelledDocument[], options: TrainOptions): Generator<TrainProgress, TrainResult> {
  const n = docs.length
  const minPositives = options.minPositives ?? MIN_POSITIVES
  const minConfidence = options.minConfidence ?? MIN_CONFIDENCE
  const alpha = options.alpha ?? DEFAULT_ALPHA
  const epochs = options.epochs ?? defaultEpochs(n)

  const analyzer = createTagAnalyzer()
  const terms: string[][] = new Array(n)
  for (let i = 0; i < n; i++) {
    terms[i] = documentTerms(analyzer, docs[i])
    if ((i + 1) % FEATURE_SLICE === 0) yield { stage: 'features', done: i + 1, total: n }
  }

  // Learned tags, in a stable order (by id); the rest are reported as too few.
  const counts = new Map<string, number>()
  for (const doc of docs) for (const tag of new Set(doc.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  const tagIds = [...counts.keys()].filter((t) => counts.get(t)! >= minPositives).sort()
  const tooFew = Object.fromEntries([...counts].filter(([t]) => !tagIds.includes(t)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  const tags = tagIds.length
  const index = new Map(tagIds.map((t, i) => [t, i]))
  const labels = new Uint8Array(n * tags)
  const positives = new Int32Array(tags)
  docs.forEach((doc, r) => {
    for (const tag of new Set(doc.tags)) {
      const t = index.get(tag)
      if (t === undefined) continue
      labels[r * tags + t] = 1
      positives[t]++
    }
  })

  const folds = Math.max(2, Math.min(options.folds ?? 5, n))
  const suggested = new Int32Array(tags)
  const correct = new Int32Array(tags)
  const fitWork = n * epochs
  const totalWork = fitWork * (folds + 1)
  // Held-out log-odds of every (document, tag): calibration is fitted on them, then the
  // production rule is applied to the calibrated confidences.
  const heldOut = new Float64Array(n * tags)
  const tested = new Uint8Array(n)
  if (tags > 0 && n >= 2) {
    const fold = assignFolds(labels, n, tags, positives, folds, deriveSeed(options.seed, 1))
    for (let f = 0; f < folds; f++) {
      const trainRows: number[] = []
      const testRows: number[] = []
      for (let r = 0; r < n; r++) (fold[r] === f ? testRows : trainRows).push(r)
      if (trainRows.length === 0 || testRows.length === 0) continue
      const at: TrainProgress = { stage: 'cross-validate', done: f * fitWork, total: totalWork }
      const vocabulary = vocabularyFor(trainRows.map((r) => terms[r]))
      yield at
      const xTrain = transform(trainRows.map((r) => terms[r]), vocabulary)
      yield at
      const yTrain = new Uint8Array(trainRows.length * tags)
      trainRows.forEach((r, i) => yTrain.set(labels.subarray(r * tags, (r + 1) * tags), i * tags))
      const steps = fitSteps(xTrain, yTrain, tags, { alpha, epochs, seed: deriveSeed(options.seed, 2, f) })
      let result = steps.next()
      for (; !result.done; result = steps.next()) yield { stage: 'cross-validate', done: f * fitWork + result.value, total: totalWork }
      const fitted = result.value
      const xTest = transform(testRows.map((r) => terms[r]), vocabulary)
      yield at
      testRows.forEach((r, i) => {
        scoreRow(xTest, i, fitted, heldOut.subarray(r * tags, (r + 1) * tags))
        tested[r] = 1
      })
    }
  }
  const testedLogits: number[] = []
  const testedLabels: number[] = []
  for (let r = 0; r < n; r++) {
    if (!tested[r]) continue
    for (let t = 0; t < tags; t++) {
      testedLogits.push(heldOut[r * tags + t])
      testedLabels.push(labels[r * tags + t])
    }
  }
  const calibration = fitCalibration(testedLogits, testedLabels)
  yield { stage: 'fit', done: folds * fitWork, total: totalWork }
  const confidences = new Float64Array(tags)
  for (let r = 0; r < n; r++) {
    if (!tested[r]) continue
    calibrate(heldOut.subarray(r * tags, (r + 1) * tags), calibration, confidences)
    for (const t of pickSuggestions(confidences, minConfidence, MAX_SUGGESTIONS)) {
      suggested[t]++
      if (labels[r * tags + t]) correct[t]++
    }
  }

  const vocabulary = vocabularyFor(terms)
  yield { stage: 'fit', done: folds * fitWork, total: totalWork }
  let fitted: Fitted = { weights: new Float64Array(0), bias: new Float64Array(0), tags: 0 }
  if (tags > 0) {
    const x = transform(terms, vocabulary)
    yield { stage: 'fit', done: folds * fitWork, total: totalWork }
    const steps = fitSteps(x, labels, tags, { alpha, epochs, seed: deriveSeed(options.seed, 3) })
    let result = steps.next()
    for (; !result.done; result = steps.next()) yield { stage: 'fit', done: folds * fitWork + result.value, total: totalWork }
    fitted = result.value
  }

  const cols = vocabulary.terms.length
  const model: TagModel = {
    version: TAG_MODEL_VERSION,
    method: TAG_MODEL_METHOD,
    lexiconVersion: LEXICON_VERSION,
    analyzer: { ...ANALYZER },
    terms: vocabulary.terms,
    idf: Array.from(vocabulary.idf),
    minConfidence,
    maxSuggestions: MAX_SUGGESTIONS,
    calibration,
    tags: tagIds.map((id, t) => {
      const column = new Float64Array(cols)
      for (let j = 0; j < cols; j++) column[j] = fitted.weights[j * tags + t]
      return { id, bias: fitted.bias[t], weights: encodeFloats(column) }
    }),
  }
  const ratio = (a: number, b: number) => (b > 0 ? a / b : null)
  const perTag: Record<string, TagMetrics> = {}
  tagIds.forEach((id, t) => {
    perTag[id] = { positives: positives[t], suggested: suggested[t], correct: correct[t], precision: ratio(correct[t], suggested[t]), recall: ratio(correct[t], positives[t]) }
  })
  const allSuggested = suggested.reduce((a, b) => a + b, 0)
  const allCorrect = correct.reduce((a, b) => a + b, 0)
  const metrics: TagModelMetrics = {
    method: TAG_MODEL_METHOD,
    folds,
    documents: n,
    minConfidence,
    maxSuggestions: MAX_SUGGESTIONS,
    perTag,
    overall: { suggested: allSuggested, correct: allCorrect, precision: ratio(allCorrect, allSuggested) },
    tooFew,
  }
  return { model, metrics }
}

/** Runs trainTagModelSteps to the end. */
export function trainTagModel(docs: readonly LabelledDocument[], options: TrainOptions): TrainResult {
  const steps = trainTagModelSteps(docs, options)
  let result = steps.next()
  while (!result.done) result = steps.next()
  return result.value
}

export type TagPredictor = {
  tagIds: readonly string[]
  /**
   * Up to maxSuggestions tags at or above the model's confidence, most confident first;
   * tags in `exclude` (already applied, rejected before, retired) are never proposed.
   */
  suggest(doc: TagDocument, exclude?: ReadonlySet<string>): Suggestion[]
}

/** Decodes a stored model once for scoring many documents. */
export function createTagPredictor(model: TagModel, options: { analyzer?: Analyzer } = {}): TagPredictor {
  const analyzer = options.analyzer ?? createAnalyzer(model.analyzer)
  const tags = model.tags.length
  const cols = model.terms.length
  const weights = new Float64Array(cols * tags)
  const bias = new Float64Array(tags)
  model.tags.forEach((tag, t) => {
    const column = decodeFloats(tag.weights)
    for (let j = 0; j < cols; j++) weights[j * tags + t] = column[j]
    bias[t] = tag.bias
  })
  const fitted: Fitted = { weights, bias, tags }
  const vocabulary: Vocabulary = { terms: model.terms, idf: Float64Array.from(model.idf), index: new Map(model.terms.map((t, i) => [t, i])) }
  const tagIds = model.tags.map((t) => t.id)
  const logits = new Float64Array(tags)
  const confidences = new Float64Array(tags)
  return {
    tagIds,
    suggest(doc, exclude) {
      if (tags === 0) return []
      const x = transform([documentTerms(analyzer, doc)], vocabulary)
      scoreRow(x, 0, fitted, logits)
      calibrate(logits, model.calibration, confidences)
      return pickSuggestions(confidences, model.minConfidence, model.maxSuggestions, exclude ? (t) => exclude.has(tagIds[t]) : undefined).map((t) => ({
        tagId: tagIds[t],
        confidence: confidences[t],
      }))
    },
  }
}
