import { describe, expect, it } from 'vitest'
import { fitVocabulary, transform } from './vectorize'

const docs = [['raid', 'raid', 'school'], ['raid', 'park'], ['school', 'park', 'car wash'], ['car wash', 'school']]

describe('fitVocabulary', () => {
  it('sorts features and uses smoothed idf', () => {
    const v = fitVocabulary(docs, { minDf: 1, minDfPair: 1, maxDfRatio: 1 })
    expect(v.terms).toEqual(['car wash', 'park', 'raid', 'school'])
    // school is in 3 of 4 documents: ln(5/4) + 1
    expect(v.idf[3]).toBeCloseTo(Math.log(5 / 4) + 1, 12)
  })
  it('applies min-df separately to words and pairs, and max-df', () => {
    const v = fitVocabulary(docs, { minDf: 2, minDfPair: 3, maxDfRatio: 0.6 })
    // school (3/4 = 0.75 of documents) is too common; the pair is too rare.
    expect(v.terms).toEqual(['park', 'raid'])
  })

  it('keeps too-common features rather than none when all texts are alike', () => {
    const same = Array.from({ length: 30 }, () => ['raid', 'school'])
    expect(fitVocabulary(same, { minDf: 2, minDfPair: 2, maxDfRatio: 0.5 }).terms).toEqual(['raid', 'school'])
  })
})

describe('transform', () => {
  it('builds L2-normalised sublinear TF-IDF rows with sorted column indices', () => {
    const v = fitVocabulary(docs, { minDf: 1, minDfPair: 1, maxDfRatio: 1 })
    const x = transform(docs, v)
    expect(x.rows).toBe(4)
    expect(Array.from(x.indptr)).toEqual([0, 2, 4, 7, 9])
    expect(Array.from(x.indices.subarray(0, 2))).toEqual([2, 3])
    const raid = (1 + Math.log(2)) * v.idf[2]
    const school = v.idf[3]
    const norm = Math.hypot(raid, school)
    expect(x.data[0]).toBeCloseTo(raid / norm, 12)
    expect(x.data[1]).toBeCloseTo(school / norm, 12)
    for (let r = 0; r < x.rows; r++) {
      let s = 0
      for (let p = x.indptr[r]; p < x.indptr[r + 1]; p++) s += x.data[p] ** 2
      expect(s).toBeCloseTo(1, 12)
    }
  })
  it('leaves documents with no known features empty', () => {
    const v = fitVocabulary(docs, { minDf: 1, minDfPair: 1, maxDfRatio: 1 })
    const x = transform([[], ['unknown'], ['park']], v)
    expect(Array.from(x.indptr)).toEqual([0, 0, 0, 1])
    expect(x.data[0]).toBe(1)
  })
})
