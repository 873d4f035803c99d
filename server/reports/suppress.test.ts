import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../analysis/random'
import { figureRange, roundCount, suppressCount, suppressIndependent, suppressPartition, suppressPartitions, type CountCell, type Figure, type FigureCell } from './suppress'

const K = 5
const fig = (cells: FigureCell[]) => Object.fromEntries(cells.map((c) => [c.key, c.figure]))

/**
 * An independent check of what a reader can work out: every value each shown
 * cell could take, given the figures and the sums, found with exact sets of
 * integers (not the interval bounds the suppression itself uses).
 */
function possibleValues(total: number, cells: FigureCell[], k: number): { possible: Map<FigureCell, Set<number>>; totals: Set<number> } {
  const [, top] = figureRange({ n: roundCount(total, k) }, k)!
  const between = ([lo, hi]: [number, number]) => Array.from({ length: hi - lo + 1 }, (_, i) => i + lo)
  const range = (f: Figure) => between(figureRange(f, k) ?? [k, top])
  const sumset = (sets: Set<number>[]) => {
    let acc = new Set([0])
    for (const set of sets) {
      const next = new Set<number>()
      for (const a of acc) for (const b of set) if (a + b <= top) next.add(a + b)
      acc = next
    }
    return acc
  }
  const feasible = new Map<FigureCell, Set<number>>()
  const up = (cell: FigureCell): Set<number> => {
    let own = new Set(range(cell.figure))
    if (cell.children?.length) {
      const sums = sumset(cell.children.map(up))
      own = new Set([...own].filter((v) => sums.has(v)))
    }
    feasible.set(cell, own)
    return own
  }
  cells.forEach(up)
  const possible = new Map<FigureCell, Set<number>>()
  const down = (group: FigureCell[], parentValues: Set<number>) => {
    group.forEach((cell, i) => {
      const others = sumset(group.filter((_, j) => j !== i).map((c) => feasible.get(c)!))
      const values = new Set([...feasible.get(cell)!].filter((v) => [...parentValues].some((w) => others.has(w - v))))
      possible.set(cell, values)
      if (cell.children?.length) down(cell.children, values)
    })
  }
  const totals = new Set(range({ n: roundCount(total, k) }).filter((v) => sumset(cells.map((c) => feasible.get(c)!)).has(v)))
  down(cells, totals)
  return { possible, totals }
}

/** Every count other than zero (small, rounded or the total) keeps at least two possible values, and every figure tells the truth. */
function expectProtected(total: number, input: CountCell[], result: { withheld: boolean; cells: FigureCell[] }, k = K) {
  if (result.withheld) return
  const { possible, totals } = possibleValues(total, result.cells, k)
  expect(totals.has(total), 'the total is possible').toBe(true)
  expect(totals.size, `the total (${total}) cannot be worked out`).toBeGreaterThanOrEqual(2)
  const walk = (inputs: CountCell[], shown: FigureCell[]) => {
    expect(shown.map((c) => c.key)).toEqual(inputs.map((c) => c.key))
    inputs.forEach((cell, i) => {
      const out = shown[i]!
      const values = possible.get(out)!
      expect(values.has(cell.count), `${cell.key}=${cell.count} is possible`).toBe(true)
      if ('n' in out.figure) expect(out.figure.n).toBe(roundCount(cell.count, k))
      if (cell.count > 0) expect(values.size, `${cell.key} (${cell.count}) cannot be worked out`).toBeGreaterThanOrEqual(2)
      if ('lt' in out.figure) {
        expect(cell.count).toBeGreaterThan(0)
        expect(cell.count).toBeLessThan(k)
        expect(values.size, `${cell.key} (${cell.count}) cannot be worked out`).toBeGreaterThanOrEqual(2)
      }
      if ('withheld' in out.figure) expect(cell.count).toBeGreaterThanOrEqual(k)
      if (cell.count > 0 && cell.count < k) expect(out.figure).toEqual({ lt: k })
      if (out.children) walk(cell.children ?? [], out.children)
    })
  }
  walk(input, result.cells)
}

describe('primary suppression', () => {
  it('rounds counts of at least the threshold to the nearest 5 (never below it), shows zero, and "fewer than" for 1 to threshold − 1', () => {
    expect(suppressCount(0, 5)).toEqual({ n: 0 })
    expect(suppressCount(1, 5)).toEqual({ lt: 5 })
    expect(suppressCount(4, 5)).toEqual({ lt: 5 })
    expect([5, 6, 7, 8, 12, 13, 27, 28].map((n) => suppressCount(n, 5))).toEqual([5, 5, 5, 10, 10, 15, 25, 30].map((n) => ({ n })))
    expect([7, 8, 12, 13].map((n) => suppressCount(n, 7))).toEqual([10, 10, 10, 15].map((n) => ({ n })))
    expect(suppressCount(11, 12)).toEqual({ lt: 12 })
    expect(suppressCount(12, 12)).toEqual({ n: 15 })
    expect(suppressCount(9, 10)).toEqual({ lt: 10 })
    expect(() => suppressCount(-1, 5)).toThrow(RangeError)
  })

  it('suppresses overlapping categories one by one, with no complement (no sum of them is shown)', () => {
    const result = suppressIndependent([{ key: 'ice', count: 12 }, { key: 'cbp', count: 2 }, { key: 'lapd', count: 7 }], K)
    expect(fig(result.cells)).toEqual({ ice: { n: 10 }, cbp: { lt: 5 }, lapd: { n: 5 } })
  })

  it('tells a reader the window of counts each figure stands for', () => {
    expect(figureRange({ n: 0 }, 5)).toEqual([0, 0])
    expect(figureRange({ lt: 5 }, 5)).toEqual([1, 4])
    expect(figureRange({ n: 5 }, 5)).toEqual([5, 7])
    expect(figureRange({ n: 25 }, 5)).toEqual([23, 27])
    expect(figureRange({ n: 15 }, 12)).toEqual([12, 17])
    expect(figureRange({ withheld: true }, 5)).toBeNull()
    // Every count of a window rounds to its figure, and no other count does.
    for (const k of [3, 5, 7, 12])
      for (let n = k; n < 80; n++) {
        const [lo, hi] = figureRange({ n: roundCount(n, k) }, k)!
        expect(n >= lo && n <= hi && hi - lo >= 2).toBe(true)
        expect(roundCount(lo, k)).toBe(roundCount(n, k))
        expect(roundCount(hi, k)).toBe(roundCount(n, k))
        if (lo > k) expect(roundCount(lo - 1, k)).not.toBe(roundCount(n, k))
        expect(roundCount(hi + 1, k)).not.toBe(roundCount(n, k))
      }
  })

  it('withholds a whole breakdown when the total itself is under the threshold', () => {
    expect(suppressPartition(4, [{ key: 'a', count: 3 }, { key: 'b', count: 1 }], K)).toEqual({ withheld: true, cells: [] })
  })

  it('needs no complement when nothing is small', () => {
    const cells = [{ key: 'a', count: 10 }, { key: 'b', count: 0 }, { key: 'c', count: 5 }]
    expect(fig(suppressPartition(15, cells, K).cells)).toEqual({ a: { n: 10 }, b: { n: 0 }, c: { n: 5 } })
  })
})

describe('secondary suppression', () => {
  it('needs no complement where rounding already hides the small cell (30 − 22 − 6 = 2 becomes 30 − 20 − 5: 1 to 4)', () => {
    const cells = [{ key: 'park', count: 22 }, { key: 'school', count: 2 }, { key: 'street', count: 6 }, { key: 'home', count: 0 }]
    const result = suppressPartition(30, cells, K)
    expect(fig(result.cells)).toEqual({ park: { n: 20 }, school: { lt: 5 }, street: { n: 5 }, home: { n: 0 } })
    expectProtected(30, cells, result)
  })

  it('withholds a cell when rounded cells at the edge of their windows pin the total (7 + 7 + 7 + 7 = 28, shown 5, 5, 5, 5 and 30)', () => {
    const cells = [7, 7, 7, 7].map((count, i) => ({ key: `m${i}`, count }))
    const result = suppressPartition(28, cells, K)
    expect(fig(result.cells)).toEqual({ m0: { withheld: true }, m1: { n: 5 }, m2: { n: 5 }, m3: { n: 5 } })
    expectProtected(28, cells, result)
    // Shown as they are, every figure could be worked out exactly.
    const open = { withheld: false, cells: cells.map((c) => ({ key: c.key, figure: { n: 5 } })) }
    expect(() => expectProtected(28, cells, open)).toThrow(/cannot be worked out/)
  })

  it('adds a complement when two small cells would pin each other and the total (4 + 4 = 8, shown 10: 8 to 12)', () => {
    const cells = [{ key: 'a', count: 4 }, { key: 'b', count: 4 }, { key: 'c', count: 20 }]
    const result = suppressPartition(28, cells, K)
    expect(fig(result.cells)).toEqual({ a: { lt: 5 }, b: { lt: 5 }, c: { n: 20 } })
    expectProtected(28, cells, result)
    expect(suppressPartition(8, [{ key: 'a', count: 4 }, { key: 'b', count: 4 }], K)).toEqual({ withheld: true, cells: [] })
  })

  it('needs no complement when two small cells already leave room (1 + 4 could be 2 + 3)', () => {
    const cells = [{ key: 'a', count: 1 }, { key: 'b', count: 4 }, { key: 'c', count: 20 }]
    expect(fig(suppressPartition(25, cells, K).cells)).toEqual({ a: { lt: 5 }, b: { lt: 5 }, c: { n: 20 } })
  })

  it('keeps a small cell beside one other cell hidden by rounding alone (6 = 1 + 5, shown 5 = fewer than 5 + 5)', () => {
    const cells = [{ key: 'a', count: 1 }, { key: 'b', count: 5 }]
    const result = suppressPartition(6, cells, K)
    expect(fig(result.cells)).toEqual({ a: { lt: 5 }, b: { n: 5 } })
    expectProtected(6, cells, result)
  })

  it('protects the breakdowns of one theme together: each alone is safe, together they would pin the total and two small months', () => {
    // Months 4 + 4 + 22 shown as fewer than 5, fewer than 5, 20: the total is at most 4 + 4 + 22 = 30.
    // Settings 5 × 6 shown as 5 each: the total is at least 30. Together: exactly 30, and both small months exactly 4.
    const months = [{ key: 'm1', count: 4 }, { key: 'm2', count: 4 }, { key: 'm3', count: 22 }]
    const settings = Array.from({ length: 6 }, (_, i) => ({ key: `s${i}`, count: 5 }))
    const alone = [suppressPartition(30, months, K), suppressPartition(30, settings, K)]
    expect(JSON.stringify(alone)).not.toContain('withheld":true')
    const [m, st] = suppressPartitions(30, [months, settings], K)
    expect(JSON.stringify([m, st]).match(/"withheld":true/g)).toHaveLength(1)
    expectProtected(30, months, m!)
    expectProtected(30, settings, st!)
  })

  it('protects Areas inside a bureau whose count is shown', () => {
    const cells = [
      { key: 'central', count: 20, children: [{ key: 'hollenbeck', count: 18 }, { key: 'rampart', count: 2 }] },
      { key: 'south', count: 15, children: [{ key: 'harbor', count: 15 }] },
      { key: 'valley', count: 5, children: [{ key: 'mission', count: 5 }] },
    ]
    const result = suppressPartition(40, cells, K)
    expect(result.cells[0]).toEqual({ key: 'central', figure: { n: 20 }, children: [{ key: 'hollenbeck', figure: { n: 20 } }, { key: 'rampart', figure: { lt: 5 } }] })
    expectProtected(40, cells, result)
  })

  it('does not list the Areas of a bureau that is itself "fewer than", and protects the bureau', () => {
    const cells = [
      { key: 'central', count: 16, children: [{ key: 'rampart', count: 16 }] },
      { key: 'west', count: 10, children: [{ key: 'hollywood', count: 6 }, { key: 'pacific', count: 4 }] },
      { key: 'south', count: 4, children: [{ key: 'harbor', count: 1 }, { key: 'southwest', count: 3 }] },
    ]
    const result = suppressPartition(30, cells, K)
    const south = result.cells.find((c) => c.key === 'south')!
    expect(south).toEqual({ key: 'south', figure: { lt: 5 }, childrenWithheld: true })
    expectProtected(30, cells, result)
  })

  it('reaches up to the bureaus when a small Area has no sibling left to hide behind', () => {
    const cells = [
      { key: 'central', count: 6, children: [{ key: 'hollenbeck', count: 1 }, { key: 'rampart', count: 5 }] },
      { key: 'west', count: 9, children: [{ key: 'hollywood', count: 9 }] },
      { key: 'valley', count: 15, children: [{ key: 'mission', count: 8 }, { key: 'foothill', count: 7 }] },
    ]
    const result = suppressPartition(30, cells, K)
    expect(result.withheld).toBe(false)
    expectProtected(30, cells, result)
  })

  it('refuses cells that do not add up to their total', () => {
    expect(() => suppressPartition(10, [{ key: 'a', count: 4 }, { key: 'b', count: 5 }], K)).toThrow(/add up/)
  })

  it('protects every count of 1,000 random two-level breakdowns, and every figure is true', () => {
    const random = mulberry32(20261127)
    const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1))
    const split = (total: number, parts: number) => {
      const cuts = Array.from({ length: parts - 1 }, () => int(0, total)).sort((a, b) => a - b)
      return [...cuts, total].map((c, i) => c - (i === 0 ? 0 : cuts[i - 1]!))
    }
    let secondary = 0
    let withheld = 0
    for (let round = 0; round < 1000; round++) {
      const k = int(3, 6)
      const total = int(k, 40)
      const cells: CountCell[] = split(total, int(2, 6)).map((count, i) => {
        const cell: CountCell = { key: `c${i}`, count }
        if (count > 0 && random() < 0.5) cell.children = split(count, int(1, 4)).map((n, j) => ({ key: `c${i}.${j}`, count: n }))
        return cell
      })
      const result = suppressPartition(total, cells, k)
      if (result.withheld) withheld++
      else if (JSON.stringify(result.cells).includes('"withheld":true')) secondary++
      expectProtected(total, cells, result, k)
    }
    // Rounding hides most small cells on its own: complements are rarely needed, a whole breakdown even more rarely.
    expect(secondary).toBeGreaterThan(0)
    expect(secondary).toBeLessThan(100)
    expect(withheld).toBeLessThan(100)
  })
})
