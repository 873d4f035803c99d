/**
 * Language of a testimony: English, Spanish, or "other". Two kinds of
 * evidence: the script (Hangul, Han, Armenian, Cyrillic, Arabic … are never
 * English or Spanish) and, for Latin script, function words and letters
 * typical of each language. Portuguese, Tagalog, Vietnamese, French, Italian
 * and German are scored too, so that text clearly in one of them comes out
 * "other" instead of the nearer of English and Spanish.
 */

import { charClass, codePointWidth } from './char-class'

export type DetectedLanguage = 'en' | 'es' | 'other'
export type LanguageGuess = { lang: DetectedLanguage; confidence: number }

/** With no evidence at all (empty, digits only) we say English with zero confidence; callers ask the submitter. */
export const DEFAULT_LANGUAGE: DetectedLanguage = 'en'

type Scored = 'en' | 'es' | 'pt' | 'tl' | 'vi' | 'fr' | 'it' | 'de'

const FUNCTION_WORDS: Record<Scored, string> = {
  en: `the and of to in is it that was for on are with as his they be at have this from or had by not but what all
    were we when your can said there an which she do how their if will up about out them so her would him into has
    more no could my than been who its did get may our just me us i you he a came took were after because them
    there these those didn't don't i'm it's they're we're told asked where why our people police house work help
    nobody afraid kids family agents took went saw said hello thanks please yes`,
  es: `de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o este sí
    porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les
    ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos
    mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te tu tus ellas fue era
    estaba están está son llegaron tenemos tengo hijos hijo esposo pero después aquí allí miedo gente dijo dijeron
    llevaron nadie ayudó ayuda vinieron policía casa trabajo niños familia agentes hola gracias buenos buenas días
    sí señor señora ayer`,
  pt: `não você nós eles elas também muito isso uma um ao à pelo pela pelos pelas foi são está estão tinha têm
    tem seu sua meu minha nossa nosso dele dela então onde porque mas até depois ainda quando o os do da dos das
    em no na nos nas que e de se com para por como mais eu ele ela já só há vocês fomos estava eram aqui`,
  tl: `ang ng mga sa na at ay ako ko siya niya kami namin kayo ninyo sila nila tayo natin ito iyan iyon dito doon
    hindi po opo may mayroon wala para kung pero dahil lang din rin pa nang ba naman kasi talaga yung iyong aming
    kanilang amin nasa noong ni kay kina nga daw raw`,
  vi: `và của là có không được cho những một các người trong đã với này khi để thì đến cũng như từ ra nhưng vì đi
    làm về sẽ tôi chúng họ anh chị em ông bà con bị nhà đó rất lại nói`,
  fr: `le la les de des du et est un une que qui dans pour pas sur au aux avec ce cette il elle ils nous vous je ne
    se sont été mais ou où plus par mon ma mes son sa ses leur`,
  it: `il lo la gli le di del della che e è un una per non con sono ho ha anche come ma nel alla questo questa
    mio mia sono siamo erano stato`,
  de: `der die das und ist nicht ein eine ich du er sie wir ihr mit auf für von zu den dem des im war sind aber
    auch mein meine`,
}

function fold(word: string): string {
  const lower = word.toLowerCase()
  return lower.includes('’') || lower.includes('‘') ? lower.replace(/[’‘]/g, "'") : lower
}

/** The scored languages in FUNCTION_WORDS order; scores are kept in a Float64Array in this order, ties ranked by it. */
const SCORED = Object.keys(FUNCTION_WORDS) as Scored[]
const SCORED_INDEX = new Map(SCORED.map((lang, k) => [lang, k]))

/** word -> the languages (indices in SCORED) whose function words include it. */
const WORD_LANGUAGES = new Map<string, number[]>()
for (const [lang, list] of Object.entries(FUNCTION_WORDS) as [Scored, string][]) {
  for (const w of list.split(/\s+/).filter(Boolean).map(fold)) {
    const langs = WORD_LANGUAGES.get(w) ?? []
    if (!langs.includes(SCORED_INDEX.get(lang)!)) langs.push(SCORED_INDEX.get(lang)!)
    WORD_LANGUAGES.set(w, langs)
  }
}

/** Letters that point at one language, with the weight of one function word each (each letter counted once per occurrence). */
const LETTER_HINTS: [string, Scored, number][] = [
  ['ñ¿¡', 'es', 1.5],
  ['ãõ', 'pt', 1.5],
  ['ç', 'pt', 0.5],
  ['ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ', 'vi', 2],
  ['ßäöü', 'de', 1],
  ['èêëœàâîôû', 'fr', 0.5],
]
/** Code unit of a hint letter -> its index in LETTER_HINTS. */
const HINT_OF = new Map<number, number>()
LETTER_HINTS.forEach(([letters], k) => {
  for (const letter of letters) {
    if (letter.length !== 1 || HINT_OF.has(letter.charCodeAt(0))) throw new Error(`letter hint "${letter}" must be one code unit, in one hint`)
    HINT_OF.set(letter.charCodeAt(0), k)
  }
})

const NON_LATIN =
  /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Armenian}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Greek}\p{Script=Georgian}\p{Script=Ethiopic}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Bengali}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Tamil}]/u
const NOISE = /\[[A-Z-]+\]|https?:\/\/\S+|www\.\S+|\S+@\S+|@\w+/g
const latinChar = charClass(/\p{Script=Latin}/u)
const nonLatinChar = charClass(NON_LATIN)

/** The text without placeholders, links, e-mail addresses and handles. */
function withoutNoise(text: string): string {
  // Every kind of noise needs "[", "@", "http" or "www.": most texts have none, and then there is nothing to scan for.
  if (!text.includes('[') && !text.includes('@') && !text.includes('http') && !text.includes('www.')) return text
  return text.replace(NOISE, ' ')
}

/** Code points of Latin script and of the other scripts, as matching them globally would count them, without building the arrays. */
function countScripts(text: string): { latin: number; other: number } {
  let latin = 0
  let other = 0
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latin++
      i++
      continue
    }
    if (latinChar(text, i) > 0) latin++
    else if (nonLatinChar(text, i) > 0) other++
    i += codePointWidth(text, i)
  }
  return { latin, other }
}

/** The width of a word character of detectLanguage (a letter or an apostrophe, as [\p{L}']) at i, or 0. */
const wordCharWidth = charClass(/[\p{L}']/u)

/** Below this many units of evidence, confidence is scaled down: "ok", "gracias" say little. */
const FULL_EVIDENCE = 8

function round(x: number): number {
  return Math.round(x * 100) / 100
}

export function detectLanguage(text: string): LanguageGuess {
  const clean = withoutNoise(text)
  const { latin, other } = countScripts(clean)
  if (latin + other === 0) return { lang: DEFAULT_LANGUAGE, confidence: 0 }
  if (other >= latin) return { lang: 'other', confidence: round(other / (latin + other)) }

  const scores = new Float64Array(SCORED.length)
  const lower = clean.toLowerCase()
  // One pass over the text: its words (as lower.match(/[\p{L}']+/gu) would give them) and its hint letters.
  const hintCounts = LETTER_HINTS.map(() => 0)
  let wordStart = -1
  for (let i = 0; i <= lower.length; ) {
    const width = i < lower.length ? wordCharWidth(lower, i) : 0
    if (width > 0) {
      if (wordStart < 0) wordStart = i
    } else if (wordStart >= 0) {
      const langs = WORD_LANGUAGES.get(fold(lower.slice(wordStart, i)))
      if (langs) for (const lang of langs) scores[lang] += 1 / langs.length
      wordStart = -1
    }
    if (i === lower.length) break
    const c = lower.charCodeAt(i)
    if (c >= 0x80) {
      const hint = HINT_OF.get(c)
      if (hint !== undefined) hintCounts[hint]++
    }
    i += width || codePointWidth(lower, i)
  }
  LETTER_HINTS.forEach(([, lang, weight], k) => (scores[SCORED_INDEX.get(lang)!] += hintCounts[k] * weight))

  // Highest score first, ties in SCORED order (the sort is stable); the total is summed in that order too.
  const ranked = SCORED.map((_, k) => k).sort((a, b) => scores[b] - scores[a])
  const best = SCORED[ranked[0]]
  const bestScore = scores[ranked[0]]
  const total = ranked.reduce((sum, k) => sum + scores[k], 0)
  if (bestScore === 0) return { lang: DEFAULT_LANGUAGE, confidence: 0.1 }

  const share = bestScore / total
  const evidence = Math.min(1, total / FULL_EVIDENCE)
  // Some non-Latin letters in a mostly Latin text lower the confidence too.
  const scriptShare = latin / (latin + other)
  const confidence = round(share * evidence * scriptShare)
  const lang: DetectedLanguage = best === 'en' || best === 'es' ? best : 'other'
  return { lang, confidence }
}
