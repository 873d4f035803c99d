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
import { createConceptMatcher, type ConceptMatcher, type ConceptPattern } from './lexicon'
import { stemmerEs } from './natural-modules'
import { porterStem } from './porter'
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

/** What the analyzer needs to know about one token, looked up once per distinct token. */
type Word = {
  /** The token as tokenised (the cache key: reused, so texts retain no copies of it). */
  token: string
  /** Lower case without accents. */
  folded: string
  /** +1 for an English-only function word, −1 for a Spanish-only one, else 0. */
  evidence: number
  /** Feature stems of a content word; null for function words, one-letter words and short numbers. */
  terms: string[] | null
  /** Concept phrases of the text's language that start with this token. */
  own: readonly ConceptPattern[] | null
  /** The other language's phrases that start with it (mixed-language text), unless it is a function word here. */
  other: readonly ConceptPattern[] | null
}

/**
 * `pairSurfaces: false` leaves the surfaces of word pairs empty: the engine shows a pair
 * through its two words and never reads them (80,000 strings fewer on 20,000 titles).
 */
export function createAnalyzer(options: AnalyzerOptions, output: { pairSurfaces?: boolean } = {}): Analyzer {
  const withPairSurfaces = output.pairSurfaces ?? true
  const matchers = { en: createConceptMatcher('en'), es: createConceptMatcher('es') }
  // Per language, token as tokenised (English folded already, Spanish with its accents) →
  // everything about it: one hash look-up per token instead of one per question.
  const words = { en: new Map<string, Word>(), es: new Map<string, Word>() }
  const dictionary = options.dictionary?.entries

  const stemEn = porterStem

  // Folded content word → feature stems (usually one; a multi-word gloss gives several).
  function termsOf(folded: string, lang: Lang): string[] {
    if (lang === 'en') return [stemEn(folded)]
    if (!options.pivotSpanish) return [stemmerEs.stem(folded)]
    const gloss = dictionary?.[folded] ?? (folded.endsWith('s') ? dictionary?.[folded.slice(0, -1)] : undefined)
    const glossWords = gloss ? gloss.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOPWORDS.en.has(w)) : []
    return glossWords.length > 0 ? glossWords.slice(0, 2).map(stemEn) : [stemEn(spanishCognate(folded))]
  }

  function wordOf(token: string, lang: Lang): Word {
    const cache = words[lang]
    let word = cache.get(token)
    if (word) return word
    const f = lang === 'en' ? token : foldWord(token)
    const inEn = STOPWORDS.en.has(f)
    const inEs = STOPWORDS.es.has(f)
    const stop = lang === 'en' ? inEn : inEs
    const skip = f.length < 2 || f.length > MAX_WORD_LENGTH || (f.length < 3 && f.charCodeAt(0) <= 57 && /^\d+$/.test(f)) || stop
    word = {
      token,
      folded: f,
      evidence: inEn && !inEs ? 1 : inEs && !inEn ? -1 : 0,
      terms: skip ? null : termsOf(f, lang),
      own: f && options.concepts ? matchers[lang].candidates(f) : null,
      other: f && options.concepts && !stop ? matchers[lang === 'en' ? 'es' : 'en'].candidates(f) : null,
    }
    cache.set(token, word)
    return word
  }

  /** tokenizeSegments(), straight to the cached records (no array of strings per segment). */
  function wordsOf(text: string, lang: Lang): Word[][] {
    const out: Word[][] = []
    for (const segment of text.normalize('NFC').toLowerCase().split(PLACEHOLDER_OR_BREAK)) {
      const words: Word[] = []
      if (lang === 'es') for (const token of tokenizeSegment(segment, 'es')) words.push(wordOf(token, 'es'))
      else for (const part of foldWord(segment).split(NOT_ASCII_WORD)) if (part && part !== 's' && part !== 't') words.push(wordOf(part, 'en'))
      if (words.length > 0) out.push(words)
    }
    return out
  }

  /** '~' + concept id, made once per concept. */
  const conceptTerms = new Map<string, string>()
  const conceptTerm = (id: string) => {
    let term = conceptTerms.get(id)
    if (term === undefined) conceptTerms.set(id, (term = CONCEPT_PREFIX + id))
    return term
  }

  function analyze(text: string, langHint?: Lang): AnalyzedText {
    const lang = langHint ?? guessLanguage(text)
    const other: Lang = lang === 'en' ? 'es' : 'en'
    const info = wordsOf(text, lang)
    // Text that mixes languages (two or more function words of each) gets the other
    // language's concepts too.
    let en = 0
    let es = 0
    for (const segment of info) {
      for (const w of segment) {
        if (w.evidence > 0) en++
        else if (w.evidence < 0) es++
      }
    }
    const mixed = Math.min(en, es) >= 2
    const terms: string[] = []
    const surfaces: string[] = []
    const pairTerms: string[] = []
    const pairSurfaces: string[] = []
    for (let s = 0; s < info.length; s++) {
      const segment = info[s]
      let prev = -1
      let prevTerm = ''
      for (let i = 0; i < segment.length; i++) {
        const ts = segment[i].terms
        if (ts === null) continue
        for (const t of ts) {
          terms.push(t)
          surfaces.push(segment[i].token)
        }
        // Pairs of nearby content words; one removed function word between them is allowed
        // ("stop at school" → "stop school").
        if (options.bigrams && prev >= 0 && i - prev <= 2 && prevTerm !== ts[0]) {
          pairTerms.push(prevTerm + ' ' + ts[0])
          pairSurfaces.push(withPairSurfaces ? segment[prev].token + ' ' + segment[i].token : '')
        }
        prev = i
        prevTerm = ts[0]
      }
      if (options.concepts) {
        addConcepts(matchers[lang], segment, 'own', pairTerms, pairSurfaces, conceptTerm)
        if (mixed) addConcepts(matchers[other], segment, 'other', pairTerms, pairSurfaces, conceptTerm)
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

function addConcepts(matcher: ConceptMatcher, segment: readonly Word[], which: 'own' | 'other', terms: string[], surfaces: string[], conceptTerm: (id: string) => string) {
  let folded: string[] | null = null
  for (let i = 0; i < segment.length; ) {
    const candidates = segment[i][which]
    const m = candidates ? matcher.matchWith(candidates, (folded ??= segment.map((w) => w.folded)), i) : null
    if (m) {
      terms.push(conceptTerm(m.id))
      let surface = segment[i].token
      for (let j = 1; j < m.length; j++) surface += ' ' + segment[i + j].token
      surfaces.push(surface)
      i += m.length
    } else i++
  }
}
