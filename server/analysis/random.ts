/**
 * Seeded pseudo-random numbers. mulberry32 (Tommy Ettinger, public domain): 32-bit state,
 * passes gjrand/PractRand for the sample sizes clustering needs, and is the same on every
 * JavaScript engine because it uses only 32-bit integer arithmetic.
 */
export type Random = {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [0, n). */
  int(n: number): number
  /** Standard normal (Box–Muller). */
  normal(): number
}

/** The bare mulberry32 generator from a 32-bit starting state: uniform in [0, 1). */
export function mulberry32(initialState: number): () => number {
  let state = initialState >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Fills `out` with 2u − 1 for successive uniforms u of createRandom(seed) — the same numbers
 * as calling next() in turn, without a call per number (LSA draws over a million).
 */
export function fillSigned(out: Float64Array, seed: number): void {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0
  for (let i = 0; i < out.length; i++) {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    out[i] = 2 * (((t ^ (t >>> 14)) >>> 0) / 4294967296) - 1
  }
}

export function createRandom(seed: number): Random {
  let spare: number | null = null
  const next = mulberry32(Math.trunc(seed) ^ 0x9e3779b9)
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      if (spare !== null) {
        const s = spare
        spare = null
        return s
      }
      let u = next()
      while (u <= Number.EPSILON) u = next()
      const v = next()
      const r = Math.sqrt(-2 * Math.log(u))
      spare = r * Math.sin(2 * Math.PI * v)
      return r * Math.cos(2 * Math.PI * v)
    },
  }
}

/** Derives an independent seed for a sub-task (restart r, sample s …) from a base seed. */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = (Math.trunc(seed) ^ 0x85ebca6b) >>> 0
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0xcc9e2d51) >>> 0
    h = ((h << 13) | (h >>> 19)) >>> 0
    h = (Math.imul(h, 5) + 0xe6546b64) >>> 0
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  return h >>> 0
}

/** Fisher–Yates sample of m distinct indices from [0, n), in ascending order. */
export function sampleIndices(n: number, m: number, random: Random): number[] {
  if (m >= n) return Array.from({ length: n }, (_, i) => i)
  const pool = Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < m; i++) {
    const j = i + random.int(n - i)
    const t = pool[i]
    pool[i] = pool[j]
    pool[j] = t
  }
  return pool.slice(0, m).sort((a, b) => a - b)
}
