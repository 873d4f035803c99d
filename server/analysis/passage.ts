/**
 * Where a tagged passage sits in a submission's redacted text. The page sends offsets from a
 * selection when it can, and the words themselves (`quote`) always; without JavaScript only
 * the words come, and they are found in the text. Pure.
 */
export type Passage = { start: number; end: number }

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Offsets of a passage: the given offsets when they are inside the text and (if a quote was
 * given) the text there reads as the quote; otherwise the quote's first occurrence, matched
 * without regard to case or to how whitespace is laid out. Null when it cannot be found.
 */
export function locatePassage(text: string, input: { quote?: string | null; start?: number | null; end?: number | null }): Passage | null {
  const quote = input.quote?.trim() ?? ''
  const { start, end } = input
  if (start != null && end != null && start >= 0 && end > start && end <= text.length) {
    const there = text.slice(start, end)
    if (!quote || normalize(there) === normalize(quote)) return trimmed(text, { start, end })
  }
  if (!quote) return null
  const words = quote.split(/\s+/).filter(Boolean)
  if (words.length === 0) return null
  const match = new RegExp(words.map(escape).join('\\s+'), 'iu').exec(text)
  return match ? { start: match.index, end: match.index + match[0].length } : null
}

const normalize = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase()

/** Drops whitespace a selection picked up at either end. */
function trimmed(text: string, p: Passage): Passage | null {
  let { start, end } = p
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return end > start ? { start, end } : null
}
