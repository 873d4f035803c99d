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

/** The best (lowest) rank of each folded word over the given frequency-ranked lists. */
function ranks(lists: string[][]): Map<string, number> {
  const out = new Map<string, number>()
  for (const words of lists) {
    words.forEach((word, rank) => {
      const f = fold(word)
      const known = out.get(f)
      if (known === undefined || rank < known) out.set(f, rank)
    })
  }
  return out
}

/** How many of the most frequent words of each list count as common. */
const COMMON_LIMIT = 20_000
const COMMON_RANK = ranks([
  list(en, 'commonWords-en', COMMON_LIMIT),
  list(en, 'wikipedia-en', COMMON_LIMIT),
  list(es, 'commonWords-es-es', COMMON_LIMIT),
  list(es, 'wikipedia-es-es', COMMON_LIMIT),
])
/** Census surnames, most frequent first (the English list runs to 88,000 and ends in ordinary words). */
const SURNAME_RANK = ranks([list(en, 'lastnames-en', 30_000), list(es, 'lastnames-es-es')])
const FIRST_NAME_SET = new Set([...list(en, 'firstnames-en'), ...list(es, 'firstnames-es-es')].map(fold))

/** Rank among common words ("the" is 0), or Infinity for a word beyond the first COMMON_LIMIT of every list. */
export function commonRank(folded: string): number {
  return COMMON_RANK.get(folded) ?? Infinity
}

export function isListedFirstName(folded: string): boolean {
  return FIRST_NAME_SET.has(folded)
}

export function surnameRank(folded: string): number {
  return SURNAME_RANK.get(folded) ?? Infinity
}

/**
 * An ordinary word: among the 20,000 most frequent words of either language, not a listed first
 * name, and not more frequent as a surname than as a word ("Castillo", "Prescott" are names;
 * "Score", "Sin", "Mesa" are words).
 */
export function isOrdinaryWord(folded: string): boolean {
  const rank = commonRank(folded)
  if (rank === Infinity || FIRST_NAME_SET.has(folded)) return false
  return !(surnameRank(folded) < rank)
}
