/**
 * Issue 12 §4: a consenting quote can still identify its author, by a rare
 * detail ("the only Honduran florist on 1st Street") or by a rare combination
 * of Area, month and setting. Before a quote is published the builder shows,
 * for each quote: the words, and pairs of neighbouring words, that occur in
 * fewer than RARE_IN testimonies of the whole collection (redaction placeholders
 * and function words aside), and whether its Area × month × setting cell holds
 * fewer than the threshold's testimonies. A flagged quote is published only
 * once a facilitator has reviewed it. Pure: the service passes the collection in.
 */
import { foldWord } from '../analysis/fold'
import { STOPWORDS } from '../analysis/stopwords'

/** A word or word pair in fewer than this many testimonies of the collection is rare. */
export const RARE_IN = 3

const WORD = /\[[\p{Lu}][\p{Lu}\p{N}_ -]*\]|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu

/** The words of a text that can identify: folded, without placeholders and function words of either language. */
export function contentWords(text: string): string[] {
  const out: string[] = []
  for (const raw of text.normalize('NFC').match(WORD) ?? []) {
    if (raw.startsWith('[')) {
      out.push('') // a placeholder breaks a pair, and is never a term itself
      continue
    }
    const word = foldWord(raw.replace(/’/g, "'"))
    if (STOPWORDS.en.has(word) || STOPWORDS.es.has(word)) continue
    out.push(word)
  }
  return out
}

/** The terms of a text: its content words, and each pair of neighbouring content words. */
export function terms(text: string): { words: Set<string>; pairs: Set<string> } {
  const list = contentWords(text)
  const words = new Set(list.filter(Boolean))
  const pairs = new Set<string>()
  for (let i = 0; i + 1 < list.length; i++) if (list[i] && list[i + 1]) pairs.add(`${list[i]} ${list[i + 1]}`)
  return { words, pairs }
}

/**
 * In how many testimonies of the collection each of `wanted` occurs (as a word
 * or a word pair). Counting only the terms asked for keeps the map small.
 */
export function documentFrequencies(collection: Iterable<string>, wanted: Set<string>): Map<string, number> {
  const df = new Map<string, number>([...wanted].map((t) => [t, 0]))
  if (wanted.size === 0) return df
  for (const text of collection) {
    const { words, pairs } = terms(text)
    for (const t of wanted) if (words.has(t) || pairs.has(t)) df.set(t, df.get(t)! + 1)
  }
  return df
}

export type CellKey = { area: string; month: string; setting: string }
export const cellKey = (c: CellKey) => `${c.area}\u0000${c.month}\u0000${c.setting}`

/** How many testimonies of the collection fall in each Area × month × setting cell. */
export function cellCounts(cells: Iterable<CellKey>): Map<string, number> {
  const out = new Map<string, number>()
  for (const c of cells) out.set(cellKey(c), (out.get(cellKey(c)) ?? 0) + 1)
  return out
}

export type ReidFlags = {
  /** Rare words, then rare pairs of common words, in the order they appear in the quote. */
  rareTerms: string[]
  /** The quote's Area × month × setting holds fewer than the threshold's testimonies. */
  rareCell: boolean
  cellCount: number
  flagged: boolean
}

/** The re-identification flags of one quote, given the collection's frequencies and cell counts. */
export function reidFlags(quote: string, cell: CellKey, df: Map<string, number>, cells: Map<string, number>, minCell: number): ReidFlags {
  const { words, pairs } = terms(quote)
  const rare = (t: string) => (df.get(t) ?? 0) < RARE_IN
  const rareWords = [...words].filter(rare)
  // A pair is news only when both its words are common: a rare word already says it.
  const rarePairs = [...pairs].filter((p) => rare(p) && p.split(' ').every((w) => !rare(w)))
  const cellCount = cells.get(cellKey(cell)) ?? 0
  const rareCell = cellCount < minCell
  const rareTerms = [...rareWords, ...rarePairs]
  return { rareTerms, rareCell, cellCount, flagged: rareTerms.length > 0 || rareCell }
}

/** Every term of these quotes (what documentFrequencies must count). */
export function termsOf(quotes: string[]): Set<string> {
  const out = new Set<string>()
  for (const q of quotes) {
    const { words, pairs } = terms(q)
    for (const t of words) out.add(t)
    for (const t of pairs) out.add(t)
  }
  return out
}
