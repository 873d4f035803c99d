/**
 * Language of a testimony: English, Spanish, or "other". Two kinds of
 * evidence: the script (Hangul, Han, Armenian, Cyrillic, Arabic … are never
 * English or Spanish) and, for Latin script, function words and letters
 * typical of each language. Portuguese, Tagalog, Vietnamese, French, Italian
 * and German are scored too, so that text clearly in one of them comes out
 * "other" instead of the nearer of English and Spanish.
 */

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
  return word.toLowerCase().replace(/[’‘]/g, "'")
}

/** word -> the languages whose function words include it. */
const WORD_LANGUAGES = new Map<string, Scored[]>()
for (const [lang, list] of Object.entries(FUNCTION_WORDS) as [Scored, string][]) {
  for (const w of list.split(/\s+/).filter(Boolean).map(fold)) {
    const langs = WORD_LANGUAGES.get(w) ?? []
    if (!langs.includes(lang)) langs.push(lang)
    WORD_LANGUAGES.set(w, langs)
  }
}

/** Letters that point at one language, with the weight of one function word each. */
const LETTER_HINTS: [RegExp, Scored, number][] = [
  [/[ñ¿¡]/g, 'es', 1.5],
  [/[ãõ]/g, 'pt', 1.5],
  [/ç/g, 'pt', 0.5],
  [/[ơưđăạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/g, 'vi', 2],
  [/[ßäöü]/g, 'de', 1],
  [/[èêëœàâîôû]/g, 'fr', 0.5],
]

const NON_LATIN =
  /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Armenian}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Greek}\p{Script=Georgian}\p{Script=Ethiopic}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Bengali}\p{Script=Gujarati}\p{Script=Gurmukhi}\p{Script=Tamil}]/u
const LATIN = /\p{Script=Latin}/u
const NOISE = /\[[A-Z-]+\]|https?:\/\/\S+|www\.\S+|\S+@\S+|@\w+/g

/** Code points of Latin script and of the other scripts, as matching them globally would count them, without building the arrays. */
function countScripts(text: string): { latin: number; other: number } {
  let latin = 0
  let other = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) latin++
      continue
    }
    const point = text.codePointAt(i)!
    const char = String.fromCodePoint(point)
    if (point > 0xffff) i++
    if (LATIN.test(char)) latin++
    else if (NON_LATIN.test(char)) other++
  }
  return { latin, other }
}

/** Below this many units of evidence, confidence is scaled down: "ok", "gracias" say little. */
const FULL_EVIDENCE = 8

function round(x: number): number {
  return Math.round(x * 100) / 100
}

export function detectLanguage(text: string): LanguageGuess {
  const clean = text.replace(NOISE, ' ')
  const { latin, other } = countScripts(clean)
  if (latin + other === 0) return { lang: DEFAULT_LANGUAGE, confidence: 0 }
  if (other >= latin) return { lang: 'other', confidence: round(other / (latin + other)) }

  const scores: Record<Scored, number> = { en: 0, es: 0, pt: 0, tl: 0, vi: 0, fr: 0, it: 0, de: 0 }
  const lower = clean.toLowerCase()
  for (const word of lower.match(/[\p{L}']+/gu) ?? []) {
    const langs = WORD_LANGUAGES.get(fold(word))
    if (!langs) continue
    for (const lang of langs) scores[lang] += 1 / langs.length
  }
  for (const [re, lang, weight] of LETTER_HINTS) scores[lang] += (lower.match(re)?.length ?? 0) * weight

  const ranked = (Object.entries(scores) as [Scored, number][]).sort((a, b) => b[1] - a[1])
  const [best, bestScore] = ranked[0]
  const total = ranked.reduce((sum, [, s]) => sum + s, 0)
  if (bestScore === 0) return { lang: DEFAULT_LANGUAGE, confidence: 0.1 }

  const share = bestScore / total
  const evidence = Math.min(1, total / FULL_EVIDENCE)
  // Some non-Latin letters in a mostly Latin text lower the confidence too.
  const scriptShare = latin / (latin + other)
  const confidence = round(share * evidence * scriptShare)
  const lang: DetectedLanguage = best === 'en' || best === 'es' ? best : 'other'
  return { lang, confidence }
}
