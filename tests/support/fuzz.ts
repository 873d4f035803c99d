/**
 * Property-based tests ("Bad input", issue 7): one seed and run-count policy
 * for every property, and the hostile inputs they share.
 *
 * - The seed is fixed (FUZZ_SEED, default below) so a failure in CI is
 *   reproducible; fast-check prints the seed and the shrunk counterexample,
 *   and `FUZZ_SEED=<seed> npx vitest run <file>` replays it.
 * - Each property picks a run count that keeps the whole set well under two
 *   minutes on a loaded two-core machine; FUZZ_RUNS=<n> replaces every
 *   property's run count for a longer local run (FUZZ_RUNS=2000 …).
 */
import fc from 'fast-check'
import { vi } from 'vitest'

export const FUZZ_SEED = intFromEnv('FUZZ_SEED') ?? 20261127
const FUZZ_RUNS = intFromEnv('FUZZ_RUNS')
// A longer run takes longer: no test timeout then.
if (FUZZ_RUNS !== undefined) vi.setConfig({ testTimeout: 24 * 3_600_000, hookTimeout: 24 * 3_600_000 })

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  const n = Number(raw)
  if (!Number.isSafeInteger(n)) throw new Error(`${name} must be an integer, got ${JSON.stringify(raw)}`)
  return n
}

/** The run count for a property: its own default, or FUZZ_RUNS when set. */
export function fuzzRuns(defaultRuns: number): number {
  return FUZZ_RUNS ?? defaultRuns
}

let announced = false

/** fast-check parameters for one property: the shared seed and its run count (printed once per file). */
export function fuzzParams<T>(defaultRuns: number, extra: fc.Parameters<T> = {}): fc.Parameters<T> {
  if (!announced) {
    announced = true
    console.log(`[fuzz] seed ${FUZZ_SEED} (FUZZ_SEED), runs ${FUZZ_RUNS ?? 'per property'} (FUZZ_RUNS)`)
  }
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns), ...extra }
}

// ---------------------------------------------------------------- strings

/** Pieces that break naive code: NUL and control characters, bidi and zero-width marks, surrogates, SQL, HTML, templates, placeholders. */
export const HOSTILE_FRAGMENTS = [
  '\u0000',
  '\u0001\u001b[31m',
  '\r\n',
  '\r',
  '\u2028\u2029',
  '\u0085',
  '\u202e', // right-to-left override
  '\u202d\u2066\u2069',
  '\u200f', // right-to-left mark
  '\u200b', // zero-width space
  '\u200c\u200d', // zero-width (non-)joiner
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\udc00\ud800', // reversed pair
  '😢',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'a\u0301\u0301\u0301\u0301',
  'Z̴̧̛̛͈̙̦͙͎̀́̈́͌̽͠a̸̡̰̟͕̔l̶̗̝̽g̵̼̈́o̴̢̿',
  'مرحبا بالعالم',
  'שלום',
  'Ñandú ÇÀÉÎÕÜ ß ǅ İ ﬁ',
  '漢字かなカナ한국어',
  "'; drop table submissions; --",
  "' OR '1'='1",
  '"; delete from users where ""="',
  '\\',
  '%00',
  '%s%n%x',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '{{7*7}}',
  '${process.exit(1)}',
  '../../../../etc/passwd',
  'javascript:alert(1)',
  '[NAME]',
  '[A-NUMBER]',
  'errors.forbidden',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'NaN',
  '-0',
  '1e309',
  ' ',
  '\t',
  '',
] as const

/** One UTF-16 code unit of any value: lone surrogates included. */
const codeUnit = fc.nat(0xffff).map((c) => String.fromCharCode(c))

/** Strings that are not well-formed UTF-16 as often as they are: lone surrogates, NUL, control characters. */
export const codeUnitString = (maxLength = 40) => fc.string({ unit: codeUnit, maxLength })

/** A hostile string of modest size: fragments, arbitrary Unicode and raw code units mixed. */
export function hostileString(maxParts = 12): fc.Arbitrary<string> {
  const part = fc.oneof(
    // What the database cannot store, often: a value that reaches a query with it is the likeliest crash.
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff', 'a\u0000b') },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: codeUnitString(8) },
  )
  return fc.array(part, { maxLength: maxParts }).map((parts) => parts.join(''))
}

/** A long string (`minLength` code units or more) made by repeating a hostile piece. */
export function hugeString(minLength: number): fc.Arbitrary<string> {
  return fc
    .tuple(hostileString(4), fc.constantFrom('a', 'Juan ', '1 ', '\u0000', '\u200b', 'ñ', '😢', '"', ',', '\n', '<', "'"))
    .map(([piece, filler]) => {
      const unit = piece + filler
      return unit.repeat(Math.ceil(minLength / unit.length))
    })
}

/** Arrays or objects nested `depth` levels deep, built iteratively (no recursion to overflow here). */
export function deeplyNested(depth: number, kind: 'array' | 'object', leaf: unknown = 'x'): unknown {
  let value: unknown = leaf
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value }
  return value
}
