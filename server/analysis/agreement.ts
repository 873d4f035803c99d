/**
 * Inter-coder agreement for double-coded samples: two coders each give every item a set of
 * tags; per tag, presence is a yes/no judgement and Cohen's kappa measures agreement beyond
 * chance. Pure. See docs/decisions/061-tagging-suggestions-agreement.md.
 *
 *   kappa = (pₒ − pₑ) / (1 − pₑ)
 *   pₒ = share of items where both said yes or both said no
 *   pₑ = pA(yes)·pB(yes) + pA(no)·pB(no)   (each coder's own rate of yes)
 *
 * Overall: **pooled kappa** (De Vries et al., 2008): pₒ and pₑ averaged over the tags first,
 * then one kappa, i.e. Σ(pₒ − pₑ) / Σ(1 − pₑ). Unlike the mean of per-tag kappas it is defined
 * when some tag's kappa is not (both coders always or never used it), and rare tags weigh by
 * how much chance disagreement they allow rather than equally.
 */
import { createRandom, deriveSeed, sampleIndices } from './random'

/**
 * A double-coding sample: `size` distinct ids drawn from `ids` with the seed, in a seeded
 * random order (the order both coders see). Same ids and seed, same sample.
 */
export function drawSample(ids: readonly string[], size: number, seed: number): string[] {
  const picked = sampleIndices(ids.length, Math.min(size, ids.length), createRandom(seed)).map((i) => ids[i]!)
  const random = createRandom(deriveSeed(seed, 1))
  for (let i = picked.length - 1; i > 0; i--) {
    const j = random.int(i + 1)
    ;[picked[i], picked[j]] = [picked[j]!, picked[i]!]
  }
  return picked
}

/** A 2×2 table of one tag's yes/no judgements over the items both coders coded. */
export type PresenceTable = { both: number; onlyA: number; onlyB: number; neither: number }

export type TagAgreement = PresenceTable & {
  tagId: string
  items: number
  /** Observed agreement pₒ. */
  observed: number
  /** Agreement expected by chance pₑ. */
  expected: number
  /** null when pₑ = 1: both coders gave every item the same answer, so chance explains it all. */
  kappa: number | null
}

export type CodedItem = { itemId: string; a: readonly string[]; b: readonly string[] }

export type Disagreement = { itemId: string; onlyA: string[]; onlyB: string[]; both: string[] }

export type AgreementResult = {
  items: number
  perTag: TagAgreement[]
  overall: { observed: number; expected: number; kappa: number | null }
  disagreements: Disagreement[]
}

/** Cohen's kappa of one 2×2 table; null when chance agreement is 1 (or there are no items). */
export function cohensKappa(table: PresenceTable): { observed: number; expected: number; kappa: number | null } {
  const n = table.both + table.onlyA + table.onlyB + table.neither
  if (n === 0) return { observed: 1, expected: 1, kappa: null }
  const observed = (table.both + table.neither) / n
  const aYes = (table.both + table.onlyA) / n
  const bYes = (table.both + table.onlyB) / n
  const expected = aYes * bYes + (1 - aYes) * (1 - bYes)
  return { observed, expected, kappa: expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected) }
}

/** Pooled kappa over several tags' tables: Σ(pₒ − pₑ) / Σ(1 − pₑ). */
export function pooledKappa(tables: readonly { observed: number; expected: number }[]): { observed: number; expected: number; kappa: number | null } {
  if (tables.length === 0) return { observed: 1, expected: 1, kappa: null }
  const observed = tables.reduce((s, t) => s + t.observed, 0) / tables.length
  const expected = tables.reduce((s, t) => s + t.expected, 0) / tables.length
  return { observed, expected, kappa: expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected) }
}

/**
 * Agreement over the items both coders coded. `tagIds` are the tags to report (e.g. the
 * codebook's active tags); tags either coder used are always included. A tag neither coder
 * used has pₒ = pₑ = 1 and leaves the pooled kappa unchanged, so it is reported but
 * makes no difference.
 */
export function agreementOf(items: readonly CodedItem[], tagIds: readonly string[] = []): AgreementResult {
  const all = new Set(tagIds)
  for (const item of items) for (const tag of [...item.a, ...item.b]) all.add(tag)
  const tables = new Map<string, PresenceTable>([...all].sort().map((t) => [t, { both: 0, onlyA: 0, onlyB: 0, neither: 0 }]))
  const disagreements: Disagreement[] = []
  for (const item of items) {
    const a = new Set(item.a)
    const b = new Set(item.b)
    for (const [tag, table] of tables) {
      const inA = a.has(tag)
      const inB = b.has(tag)
      if (inA && inB) table.both++
      else if (inA) table.onlyA++
      else if (inB) table.onlyB++
      else table.neither++
    }
    const onlyA = [...a].filter((t) => !b.has(t)).sort()
    const onlyB = [...b].filter((t) => !a.has(t)).sort()
    if (onlyA.length || onlyB.length) disagreements.push({ itemId: item.itemId, onlyA, onlyB, both: [...a].filter((t) => b.has(t)).sort() })
  }
  const perTag: TagAgreement[] = [...tables].map(([tagId, table]) => ({ tagId, items: items.length, ...table, ...cohensKappa(table) }))
  return { items: items.length, perTag, overall: pooledKappa(items.length ? perTag : []), disagreements }
}
