import { describe, expect, it } from 'vitest'
import { RUN_PHASES } from '../schemas/run'
import { overallFraction } from './cluster-run'

describe('run progress', () => {
  it('moves forward through the phases from 0 to 1, never back', () => {
    const points = RUN_PHASES.flatMap((phase) => [0, 0.25, 0.5, 1].map((f) => overallFraction(phase, f * 1000, 1000)))
    expect(points[0]).toBe(0)
    expect(points.at(-1)).toBe(1)
    for (let i = 1; i < points.length; i++) expect(points[i]!).toBeGreaterThanOrEqual(points[i - 1]!)
  })

  it('keeps a phase inside its span whatever the engine reports', () => {
    expect(overallFraction('features', 5000, 2000)).toBe(overallFraction('features', 1, 1))
    expect(overallFraction('features', -3, 10)).toBe(overallFraction('features', 0, 10))
    expect(overallFraction('reduce', 0, 0)).toBe(overallFraction('reduce', 0, 1))
    expect(overallFraction('features', 1, 1)).toBeLessThanOrEqual(overallFraction('vectors', 0, 1))
  })
})
