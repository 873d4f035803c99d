/** Lower case without diacritics ("Policía" → "policia", "niño" → "nino"): the matching form. */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}
