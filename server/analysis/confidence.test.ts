import { describe, expect, it } from 'vitest'
import { confidencePercent, shownConfidence } from './confidence'

describe('shown confidence of a suggestion', () => {
  it('is capped by the tag’s tested precision, so a 63 % tag never reads 100 %', () => {
    // 63 right out of 100 suggested in cross-validation.
    const shown = shownConfidence(0.9995, { suggested: 100, correct: 63 })
    expect(shown).toBeCloseTo(64 / 102, 6)
    expect(confidencePercent(shown)).toBe(62)
  })

  it('keeps a confidence below the cap as it is', () => {
    expect(shownConfidence(0.45, { suggested: 100, correct: 90 })).toBe(0.45)
  })

  it('never says 100 %, even for a tag right every time in testing or with no test at all', () => {
    expect(shownConfidence(1, { suggested: 3, correct: 3 })).toBeCloseTo(0.8, 6)
    expect(shownConfidence(1, { suggested: 10_000, correct: 10_000 })).toBeLessThan(1)
    expect(confidencePercent(shownConfidence(1, { suggested: 10_000, correct: 10_000 }))).toBe(99)
    expect(shownConfidence(0.97, null)).toBe(0.5)
    expect(shownConfidence(0.97, { suggested: 0, correct: 0 })).toBe(0.5)
    expect(confidencePercent(0.996)).toBe(99)
    expect(confidencePercent(1)).toBe(99)
  })
})
