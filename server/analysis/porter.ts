/**
 * The Porter stemmer exactly as `natural` implements it (natural/lib/natural/stemmers/
 * porter_stemmer.js, MIT), quirks included, with string operations instead of the dozens of
 * regular expressions (and a `new RegExp` per suffix tried) it runs per word: the same stems,
 * several times faster, which matters because every distinct word of a corpus is stemmed
 * once and the first run of a process pays for it cold. porter.test.ts checks it against
 * natural's on many words.
 */

const isAeiou = (c: string) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'
const isAeiouy = (c: string) => isAeiou(c) || c === 'y'

/**
 * natural's categorizeGroups — token.replace(/[^aeiouy]+y/g, 'CV').replace(/[aeiou]+/g, 'V')
 * .replace(/[^V]+/g, 'C') — as a sequence of codes (C = 0, V = 1) in `groups`; returns its
 * length. The first replacement turns a run of non-[aeiouy] letters followed by 'y' into
 * 'CV' (a run not followed by 'y' fails at every start inside it); the second turns each
 * run of lower-case vowels into one 'V' (a 'V' from the first stays a separate 'V'); the
 * third merges every run of anything else into one 'C'.
 */
let groups = new Uint8Array(64)

function categorizeGroups(token: string): number {
  if (2 * token.length > groups.length) groups = new Uint8Array(4 * token.length)
  let length = 0
  let pendingC = false
  const n = token.length
  const emit = (code: number) => {
    if (code === 0) pendingC = true
    else {
      if (pendingC) groups[length++] = 0
      pendingC = false
      groups[length++] = 1
    }
  }
  for (let i = 0; i < n; ) {
    let j = i
    while (j < n && !isAeiouy(token[j])) j++
    if (j > i && j < n && token[j] === 'y') {
      emit(0)
      emit(1)
      i = j + 1
    } else if (j > i) {
      emit(0)
      i = j
    } else if (token[i] === 'y') {
      emit(0)
      i++
    } else {
      // A run of lower-case vowels: one 'V'.
      while (i < n && isAeiou(token[i])) i++
      emit(1)
    }
  }
  if (pendingC) groups[length++] = 0
  return length
}

function hasV(length: number): boolean {
  for (let i = 0; i < length; i++) if (groups[i] === 1) return true
  return false
}

/** natural's categorizeChars: /[^aeiouy]y/g → 'CV', then each vowel 'V', anything else 'C'. */
function categorizeChars(token: string): string {
  let out = ''
  const n = token.length
  for (let i = 0; i < n; ) {
    if (i + 1 < n && !isAeiouy(token[i]) && token[i + 1] === 'y') {
      out += 'CV'
      i += 2
    } else {
      out += isAeiou(token[i]) ? 'V' : 'C'
      i++
    }
  }
  return out
}

/** natural's measure: VC sequences, after dropping a leading C and a trailing V (may be fractional). */
function measure(token: string | null): number {
  if (!token) return -1
  let length = categorizeGroups(token)
  if (length > 0 && groups[0] === 0) length--
  if (length > 0 && groups[groups[0] === 0 ? length : length - 1] === 1) length--
  return length / 2
}

/** token with suffix `pattern` replaced, or null when it does not end so ('' counts as a result). */
function attemptReplace(token: string, pattern: string, replacement: string): string | null {
  return token.endsWith(pattern) ? token.slice(0, token.length - pattern.length) + replacement : null
}

/** natural's attemptReplacePatterns: every pattern in turn, on the running result, when the original token's stem is long enough. */
function replacePatterns(token: string, replacements: readonly (readonly [string, string])[], measureThreshold: number | null): string {
  let replacement = token
  for (const [pattern, by] of replacements) {
    if (measureThreshold === null || measure(attemptReplace(token, pattern, '')) > measureThreshold) {
      replacement = attemptReplace(replacement, pattern, by) || replacement
    }
  }
  return replacement || token
}

function step1a(token: string): string {
  if (token.endsWith('sses') || token.endsWith('ies')) return token.slice(0, -2)
  if (token.endsWith('s') && token[token.length - 2] !== 's' && token.length > 2) return token.slice(0, -1)
  return token
}

const STEP1B: readonly (readonly [string, string])[] = [
  ['at', 'ate'],
  ['bl', 'ble'],
  ['iz', 'ize'],
]

function step1b(token: string): string {
  if (token.endsWith('eed')) {
    const stem = token.slice(0, -3)
    return measure(stem) > 0 ? stem + 'ee' : token
  }
  const suffix = token.endsWith('ed') ? 2 : token.endsWith('ing') ? 3 : 0
  if (suffix === 0) return token
  const stem = token.slice(0, -suffix)
  if (!stem || !hasV(categorizeGroups(stem))) return token
  const replaced = replacePatterns(stem, STEP1B, null)
  if (replaced !== stem) return replaced
  const n = stem.length
  const last = stem[n - 1]
  if (n >= 2 && last === stem[n - 2] && !isAeiou(last) && last !== 'l' && last !== 's' && last !== 'z') return stem.slice(0, -1)
  if (measure(stem) === 1 && categorizeChars(stem).slice(-3) === 'CVC' && last !== 'w' && last !== 'x' && last !== 'y') return stem + 'e'
  return stem
}

function step1c(token: string): string {
  if (token.endsWith('y') && hasV(categorizeGroups(token) - 1)) return token.slice(0, -1) + 'i'
  return token
}

const STEP2: readonly (readonly [string, string])[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['bli', 'ble'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
  ['logi', 'log'],
]

const STEP3: readonly (readonly [string, string])[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]

const STEP4 = new Set(['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize'])

function step4(token: string): string {
  // /^(.+?)(al|ance|…|ize)$/: the shortest non-empty stem whose remainder is a suffix.
  const n = token.length
  for (let l = 1; l < n; l++) {
    if (n - l <= 5 && STEP4.has(token.slice(l))) {
      const stem = token.slice(0, l)
      if (measure(stem) > 1) return stem
      break
    }
  }
  // /^(.+?)(s|t)(ion)$/
  if (n >= 5 && token.endsWith('ion') && (token[n - 4] === 's' || token[n - 4] === 't')) {
    const stem = token.slice(0, -3)
    if (measure(stem) > 1) return stem
  }
  return token
}

function step5a(token: string): string {
  const trimmed = token.endsWith('e') ? token.slice(0, -1) : token
  const m = measure(trimmed)
  if (m > 1) return trimmed
  if (m === 1) {
    const chars = categorizeChars(token)
    const start = Math.max(chars.length - 4, 0)
    const n = token.length
    const cvc = chars.slice(start, start + 3) === 'CVC' && n >= 2 && token[n - 2] !== 'w' && token[n - 2] !== 'x' && token[n - 2] !== 'y'
    if (!cvc) return trimmed
  }
  return token
}

function step5b(token: string): string {
  return measure(token) > 1 && token.endsWith('ll') ? token.slice(0, -1) : token
}

/** natural's PorterStemmer.stem. */
export function porterStem(word: string): string {
  if (word.length < 3) return word
  return step5b(step5a(step4(replacePatterns(replacePatterns(step1c(step1b(step1a(word.toLowerCase()))), STEP2, 0), STEP3, 0))))
}
