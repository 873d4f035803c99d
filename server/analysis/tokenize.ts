/**
 * Text → features. Per language: natural's aggressive tokenizers, folding for matching,
 * function-word removal, Porter stemming, redaction placeholders dropped, concept-lexicon
 * features, and adjacent-word pairs (kept later only when frequent; see vectorize.ts).
 *
 * Spanish text is "pivoted" into the English feature space when asked: a word becomes the
 * English stem of its dictionary gloss, or of its cognate ("nación" → "nation" → "nation"),
 * so a Spanish and an English account share features without machine translation.
 */
import type { BilingualDictionary } from './bilingual'
import { foldWord } from './fold'
import { createConceptMatcher, type ConceptMatcher } from './lexicon'
import { stemmerEn, stemmerEs } from './natural-modules'
import { STOPWORDS } from './stopwords'

export type Lang = 'en' | 'es'

export type AnalyzerOptions = {
  /** Add "stem1 stem2" features for adjacent content words. */
  bigrams: boolean
  /** Add one shared feature per bilingual concept ("~raid"). */
  concepts: boolean
  /** Map Spanish words into English stems (dictionary, then cognate rules). */
  pivotSpanish: boolean
  dictionary?: BilingualDictionary
}

export type AnalyzedText = {
  lang: Lang
  /** Features, in text order; unigrams, then bigrams, then concepts. */
  terms: string[]
  /** Original word(s) behind each feature, lower case with accents kept. */
  surfaces: string[]
}

/** Bracketed redaction placeholders such as [NAME], [PHONE_NUMBER], [DIRECCIÓN]. */
const PLACEHOLDER = /\[[\p{Lu}][\p{Lu}\p{N}_ -]*\]/gu
const PLACEHOLDER_OR_BREAK = /\[[\p{L}][\p{L}\p{N}_ -]*\]|[.!?;:…]+(?:\s|$)|\n/u
/** Spanish words on lower-case text: a-z, digits and the accented letters (á–ú is a code point range with ÷ in it, left out). */
const SPANISH_WORD = /[^a-z0-9á-öø-úñü]+/

export const CONCEPT_PREFIX = '~'

/**
 * Longer runs of letters are not words (pasted hashes, "aaaa…"), and the Porter
 * stemmers take quadratic time on them: a 10,000-letter run cost about a second.
 */
export const MAX_WORD_LENGTH = 40

/** Removes redaction placeholders, leaving a sentence break in their place. */
export function stripPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER, ' . ')
}

/**
 * Splits into lower-case words, in segments: a placeholder or sentence end starts a new
 * segment, so no word pair spans one. Spanish keeps accents (natural's Spanish tokenizer,
 * plus digits); English is folded first, as natural's English tokenizer knows only ASCII.
 */
export function tokenizeSegments(text: string, lang: Lang): string[][] {
  const segments = text.normalize('NFC').toLowerCase().split(PLACEHOLDER_OR_BREAK)
  return segments.map((segment) => tokenizeSegment(segment, lang)).filter((words) => words.length > 0)
}

function tokenizeSegment(lower: string, lang: Lang): string[] {
  if (lang === 'es') {
    // Not natural's AggressiveTokenizerEs: it splits on /[^a-zA-Zá-úÁ-ÚñÑüÜ]+/, so drops "911" and keeps "5÷3" and "2×4" as words.
    return lower.split(SPANISH_WORD).filter(Boolean)
  }
  // natural's AggressiveTokenizer splits on anything but ASCII letters, digits, ' - and /;
  // we also split at those three joiners, so on folded lower-case text (accents folded
  // first: "café" would become "caf") that is one split at anything but [a-z0-9].
  const out: string[] = []
  for (const part of foldWord(lower).split(NOT_ASCII_WORD)) if (part && part !== 's' && part !== 't') out.push(part)
  return out
}

const NOT_ASCII_WORD = /[^a-z0-9]+/

export function tokenizeWords(text: string, lang: Lang): string[] {
  return tokenizeSegments(text, lang).flat()
}

/** Function-word counts for each language. */
export function languageEvidence(text: string): { en: number; es: number } {
  let en = 0
  let es = 0
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    const f = foldWord(w)
    const inEn = STOPWORDS.en.has(f)
    const inEs = STOPWORDS.es.has(f)
    if (inEn && !inEs) en++
    else if (inEs && !inEn) es++
  }
  return { en, es }
}

/** Guesses English or Spanish from function words; English when there is no evidence. */
export function guessLanguage(text: string): Lang {
  const { en, es } = languageEvidence(text)
  return es > en ? 'es' : 'en'
}

const COGNATE_RULES: [RegExp, string][] = [
  [/ciones$|cion$/, 'tion'],
  [/siones$|sion$/, 'sion'],
  [/dades$|dad$/, 'ty'],
  [/mente$/, 'ly'],
  [/ismos?$/, 'ism'],
  [/istas?$/, 'ist'],
  [/os[oa]s?$/, 'ous'],
  [/ic[oa]s?$/, 'ic'],
  [/iv[oa]s?$/, 'ive'],
  [/encias?$/, 'ence'],
  [/ancias?$/, 'ance'],
  [/gias?$/, 'gy'],
  [/fias?$/, 'phy'],
  [/ias?$/, 'y'],
  [/ales$/, 'al'],
  [/[aeo]s$/, ''],
  [/[aeo]$/, ''],
]

/** English look-alike of a folded Spanish word: "nacion" → "nation", "politicos" → "politic". */
export function spanishCognate(folded: string): string {
  let w = folded
  for (const [pattern, replacement] of COGNATE_RULES) {
    if (pattern.test(w)) {
      w = w.replace(pattern, replacement)
      break
    }
  }
  w = w.replace(/^es(?=[bcdfgklmnpqrstv])/, 's').replace(/ph/g, 'f')
  return w.length >= 2 ? w : folded
}

export type Analyzer = { analyze(text: string, lang?: Lang): AnalyzedText; options: AnalyzerOptions }

export function createAnalyzer(options: AnalyzerOptions): Analyzer {
  const matchers = { en: createConceptMatcher('en'), es: createConceptMatcher('es') }
  const cache = { en: new Map<string, string[]>(), es: new Map<string, string[]>() }
  const dictionary = options.dictionary?.entries

  const stemEn = (folded: string) => stemmerEn.stem(folded)

  // Folded content word → feature stems (usually one; a multi-word gloss gives several).
  function termsOf(folded: string, lang: Lang): string[] {
    const hit = cache[lang].get(folded)
    if (hit) return hit
    let terms: string[]
    if (lang === 'en') terms = [stemEn(folded)]
    else if (!options.pivotSpanish) terms = [stemmerEs.stem(folded)]
    else {
      const gloss = dictionary?.[folded] ?? (folded.endsWith('s') ? dictionary?.[folded.slice(0, -1)] : undefined)
      const glossWords = gloss ? gloss.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOPWORDS.en.has(w)) : []
      terms = glossWords.length > 0 ? glossWords.slice(0, 2).map(stemEn) : [stemEn(spanishCognate(folded))]
    }
    cache[lang].set(folded, terms)
    return terms
  }

  function analyze(text: string, langHint?: Lang): AnalyzedText {
    const lang = langHint ?? guessLanguage(text)
    const other: Lang = lang === 'en' ? 'es' : 'en'
    const segments = tokenizeSegments(text, lang)
    // English words come out of tokenizeSegments folded already.
    const foldedSegments = lang === 'en' ? segments : segments.map((words) => words.map(foldWord))
    // Text that mixes languages (two or more function words of each) gets the other
    // language's concepts too.
    let en = 0
    let es = 0
    for (const folded of foldedSegments) {
      for (const f of folded) {
        const inEn = STOPWORDS.en.has(f)
        const inEs = STOPWORDS.es.has(f)
        if (inEn && !inEs) en++
        else if (inEs && !inEn) es++
      }
    }
    const mixed = Math.min(en, es) >= 2
    const stop = STOPWORDS[lang]
    const terms: string[] = []
    const surfaces: string[] = []
    const pairTerms: string[] = []
    const pairSurfaces: string[] = []
    for (let s = 0; s < segments.length; s++) {
      const words = segments[s]
      const folded = foldedSegments[s]
      let prev = -1
      let prevTerm = ''
      for (let i = 0; i < folded.length; i++) {
        const f = folded[i]
        if (f.length < 2 || f.length > MAX_WORD_LENGTH || (f.length < 3 && f.charCodeAt(0) <= 57 && /^\d+$/.test(f)) || stop.has(f)) continue
        const ts = termsOf(f, lang)
        for (const t of ts) {
          terms.push(t)
          surfaces.push(words[i])
        }
        // Pairs of nearby content words; one removed function word between them is allowed
        // ("stop at school" → "stop school").
        if (options.bigrams && prev >= 0 && i - prev <= 2 && prevTerm !== ts[0]) {
          pairTerms.push(prevTerm + ' ' + ts[0])
          pairSurfaces.push(words[prev] + ' ' + words[i])
        }
        prev = i
        prevTerm = ts[0]
      }
      if (options.concepts) {
        addConcepts(matchers[lang], folded, words, pairTerms, pairSurfaces, null)
        if (mixed) addConcepts(matchers[other], folded, words, pairTerms, pairSurfaces, stop)
      }
    }
    for (let i = 0; i < pairTerms.length; i++) {
      terms.push(pairTerms[i])
      surfaces.push(pairSurfaces[i])
    }
    return { lang, terms, surfaces }
  }

  return { analyze, options }
}

function addConcepts(matcher: ConceptMatcher, folded: string[], words: string[], terms: string[], surfaces: string[], skip: Set<string> | null) {
  for (let i = 0; i < folded.length; ) {
    const m = folded[i] && !skip?.has(folded[i]) ? matcher.match(folded, i) : null
    if (m) {
      terms.push(CONCEPT_PREFIX + m.id)
      surfaces.push(words.slice(i, i + m.length).join(' '))
      i += m.length
    } else i++
  }
}
