import { mulberry32 } from '../analysis/random'

/**
 * A small seeded random source for demo data. Mulberry32 is tiny, fast and good
 * enough for picking phrases; what matters is that the same seed always gives the
 * same sequence, so the seed script and the tests see identical testimony.
 */
export type Rng = {
  /** Uniform float in [0, 1). */
  next(): number
  int(minInclusive: number, maxInclusive: number): number
  chance(probability: number): boolean
  pick<T>(items: readonly T[]): T
  weighted<T>(entries: readonly (readonly [T, number])[]): T
  shuffle<T>(items: readonly T[]): T[]
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
      let roll = next() * total
      for (const [value, weight] of entries) {
        roll -= weight
        if (roll < 0) return value
      }
      return entries[entries.length - 1][0]
    },
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[out[i], out[j]] = [out[j], out[i]]
      }
      return out
    },
  }
  return rng
}

/**
 * Splits `count` across weighted values so the totals are exact rather than left
 * to chance: every value first gets `minEach` (when the count allows it), the rest
 * goes by weight with the largest-remainder rule. Returns a flat, unshuffled list.
 */
export function allocate<T>(count: number, entries: readonly (readonly [T, number])[], minEach = 0): T[] {
  const floor = count >= entries.length * minEach ? minEach : 0
  const rest = count - floor * entries.length
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0)
  const exact = entries.map(([, weight]) => (rest * weight) / total)
  const quotas = exact.map((share) => Math.floor(share))
  let left = rest - quotas.reduce((a, b) => a + b, 0)
  const byRemainder = exact.map((share, i) => [share - Math.floor(share), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1])
  for (const [, i] of byRemainder) {
    if (left <= 0) break
    quotas[i]++
    left--
  }
  return entries.flatMap(([value], i) => Array.from({ length: quotas[i] + floor }, () => value))
}
