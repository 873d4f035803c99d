/**
 * What a cluster is about, for a facilitator: key terms by class-based TF-IDF in readable
 * words of each language, the most representative members (central, but not near-copies of
 * one another), and up to three central sentences as a draft summary.
 */
import type { Lang } from './tokenize'
import { CONCEPT_PREFIX } from './tokenize'

/** How often each original word stood behind a feature, per language. */
export class SurfaceForms {
  private readonly forms = new Map<string, { en: Map<string, number>; es: Map<string, number> }>()

  add(term: string, surface: string, lang: Lang): void {
    let entry = this.forms.get(term)
    if (!entry) this.forms.set(term, (entry = { en: new Map(), es: new Map() }))
    entry[lang].set(surface, (entry[lang].get(surface) ?? 0) + 1)
  }

  /**
   * The most frequent original word for a feature in a language (ties: alphabetical);
   * for a word pair, the best forms of its two words.
   */
  best(term: string, lang: Lang): string | null {
    const space = term.indexOf(' ')
    if (space > 0 && !term.startsWith(CONCEPT_PREFIX)) {
      const first = this.best(term.slice(0, space), lang)
      const second = this.best(term.slice(space + 1), lang)
      return first && second ? `${first} ${second}` : null
    }
    const forms = this.forms.get(term)?.[lang]
    if (!forms || forms.size === 0) return null
    let best: string | null = null
    let bestCount = 0
    for (const [surface, count] of forms) {
      if (count > bestCount || (count === bestCount && best !== null && surface < best)) {
        best = surface
        bestCount = count
      }
    }
    return best
  }
}

/**
 * Class-based TF-IDF (Grootendorst 2022, BERTopic): a feature's share of a cluster's words
 * times log(1 + average words per cluster / the feature's count over all clusters).
 * Returns, per cluster, feature ids ranked by weight.
 */
export function classTfIdf(
  docTerms: readonly (readonly number[])[],
  labels: ArrayLike<number>,
  k: number,
  vocabularySize: number,
  top: number,
): number[][] {
  const counts = Array.from({ length: k }, () => new Map<number, number>())
  const totals = new Float64Array(k)
  const overall = new Float64Array(vocabularySize)
  for (let d = 0; d < docTerms.length; d++) {
    const c = labels[d]
    if (c < 0) continue
    for (const t of docTerms[d]) {
      counts[c].set(t, (counts[c].get(t) ?? 0) + 1)
      totals[c]++
      overall[t]++
    }
  }
  const average = totals.reduce((s, x) => s + x, 0) / Math.max(1, k)
  return counts.map((map, c) => {
    const scored: [number, number][] = []
    for (const [t, n] of map) {
      if (n < 2 && totals[c] > 50) continue
      scored.push([t, (n / totals[c]) * Math.log(1 + average / overall[t])])
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0])
    return scored.slice(0, top).map(([t]) => t)
  })
}

/** Readable key terms per language; a word pair is dropped when its words are already listed. */
export function keyTermsFor(rankedTerms: readonly string[], surfaces: SurfaceForms, count: number): { en: string[]; es: string[] } {
  const result = { en: [] as string[], es: [] as string[] }
  for (const lang of ['en', 'es'] as const) {
    const seen = new Set<string>()
    for (const term of rankedTerms) {
      if (result[lang].length >= count) break
      const surface = surfaces.best(term, lang)
      if (!surface) continue
      const words = surface.split(' ')
      if (seen.has(surface) || (!term.startsWith(CONCEPT_PREFIX) && words.length > 1 && words.every((w) => seen.has(w)))) continue
      seen.add(surface)
      for (const w of words) seen.add(w)
      result[lang].push(surface)
    }
  }
  return result
}

/**
 * Greedy maximal marginal relevance: picks up to `count` of the candidates, each time the
 * one with the best relevance minus its highest similarity to those already picked.
 */
export function diversePick(
  candidates: readonly number[],
  relevance: (i: number) => number,
  similarity: (a: number, b: number) => number,
  count: number,
  lambda = 0.7,
): number[] {
  const picked: number[] = []
  const remaining = [...candidates]
  while (picked.length < count && remaining.length > 0) {
    let bestAt = 0
    let bestScore = -Infinity
    for (let i = 0; i < remaining.length; i++) {
      const c = remaining[i]
      let redundancy = 0
      for (const p of picked) redundancy = Math.max(redundancy, similarity(c, p))
      const score = lambda * relevance(c) - (1 - lambda) * redundancy
      if (score > bestScore) {
        bestScore = score
        bestAt = i
      }
    }
    picked.push(remaining[bestAt])
    remaining.splice(bestAt, 1)
  }
  return picked
}

/** Sentences of a testimony: split after . ! ? … and at line breaks; placeholders kept as written. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}
