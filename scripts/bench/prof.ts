import { readFileSync } from 'node:fs'
import { createAnalyzer } from '../../server/analysis/tokenize'
import { fitVocabulary, transform } from '../../server/analysis/vectorize'
import { truncatedSvd } from '../../server/analysis/svd'
import * as km from '../../server/analysis/kmeans'
const rows = readFileSync('../shared/data/stackoverflow.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const an = createAnalyzer({ bigrams: true, concepts: true, pivotSpanish: true })
const docs = rows.map((r: any) => an.analyze(r.text, r.lang).terms)
const X = transform(docs, fitVocabulary(docs, { minDf: 2, minDfPair: 2, maxDfRatio: 0.5 }))
let t = performance.now()
const lsa = truncatedSvd(X, 100, 1, Number(process.argv[2] ?? 4))
console.log('svd', performance.now() - t); t = performance.now()
const dense = km.normalizeRows({ rows: X.rows, dims: lsa.dims, data: lsa.embedding })
const r = km.kmeans(dense, 20, { seed: 1, restarts: 1, maxIterations: 1 })
console.log('seed+1iter', performance.now() - t); t = performance.now()
const r2 = km.kmeans(dense, 20, { seed: 1, restarts: 1, maxIterations: 21 })
console.log('seed+21iter', performance.now() - t)
