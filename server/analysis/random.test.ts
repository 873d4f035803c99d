import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed, fillSigned, sampleIndices } from './random'

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const c = createRandom(43)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs)
  })
  it('is the same on every machine (fixed reference values)', () => {
    const r = createRandom(1)
    expect([r.int(1000), r.int(1000), r.int(1000)]).toMatchInlineSnapshot(`
      [
        189,
        317,
        783,
      ]
    `)
  })
  it('stays in range and looks uniform and normal', () => {
    const r = createRandom(7)
    let sum = 0
    let sq = 0
    for (let i = 0; i < 20000; i++) {
      const u = r.next()
      expect(u).toBeGreaterThanOrEqual(0)
      expect(u).toBeLessThan(1)
      const z = r.normal()
      sum += z
      sq += z * z
    }
    expect(Math.abs(sum / 20000)).toBeLessThan(0.05)
    expect(Math.abs(sq / 20000 - 1)).toBeLessThan(0.05)
  })
})

describe('deriveSeed and sampleIndices', () => {
  it('derives distinct seeds per part', () => {
    const seeds = new Set([0, 1, 2, 3].map((i) => deriveSeed(5, i)))
    expect(seeds.size).toBe(4)
    expect(deriveSeed(5, 1)).toBe(deriveSeed(5, 1))
  })
  it('samples distinct sorted indices, or all of them', () => {
    const s = sampleIndices(100, 10, createRandom(3))
    expect(new Set(s).size).toBe(10)
    expect([...s].sort((a, b) => a - b)).toEqual(s)
    expect(sampleIndices(3, 10, createRandom(3))).toEqual([0, 1, 2])
  })
})

describe('fillSigned', () => {
  it('gives 2u − 1 for the same uniforms as createRandom', () => {
    for (const seed of [0, 1, 12345, -7, 2 ** 31 + 5]) {
      const random = createRandom(seed)
      const out = new Float64Array(1000)
      fillSigned(out, seed)
      expect(Array.from(out)).toEqual(Array.from({ length: 1000 }, () => 2 * random.next() - 1))
    }
  })
})
