/**
 * A case-insensitive pattern that V8 runs fast and that matches exactly as the
 * same pattern with the `u` flag.
 *
 * V8 runs some /iu patterns many times slower than /i: the name cues alone
 * took a tenth of all redaction time. The two flags differ only in how they
 * fold case and in what they take for one character. So a pattern qualifies
 * when it needs nothing of `u` (no `\p{…}`, no `\u{…}`) and its non-ASCII
 * letters are plain Spanish ones (checked below). Then, on a text with only
 * BMP characters, /i and /iu differ only on the two letters that Unicode case
 * folding, and nothing else, maps to ASCII: ſ (long s) is "s" and K (Kelvin
 * sign) is "k" under /iu, also for `\b`. Texts with either, or with any astral
 * character (emoji), are matched with /iu; all others with /i. The matches are
 * the same either way.
 */
const NEEDS_UNICODE = /[\u017F\u212A\uD800-\uDFFF]/
const ALLOWED_NON_ASCII = /^[áéíóúüñÁÉÍÓÚÜÑ’‘‐‑‒–—]$/

export type CaseInsensitivePattern = { readonly source: string; readonly for: (text: string) => RegExp }

/** `flags` without i and u (say "g" or "gd"): both are added. */
export function caseInsensitivePattern(source: string, flags = 'g'): CaseInsensitivePattern {
  if (/[iu]/.test(flags)) throw new Error(`caseInsensitivePattern adds i and u itself, got "${flags}"`)
  if (/\\[pPu]\{/.test(source)) throw new Error('caseInsensitivePattern: the pattern needs the u flag')
  for (const c of source) {
    if (c.charCodeAt(0) > 0x7f && !ALLOWED_NON_ASCII.test(c)) throw new Error(`caseInsensitivePattern: "${c}" may fold differently under /i and /iu`)
  }
  const plain = new RegExp(source, flags + 'i')
  const unicode = new RegExp(source, flags + 'iu')
  return { source, for: (text) => (NEEDS_UNICODE.test(text) ? unicode : plain) }
}
