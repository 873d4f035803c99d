/**
 * Redaction at intake: find personal details in testimony (English, Spanish or
 * both mixed) and replace them by typed placeholders. Pure: text in, text and
 * spans out. See docs/decisions/020-redaction.md for what is kept and why.
 */
import { findNames } from './redact/names'
import {
  countDigits,
  findANumbers,
  findAddresses,
  findBirthDates,
  findCards,
  findContacts,
  findIds,
  findIps,
  findPhones,
  findPlates,
  findSsns,
} from './redact/patterns'
import { ENTITY_TYPES, type Candidate, type Entity, type EntityType } from './redact/types'

export { ENTITY_TYPES, type Entity, type EntityType }

export type RedactOptions = {
  /**
   * Language of the text if known. Cues of both English and Spanish are always
   * used, because testimony mixes them; the option is accepted for callers that
   * have it and kept for language-specific rules to come.
   */
  lang?: 'en' | 'es' | (string & {})
}

export type RedactResult = { redacted: string; entities: Entity[] }

export function placeholder(type: EntityType): string {
  return type === 'A_NUMBER' ? '[A-NUMBER]' : `[${type}]`
}

/**
 * Keep the strongest of overlapping proposals: priority first, then the longer
 * span, then the earlier. A weaker proposal is not thrown away whole: the parts
 * of it no stronger span covers are still redacted under its own type, so
 * whatever any detector flagged ends up redacted ("195 Van Ness Pl, Los Angeles,
 * CA 90098" stays an address even if a plate detector claimed "CA 90098").
 */
function resolve(candidates: Candidate[], text: string): Entity[] {
  const ordered = [...candidates]
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const used = new Uint8Array(text.length)
  const chosen: Entity[] = []
  for (const c of ordered) {
    let i = c.start
    while (i < c.end) {
      while (i < c.end && used[i] === 1) i++
      let j = i
      while (j < c.end && used[j] === 0) j++
      const whole = i === c.start && j === c.end
      const piece = whole ? { start: i, end: j } : trimPiece(text, i, j)
      if (piece && (whole || /[\p{L}\p{N}]{2}/u.test(text.slice(piece.start, piece.end)))) {
        used.fill(1, piece.start, piece.end)
        chosen.push({ type: c.type, start: piece.start, end: piece.end })
      }
      i = j
    }
  }
  return chosen.sort((a, b) => a.start - b.start)
}

/** A remainder without the spaces and punctuation at its edges, or null if nothing is left. */
function trimPiece(text: string, start: number, end: number): { start: number; end: number } | null {
  while (start < end && /[\s,.;:()'"-]/.test(text[start])) start++
  while (end > start && /[\s,.;:()'"-]/.test(text[end - 1])) end--
  return end > start ? { start, end } : null
}

export function findEntities(text: string, _opts: RedactOptions = {}): Entity[] {
  const digits = countDigits(text)
  const candidates = [
    ...findContacts(text),
    ...findCards(text, digits),
    ...findSsns(text, digits),
    ...findANumbers(text, digits),
    ...findIds(text, digits),
    ...findIps(text, digits),
    ...findPhones(text, digits),
    ...findPlates(text, digits),
    ...findBirthDates(text, digits),
    ...findAddresses(text, digits),
    ...findNames(text),
  ]
  return resolve(withoutPlatesInAddresses(candidates), text)
}

/**
 * A plate shape at the start of an address is its house number ("1234 W" of "1234 W Olympic Blvd",
 * "POB 267"): the address alone is redacted, not "[PLATE] [ADDRESS]".
 */
function withoutPlatesInAddresses(candidates: Candidate[]): Candidate[] {
  const addresses = candidates.filter((c) => c.type === 'ADDRESS')
  if (addresses.length === 0) return candidates
  return candidates.filter((c) => c.type !== 'PLATE' || !addresses.some((a) => a.start <= c.start && a.end > c.start))
}

export function applyRedaction(text: string, entities: readonly Entity[]): string {
  let out = ''
  let at = 0
  for (const e of entities) {
    out += text.slice(at, e.start) + placeholder(e.type)
    at = e.end
  }
  return out + text.slice(at)
}

export function redact(text: string, opts: RedactOptions = {}): RedactResult {
  const entities = findEntities(text, opts)
  return { redacted: applyRedaction(text, entities), entities }
}
