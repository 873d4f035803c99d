import { describe, expect, it } from 'vitest'
import { agreementOf, cohensKappa, drawSample, pooledKappa, type CodedItem } from './agreement'

/** Items with tag `tag` laid out as a 2×2 table: both, only A, only B, neither. */
function itemsFor(tag: string, table: [number, number, number, number], prefix = 'i'): CodedItem[] {
  const [both, onlyA, onlyB, neither] = table
  const out: CodedItem[] = []
  const push = (count: number, a: boolean, b: boolean) => {
    for (let i = 0; i < count; i++) out.push({ itemId: `${prefix}${out.length}`, a: a ? [tag] : [], b: b ? [tag] : [] })
  }
  push(both, true, true)
  push(onlyA, true, false)
  push(onlyB, false, true)
  push(neither, false, false)
  return out
}

describe("Cohen's kappa", () => {
  it('matches the textbook example (50 items: 20 both yes, 5 and 10 split, 15 both no → κ = 0.4)', () => {
    // Wikipedia, "Cohen's kappa", worked example: pₒ = 0.7, pₑ = 0.5.
    const result = cohensKappa({ both: 20, onlyA: 5, onlyB: 10, neither: 15 })
    expect(result.observed).toBeCloseTo(0.7, 12)
    expect(result.expected).toBeCloseTo(0.5, 12)
    expect(result.kappa).toBeCloseTo(0.4, 12)
  })

  it('gives different kappas for the same observed agreement when the marginals differ', () => {
    // Wikipedia's "same percentages but different numbers" pair: both pₒ = 0.60.
    expect(cohensKappa({ both: 45, onlyA: 15, onlyB: 25, neither: 15 }).kappa).toBeCloseTo(0.1304, 4)
    expect(cohensKappa({ both: 25, onlyA: 35, onlyB: 5, neither: 35 }).kappa).toBeCloseTo(0.2593, 4)
  })

  it('is 1 for perfect agreement, 0 at chance, negative below it, and undefined when chance explains everything', () => {
    expect(cohensKappa({ both: 3, onlyA: 0, onlyB: 0, neither: 7 }).kappa).toBe(1)
    expect(cohensKappa({ both: 25, onlyA: 25, onlyB: 25, neither: 25 }).kappa).toBeCloseTo(0, 12)
    expect(cohensKappa({ both: 0, onlyA: 5, onlyB: 5, neither: 0 }).kappa).toBeCloseTo(-1, 12)
    expect(cohensKappa({ both: 0, onlyA: 0, onlyB: 0, neither: 9 })).toEqual({ observed: 1, expected: 1, kappa: null })
    expect(cohensKappa({ both: 0, onlyA: 0, onlyB: 0, neither: 0 }).kappa).toBeNull()
  })
})

describe('agreement over a double-coded sample', () => {
  it('computes kappa per tag, pooled kappa overall, and lists the disagreements', () => {
    // Tag x: the textbook table. Tag y on the same 50 items: both 10, only A 0, only B 5, neither 35.
    const items = itemsFor('x', [20, 5, 10, 15])
    const y: [boolean, boolean][] = [...Array(10).fill([true, true]), ...Array(5).fill([false, true]), ...Array(35).fill([false, false])]
    items.forEach((item, i) => {
      const [a, b] = y[i]!
      item.a = a ? [...item.a, 'y'] : item.a
      item.b = b ? [...item.b, 'y'] : item.b
    })
    const result = agreementOf(items, ['x', 'y', 'unused'])
    expect(result.items).toBe(50)
    const x = result.perTag.find((t) => t.tagId === 'x')!
    expect(x).toMatchObject({ both: 20, onlyA: 5, onlyB: 10, neither: 15, items: 50 })
    expect(x.kappa).toBeCloseTo(0.4, 12)
    const yTag = result.perTag.find((t) => t.tagId === 'y')!
    // pₒ = 45/50 = 0.9; A yes 0.2, B yes 0.3 → pₑ = 0.06 + 0.56 = 0.62; κ = 0.28 / 0.38.
    expect(yTag.observed).toBeCloseTo(0.9, 12)
    expect(yTag.expected).toBeCloseTo(0.62, 12)
    expect(yTag.kappa).toBeCloseTo(0.28 / 0.38, 12)
    expect(result.perTag.find((t) => t.tagId === 'unused')).toMatchObject({ neither: 50, kappa: null })
    // Pooled: Σ(pₒ − pₑ) / Σ(1 − pₑ) over x and y; the unused tag adds 0 to both sums.
    expect(result.overall.kappa).toBeCloseTo((0.2 + 0.28) / (0.5 + 0.38), 12)
    expect(pooledKappa([x, yTag]).kappa).toBeCloseTo(result.overall.kappa!, 12)
    // Every item where the two sets differ, with what each coder alone chose.
    // x splits on items 20–34, y on items 10–14: 20 items in all.
    expect(result.disagreements).toHaveLength(20)
    expect(result.disagreements.find((d) => d.itemId === 'i10')).toEqual({ itemId: 'i10', onlyA: [], onlyB: ['y'], both: ['x'] })
    const first = result.disagreements[0]!
    expect(first.onlyA.length + first.onlyB.length).toBeGreaterThan(0)
    expect(result.disagreements.every((d) => d.onlyA.every((t) => !d.onlyB.includes(t)))).toBe(true)
  })

  it('has no kappa for an empty sample', () => {
    expect(agreementOf([], ['x'])).toMatchObject({ items: 0, overall: { kappa: null }, disagreements: [] })
  })
})

describe('drawing a sample', () => {
  const ids = Array.from({ length: 100 }, (_, i) => `s${String(i).padStart(3, '0')}`)

  it('draws distinct ids, reproducibly from the seed, in a shuffled order', () => {
    const a = drawSample(ids, 20, 42)
    expect(new Set(a).size).toBe(20)
    expect(a.every((id) => ids.includes(id))).toBe(true)
    expect(drawSample(ids, 20, 42)).toEqual(a)
    expect(drawSample(ids, 20, 43)).not.toEqual(a)
    expect([...a].sort()).not.toEqual(a)
  })

  it('takes everything when asked for more than there is', () => {
    expect(drawSample(ids.slice(0, 5), 20, 1).sort()).toEqual(ids.slice(0, 5))
    expect(drawSample([], 3, 1)).toEqual([])
  })
})
