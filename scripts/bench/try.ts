import { readFileSync } from 'node:fs'
import { createAnalyzer } from '../../server/analysis/tokenize'
import { fitVocabulary, transform } from '../../server/analysis/vectorize'
import { truncatedSvd } from '../../server/analysis/svd'
import { kmeans, normalizeRows } from '../../server/analysis/kmeans'
import { normalizedMutualInformation, adjustedRandIndex } from '../../server/analysis/metrics'
const a = Object.fromEntries(process.argv.slice(3).map((s) => s.split('=')))
const file = process.argv[2]
const rows = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const k = new Set(rows.map((r: any) => r.label)).size
const t0 = performance.now()
const an = createAnalyzer({ bigrams: a.bigrams !== '0', concepts: a.concepts !== '0', pivotSpanish: a.pivot !== '0' })
const docs = rows.map((r: any) => an.analyze(r.text, r.lang).terms)
const t1 = performance.now()
const vocab = fitVocabulary(docs, { minDf: Number(a.mindf ?? 2), minDfPair: Number(a.mindfpair ?? 2), maxDfRatio: 0.5 })
const X = transform(docs, vocab)
const t2 = performance.now()
const labels = rows.map((r: any) => r.label)
for (const seed of (a.seeds ?? '1').split(',').map(Number)) {
  const t2 = performance.now()
  const lsa = truncatedSvd(X, Number(a.dims ?? 100), seed, Number(a.iter ?? 3))
  const t3 = performance.now()
  const dense = normalizeRows({ rows: X.rows, dims: lsa.dims, data: lsa.embedding })
  const res = kmeans(dense, k, { seed, restarts: Number(a.restarts ?? 3), restartSample: Number(a.sample ?? Infinity) })
  const t4 = performance.now()
  console.log(JSON.stringify({ file: file.split('/').pop(), seed, V: X.cols, nmi: +normalizedMutualInformation(labels, [...res.labels]).toFixed(4), ari: +adjustedRandIndex(labels, [...res.labels]).toFixed(4), tok: ((t1 - t0) / 1000).toFixed(2), vec: ((t2 - t1) / 1000).toFixed(2), svd: ((t3 - t2) / 1000).toFixed(2), km: ((t4 - t3) / 1000).toFixed(2), iters: res.iterations }))
}
