/**
 * Verbatim overlap between a summary and a testimony (issue 12 §2, §3): does a
 * summary repeat a run of N or more consecutive words of a testimony? Words
 * are compared folded (lower case, no accents), punctuation ignored; a
 * redaction placeholder ("[NAME]") counts as one word. Pure.
 */
import { foldWord } from './fold'

/** The run length that counts as copying: 8 consecutive words (issue 12). */
export const VERBATIM_RUN = 8

const WORD = /\[[\p{Lu}][\p{Lu}\p{N}_ -]*\]|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*/gu

/** The words of a text in the matching form. */
export function overlapWords(text: string): string[] {
  return (text.normalize('NFC').match(WORD) ?? []).map((w) => foldWord(w.replace(/’/g, "'")))
}

const shingles = (words: string[], n: number): Set<string> => {
  const out = new Set<string>()
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '))
  return out
}

/** Whether `text` contains a run of at least `n` consecutive words of `source`. */
export function sharesRun(text: string, source: string, n = VERBATIM_RUN): boolean {
  const a = overlapWords(text)
  const b = overlapWords(source)
  if (a.length < n || b.length < n) return false
  const grams = shingles(b, n)
  for (let i = 0; i + n <= a.length; i++) if (grams.has(a.slice(i, i + n).join(' '))) return true
  return false
}

/** The sentences of a text (kept with their ending punctuation and the space after). */
export function sentences(text: string): string[] {
  return text.match(/[^.!?…\n]+(?:[.!?…]+|\n|$)\s*/gu)?.filter((s) => s.trim().length > 0) ?? []
}

/** Whether `words` occur, in order and next to each other, in `within`. */
function containsRun(within: string[], words: string[]): boolean {
  outer: for (let i = 0; i + words.length <= within.length; i++) {
    for (let j = 0; j < words.length; j++) if (within[i + j] !== words[j]) continue outer
    return true
  }
  return false
}

/**
 * A machine-drafted summary without what it copied from `source`: every
 * sentence that shares a run of `n` words with it, or that is copied whole
 * from it (drafts copy short sentences whole), is dropped.
 */
export function withoutCopiedSentences(summary: string, source: string, n = VERBATIM_RUN): string {
  const sourceWords = overlapWords(source)
  const kept = sentences(summary).filter((s) => {
    const words = overlapWords(s)
    return !(sharesRun(s, source, n) || (words.length > 0 && containsRun(sourceWords, words)))
  })
  return kept.join('').trim()
}
