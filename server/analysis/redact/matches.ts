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
  if (!unicode || index + 1 >= text.length) return index + 1
  const c = text.charCodeAt(index)
  if (c < 0xd800 || c > 0xdbff) return index + 1
  const d = text.charCodeAt(index + 1)
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1
}
