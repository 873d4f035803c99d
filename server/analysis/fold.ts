/** Lower case without diacritics ("Policía" → "policia", "niño" → "nino"): the matching form. */
export function foldWord(word: string): string {
  // Fast path: plain ASCII needs no Unicode decomposition.
  if (!NON_ASCII.test(word)) return word.toLowerCase()
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

const NON_ASCII = /[^\x00-\x7f]/
