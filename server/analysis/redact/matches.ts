import { codePointWidth } from '../char-class'

/**
 * The matches of a global pattern, in order, exactly as [...text.matchAll(pattern)]
 * gives them: from the pattern's lastIndex, stepping over empty matches as
 * matchAll does (by code point under u or v), and leaving lastIndex as it was.
 *
 * Why not matchAll: it copies the pattern on every call (through the RegExp
 * species constructor), and for the large alternations the redactor runs on
 * every text the copy cost a third of the matching time. Here the pattern
 * itself runs; all matches are collected before returning, so code that uses
 * the same pattern while the caller walks the matches cannot disturb them.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern, got /${pattern.source}/${pattern.flags}`)
  const saved = pattern.lastIndex
  const out: RegExpExecArray[] = []
  try {
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      out.push(m)
      if (m[0] === '') pattern.lastIndex = advance(text, pattern.lastIndex, pattern.unicode || pattern.flags.includes('v'))
    }
  } finally {
    pattern.lastIndex = saved
  }
  return out
}

/** AdvanceStringIndex of the specification: one code unit, or one code point under u or v. */
function advance(text: string, index: number, unicode: boolean): number {
  return index + (unicode ? codePointWidth(text, index) : 1)
}

/**
 * A global pattern paired with a cheap one that finds every place where a
 * match of it can begin: its own alternatives without the lookarounds around
 * them, and case-insensitive patterns in their fast /i form (see
 * case-insensitive.ts). For the big alternations of the name detector, /iu
 * (needed for \p{L} in the lookarounds) tried at every position of a text cost
 * several times what the /i scan for the alternatives costs.
 */
export type GuardedPattern = {
  readonly pattern: RegExp
  /** `pattern`, sticky: tried at one position. */
  readonly sticky: RegExp
  /** A global pattern matching at least wherever `pattern` can match (and perhaps elsewhere). */
  readonly starts: (text: string) => RegExp
}

export function guardedPattern(pattern: RegExp, starts: (text: string) => RegExp): GuardedPattern {
  if (!pattern.global || pattern.sticky) throw new TypeError('guardedPattern needs a global, non-sticky pattern')
  return { pattern, sticky: new RegExp(pattern.source, pattern.flags + 'y'), starts }
}

/**
 * The same as allMatches(guarded.pattern, text), found by trying the pattern
 * only where its `starts` pattern matches: a global scan's next match is its
 * match at the first position, from where the last match ended, at which it
 * matches at all, and it can match nowhere `starts` does not. For patterns
 * that never match the empty string (checked).
 */
export function guardedMatches(guarded: GuardedPattern, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  const starts = guarded.starts(text)
  const { sticky } = guarded
  let from = 0
  starts.lastIndex = 0
  for (let start = starts.exec(text); start !== null; start = starts.exec(text)) {
    // Every position where a match can begin, overlapping ones too: "xSan Pedro" fails at "San", may match further on.
    starts.lastIndex = start.index + 1
    if (start.index < from) continue
    sticky.lastIndex = start.index
    const m = sticky.exec(text)
    if (!m) continue
    if (m[0] === '') throw new Error(`guardedMatches: /${sticky.source}/ matched the empty string`)
    out.push(m)
    from = m.index + m[0].length
  }
  starts.lastIndex = 0
  sticky.lastIndex = 0
  return out
}
