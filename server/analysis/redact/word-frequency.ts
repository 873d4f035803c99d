/**
 * How common a word is, and whether it is a known first name or surname, in
 * English and Spanish, from the frequency-ranked word lists of zxcvbn-ts
 * (@zxcvbn-ts/language-en and language-es-es, MIT: film and TV subtitles,
 * Wikipedia, census first names and surnames). The redactor uses them for two
 * opposite mistakes:
 * - an ordinary capitalised word ("Score", "Unity", "Sin JavaScript:",
 *   "WATCHES") is not a name on weak evidence alone;
 * - a lower-case run typed on a phone ("follow up with benjamin a seiler") is a
 *   name when its words are names and none is an ordinary word.
 * Everything is folded as the redactor folds tokens (lower case, no accents).
 */
import { dictionary as en } from '@zxcvbn-ts/language-en'
import { dictionary as es } from '@zxcvbn-ts/language-es-es'
import { fold } from './lexicon'

type Lists = Record<string, unknown>
function list(dictionary: Lists, key: string, limit = Infinity): string[] {
  const words = dictionary[key]
  if (!Array.isArray(words)) throw new Error(`word-frequency: the list ${key} is missing from zxcvbn-ts`)
  return (words as string[]).slice(0, limit)
}

/** How many of the most frequent words of each list count as common. */
const COMMON_LIMIT = 20_000
/** Census surnames taken from the English list (it runs to 88,000 and ends in ordinary words). */
const SURNAME_LIMIT = 30_000

/** What the lists say of one folded word: its best rank as a common word and as a surname, and whether it is a first name. */
type WordInfo = { common: number; surname: number; firstName: boolean }
const INFO = new Map<string, WordInfo>()
function info(folded: string): WordInfo {
  let known = INFO.get(folded)
  if (!known) {
    known = { common: Infinity, surname: Infinity, firstName: false }
    INFO.set(folded, known)
  }
  return known
}
for (const words of [list(en, 'commonWords-en', COMMON_LIMIT), list(en, 'wikipedia-en', COMMON_LIMIT), list(es, 'commonWords-es-es', COMMON_LIMIT), list(es, 'wikipedia-es-es', COMMON_LIMIT)]) {
  words.forEach((word, rank) => {
    const i = info(fold(word))
    if (rank < i.common) i.common = rank
  })
}
for (const words of [list(en, 'lastnames-en', SURNAME_LIMIT), list(es, 'lastnames-es-es')]) {
  words.forEach((word, rank) => {
    const i = info(fold(word))
    if (rank < i.surname) i.surname = rank
  })
}
for (const word of [...list(en, 'firstnames-en'), ...list(es, 'firstnames-es-es')]) info(fold(word)).firstName = true

const UNKNOWN: WordInfo = { common: Infinity, surname: Infinity, firstName: false }

/** One lookup for everything the lists say of a folded word. */
export function wordInfo(folded: string): Readonly<WordInfo> {
  return INFO.get(folded) ?? UNKNOWN
}

/** Rank among common words ("the" is 0), or Infinity for a word beyond the first COMMON_LIMIT of every list. */
export function commonRank(folded: string): number {
  return wordInfo(folded).common
}

export function isListedFirstName(folded: string): boolean {
  return wordInfo(folded).firstName
}

/** Rank among census surnames, or Infinity. */
export function surnameRank(folded: string): number {
  return wordInfo(folded).surname
}

/**
 * An ordinary word: among the 20,000 most frequent words of either language, not a listed first
 * name, and not more frequent as a surname than as a word ("Castillo", "Prescott" are names;
 * "Score", "Sin", "Mesa" are words).
 */
export function isOrdinaryWord(folded: string): boolean {
  const i = wordInfo(folded)
  return i.common !== Infinity && !i.firstName && !(i.surname < i.common)
}
