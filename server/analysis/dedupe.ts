/**
 * Near-duplicate testimony: the same account submitted twice, or pasted by two
 * organizations. Word 3-gram shingles after case and accent folding, with the
 * redaction placeholders removed (two copies redacted differently must still
 * match); Jaccard similarity; and MinHash signatures so the app can keep a
 * small signature per submission and compare against thousands of them.
 */

import { charClass, codePointWidth, isAscii } from './char-class'
import { ENTITY_TYPES } from './redact/types'

/** Every placeholder the redactor writes: [NAME], [A-NUMBER], [IP], … */
const PLACEHOLDER = new RegExp(`\\[(?:${ENTITY_TYPES.map((t) => (t === 'A_NUMBER' ? 'A-NUMBER' : t)).join('|')})\\]`, 'g')

/** Texts with fewer words than this have too few word 3-grams; they are shingled by characters. */
const MIN_WORDS_FOR_WORD_SHINGLES = 6
const WORD_SHINGLE = 3
const CHAR_SHINGLE = 4

export function foldWords(text: string): string[] {
  const { folded, spans } = foldedWordSpans(text)
  const words: string[] = []
  for (let k = 0; k < spans.length; k += 2) words.push(folded.slice(spans[k], spans[k + 1]))
  return words
}

/**
 * The folded text (placeholders removed, accents stripped, lower case) and the
 * [start, end) offsets of its words, flattened: the words of `foldWords` as
 * text.replace(…).normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu)
 * would give them, found without building a string per word, so MinHash can
 * hash the shingles in place.
 */
function foldedWordSpans(text: string): { folded: string; spans: number[] } {
  const stripped = text.replace(PLACEHOLDER, ' ')
  // ASCII has nothing to decompose and no marks: skip the Unicode normalisation.
  const folded = (isAscii(stripped) ? stripped : stripped.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase()
  const spans: number[] = []
  let start = -1
  for (let i = 0; i < folded.length; ) {
    const width = wordCharWidth(folded, i)
    if (width > 0) {
      if (start < 0) start = i
      i += width
      continue
    }
    if (start >= 0) spans.push(start, i)
    start = -1
    i += codePointWidth(folded, i)
  }
  if (start >= 0) spans.push(start, folded.length)
  return { folded, spans }
}

/** The width in code units of the letter or digit (\p{L}, \p{N}) at i, or 0 if there is none. */
const wordCharWidth = charClass(/[\p{L}\p{N}]/u)

/**
 * Word 3-grams ("w:" prefix) of the folded text, or character 4-grams ("c:")
 * when the text is very short. An empty text has no shingles.
 */
export function shingles(text: string): Set<string> {
  const { folded, spans } = foldedWordSpans(text)
  const out = new Set<string>()
  const words = spans.length / 2
  if (words >= MIN_WORDS_FOR_WORD_SHINGLES) {
    const word = (w: number) => folded.slice(spans[2 * w], spans[2 * w + 1])
    for (let i = 0; i + WORD_SHINGLE <= words; i++) out.add('w:' + word(i) + ' ' + word(i + 1) + ' ' + word(i + 2))
    return out
  }
  return charShingles(folded, spans, out)
}

function charShingles(folded: string, spans: number[], out: Set<string>): Set<string> {
  const words: string[] = []
  for (let k = 0; k < spans.length; k += 2) words.push(folded.slice(spans[k], spans[k + 1]))
  const joined = words.join(' ')
  if (joined.length === 0) return out
  if (joined.length < CHAR_SHINGLE) {
    out.add('c:' + joined)
    return out
  }
  for (let i = 0; i + CHAR_SHINGLE <= joined.length; i++) out.add('c:' + joined.slice(i, i + CHAR_SHINGLE))
  return out
}

/**
 * The FNV-1a hash of each shingle of the text, as fnv1a(s) for s of
 * shingles(text), but for word shingles hashed from the folded text without
 * building them. A shingle met twice is hashed twice: MinHash keeps minima, so
 * repeats change nothing.
 */
function shingleHashes(text: string): number[] {
  const { folded, spans } = foldedWordSpans(text)
  const words = spans.length / 2
  if (words < MIN_WORDS_FOR_WORD_SHINGLES) return Array.from(charShingles(folded, spans, new Set()), fnv1a)
  const prefix = fnv1aUpdate(FNV_OFFSET, 'w:', 0, 2)
  const hashes: number[] = []
  for (let i = 0; i + WORD_SHINGLE <= words; i++) {
    let h = prefix
    for (let w = i; w < i + WORD_SHINGLE; w++) {
      if (w > i) h = Math.imul(h ^ 0x20, FNV_PRIME) // the space between words
      h = fnv1aUpdate(h, folded, spans[2 * w], spans[2 * w + 1])
    }
    hashes.push(h >>> 0)
  }
  return hashes
}

/** |A ∩ B| / |A ∪ B|. Two empty sets share nothing to compare: 0, so empty texts never count as duplicates. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const s of small) if (large.has(s)) shared++
  return shared / (a.size + b.size - shared)
}

export function textSimilarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b))
}

export type NearDuplicate = { id: string; similarity: number }

/** Candidates at or above the threshold, most similar first (ties by id, so the order is stable). */
export function findNearDuplicates(
  newText: string,
  candidates: readonly { id: string; text: string }[],
  threshold = 0.8,
): NearDuplicate[] {
  const mine = shingles(newText)
  const out: NearDuplicate[] = []
  for (const c of candidates) {
    const similarity = jaccard(mine, shingles(c.text))
    if (similarity >= threshold) out.push({ id: c.id, similarity })
  }
  return out.sort((a, b) => b.similarity - a.similarity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

// ---------------------------------------------------------------- MinHash

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** FNV-1a, 32 bits, over UTF-16 code units. */
function fnv1a(s: string): number {
  return fnv1aUpdate(FNV_OFFSET, s, 0, s.length) >>> 0
}

/** The FNV-1a state h carried on over s[start, end). */
function fnv1aUpdate(h: number, s: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME)
  return h
}

/** murmur3 finaliser: spreads the bits of a 32-bit value. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** mulberry32: the per-hash salts come from the seed, never from Math.random. */
function salts(seed: number, count: number): Uint32Array {
  let a = seed >>> 0
  const out = new Uint32Array(count)
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    out[i] = (t ^ (t >>> 14)) >>> 0
  }
  return out
}

export type MinHashOptions = { numHashes?: number; seed?: number }
export const DEFAULT_MINHASH: Required<MinHashOptions> = { numHashes: 128, seed: 0x5eed }

/**
 * A MinHash signature of a shingle set (or of a text, shingled first): for
 * each of `numHashes` salted hash functions, the smallest hash over the
 * shingles. Plain numbers so it stores as JSON or an int4[] column. The same
 * seed and size must be used for all signatures that are compared.
 */
export function minhash(input: string | ReadonlySet<string>, opts: MinHashOptions = {}): number[] {
  const { numHashes, seed } = { ...DEFAULT_MINHASH, ...opts }
  const hashes = typeof input === 'string' ? shingleHashes(input) : Array.from(input, fnv1a)
  const salt = salts(seed, numHashes)
  // Unsigned 32-bit slots: 0xffffffff does not fit a small integer, so a plain array would hold doubles.
  const sig = new Uint32Array(numHashes).fill(0xffffffff)
  for (const base of hashes) {
    for (let i = 0; i < numHashes; i++) {
      const h = fmix32(base ^ salt[i])
      if (h < sig[i]) sig[i] = h
    }
  }
  return Array.from(sig)
}

/** Share of equal positions: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`signatures differ in length: ${a.length} and ${b.length}`)
  if (a.length === 0) return 0
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i] && a[i] !== 0xffffffff) same++
  return same / a.length
}

/**
 * Locality-sensitive hashing keys: the signature cut into `bands` bands, each
 * hashed to a key. Store the keys in an index; submissions sharing any key are
 * the only candidates worth an exact comparison. 32 bands of 4 rows catch
 * pairs at Jaccard 0.8 with probability above 0.99.
 */
export function lshKeys(signature: readonly number[], bands = 32): string[] {
  if (signature.length % bands !== 0) throw new Error(`${signature.length} hashes do not split into ${bands} bands`)
  const rows = signature.length / bands
  const keys: string[] = []
  for (let b = 0; b < bands; b++) {
    let h = 0x811c9dc5
    for (let r = 0; r < rows; r++) h = fmix32(h ^ signature[b * rows + r]) + r
    keys.push(`${b}:${(h >>> 0).toString(36)}`)
  }
  return keys
}
