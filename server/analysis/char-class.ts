/**
 * Tests of one character against a Unicode class, for scanners that walk a
 * text by code unit instead of matching it with a global /u pattern (which
 * builds a string per match). Pure.
 */

/** True when every code unit is ASCII: nothing to decompose, no marks, no case beyond A–Z. */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false
  return true
}

/** 2 for a well-formed surrogate pair at i, else 1: how far a /u pattern steps over the character at i. */
export function codePointWidth(s: string, i: number): number {
  const c = s.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return 2
  }
  return 1
}

/**
 * A test for one character of `pattern` (a single-character class such as
 * /\p{L}/u) at offset i: the character's width in code units if `pattern`
 * matches it exactly as it would inside a /u pattern, else 0. A lone surrogate
 * is a character of its own, as under /u. Answers for the BMP are remembered,
 * so the pattern runs once per distinct character, not once per character.
 */
export function charClass(pattern: RegExp): (s: string, i: number) => number {
  const one = new RegExp(`^(?:${pattern.source})$`, 'u')
  const bmp = new Uint8Array(0x10000) // 0 not asked yet, 1 in the class, 2 not
  return (s, i) => {
    const c = s.charCodeAt(i)
    // Only a high surrogate can start a two-unit character: everything else (ASCII first of all) is one table lookup.
    if (c >= 0xd800 && c <= 0xdbff && codePointWidth(s, i) === 2) return one.test(s.slice(i, i + 2)) ? 2 : 0
    let known = bmp[c]
    if (known === 0) known = bmp[c] = one.test(s[i]) ? 1 : 2
    return known === 1 ? 1 : 0
  }
}
