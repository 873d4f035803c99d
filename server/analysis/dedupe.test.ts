import { describe, expect, it } from 'vitest'
import { estimateJaccard, findNearDuplicates, jaccard, lshKeys, minhash, shingles, textSimilarity } from './dedupe'

const original =
  'On Tuesday morning federal agents without badges stopped three men outside the car wash on Whittier and put them in an unmarked van while LAPD officers watched from across the street.'
const edited =
  'On Tuesday morning federal agents without badges stopped three men outside the car wash on Whittier and put them in an unmarked van, while LAPD officers watched from across the street!'
const other =
  'The library in Van Nuys closed early because people were afraid, and the librarians handed out know-your-rights cards in Spanish and Armenian.'

describe('shingles', () => {
  it('makes word 3-grams after folding case and accents', () => {
    expect(shingles('Mi hijo está en la ESCUELA hoy')).toEqual(
      new Set(['w:mi hijo esta', 'w:hijo esta en', 'w:esta en la', 'w:en la escuela', 'w:la escuela hoy']),
    )
  })

  it('drops redaction placeholders so differently redacted copies match', () => {
    expect(shingles('They took [NAME] from the bus stop at dawn')).toEqual(shingles('They took [PHONE] from the bus stop at dawn'))
  })

  it('falls back to character 4-grams for very short texts, and to nothing for empty ones', () => {
    expect(shingles('No ICE')).toEqual(new Set(['c:no i', 'c:o ic', 'c: ice']))
    expect(shingles('sí')).toEqual(new Set(['c:si']))
    expect(shingles('  [NAME] ')).toEqual(new Set())
  })
})

describe('jaccard', () => {
  it('is 1 for equal sets, 0 for disjoint or empty ones, and symmetric', () => {
    const a = new Set(['x', 'y', 'z'])
    const b = new Set(['y', 'z', 'w'])
    expect(jaccard(a, a)).toBe(1)
    expect(jaccard(a, b)).toBe(0.5)
    expect(jaccard(b, a)).toBe(0.5)
    expect(jaccard(a, new Set(['q']))).toBe(0)
    expect(jaccard(new Set(), new Set())).toBe(0)
  })

  it('scores light edits high and different testimony low', () => {
    expect(textSimilarity(original, edited)).toBe(1)
    expect(textSimilarity(original, original.replace('three', 'four'))).toBeGreaterThan(0.8)
    expect(textSimilarity(original, other)).toBeLessThan(0.05)
  })
})

describe('findNearDuplicates', () => {
  it('returns candidates at or above the threshold, most similar first', () => {
    const candidates = [
      { id: 'b', text: other },
      { id: 'c', text: original.replace('three', 'four') },
      { id: 'a', text: edited },
    ]
    const found = findNearDuplicates(original, candidates)
    expect(found.map((d) => d.id)).toEqual(['a', 'c'])
    expect(found[0].similarity).toBe(1)
    expect(findNearDuplicates(original, candidates, 0.99).map((d) => d.id)).toEqual(['a'])
    expect(findNearDuplicates(original, [])).toEqual([])
  })

  it('matches the same short text across case, accents and punctuation', () => {
    expect(findNearDuplicates('¡Tenemos miedo!', [{ id: 'x', text: 'tenemos MIEDO' }])).toEqual([{ id: 'x', similarity: 1 }])
  })
})

describe('minhash', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(minhash(original)).toEqual(minhash(original))
    expect(minhash(original, { seed: 1 })).not.toEqual(minhash(original, { seed: 2 }))
    expect(minhash(original, { numHashes: 64 })).toHaveLength(64)
  })

  it('estimates Jaccard similarity within a few points', () => {
    const a = original
    const b = original.replace('three men', 'two women').replace('Tuesday', 'Friday')
    const exact = textSimilarity(a, b)
    const estimate = estimateJaccard(minhash(a, { numHashes: 256 }), minhash(b, { numHashes: 256 }))
    expect(Math.abs(estimate - exact)).toBeLessThan(0.1)
    expect(estimateJaccard(minhash(a), minhash(other))).toBeLessThan(0.1)
    expect(estimateJaccard(minhash(''), minhash(''))).toBe(0)
  })

  it('refuses to compare signatures of different sizes', () => {
    expect(() => estimateJaccard(minhash(original, { numHashes: 64 }), minhash(original))).toThrow(/length/)
  })

  it('gives near duplicates a shared LSH key and unrelated texts none', () => {
    const keys = (t: string) => new Set(lshKeys(minhash(t)))
    const mine = keys(original)
    expect([...keys(edited)].some((k) => mine.has(k))).toBe(true)
    expect([...keys(other)].some((k) => mine.has(k))).toBe(false)
    expect(() => lshKeys(minhash(original), 30)).toThrow(/bands/)
  })
})
