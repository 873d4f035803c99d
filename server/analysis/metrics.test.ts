import { describe, expect, it } from 'vitest'
import { adjustedRandIndex, normalizedMutualInformation } from './metrics'

describe('normalizedMutualInformation', () => {
  it('matches scikit-learn (arithmetic normalisation)', () => {
    expect(normalizedMutualInformation([0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 1, 1, 2, 2, 2, 2])).toBeCloseTo(0.5300257549, 9)
    expect(normalizedMutualInformation([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.8, 9)
  })
  it('is 1 for the same partition under other names, 0 when one side is constant', () => {
    expect(normalizedMutualInformation(['a', 'a', 'b', 'c'], [7, 7, 3, -1])).toBeCloseTo(1, 12)
    expect(normalizedMutualInformation(['a', 'b', 'c', 'd'], [1, 1, 1, 1])).toBe(0)
  })
  it('rejects arrays of different lengths', () => {
    expect(() => normalizedMutualInformation([1], [1, 2])).toThrow()
  })
})

describe('adjustedRandIndex', () => {
  it('matches scikit-learn', () => {
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 1, 1, 2, 2, 2, 2])).toBeCloseTo(0.1818181818, 9)
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714, 9)
  })
  it('is 1 for identical partitions', () => {
    expect(adjustedRandIndex(['x', 'y', 'y'], [2, 5, 5])).toBe(1)
  })
})
