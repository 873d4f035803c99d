/**
 * Redaction at intake: find personal details in testimony (English, Spanish or
 * both mixed) and replace them by typed placeholders. Pure: text in, text and
 * spans out. See docs/decisions/020-redaction.md for what is kept and why.
 */
import { findNames } from './redact/names'
import {
  findANumbers,
  findAddresses,
  findBirthDates,
  findCards,
  findContacts,
  findIds,
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

/** Keep the strongest of overlapping proposals: priority first, then the longer span, then the earlier. */
function resolve(candidates: Candidate[], length: number): Entity[] {
  const ordered = [...candidates]
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start)
  const used = new Uint8Array(length)
  const chosen: Entity[] = []
  for (const c of ordered) {
    let free = true
    for (let i = c.start; i < c.end && free; i++) free = used[i] === 0
    if (!free) continue
    used.fill(1, c.start, c.end)
    chosen.push({ type: c.type, start: c.start, end: c.end })
  }
  return chosen.sort((a, b) => a.start - b.start)
}

export function findEntities(text: string, _opts: RedactOptions = {}): Entity[] {
  const candidates = [
    ...findContacts(text),
    ...findCards(text),
    ...findSsns(text),
    ...findANumbers(text),
    ...findIds(text),
    ...findPhones(text),
    ...findPlates(text),
    ...findBirthDates(text),
    ...findAddresses(text),
    ...findNames(text),
  ]
  return resolve(candidates, text.length)
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
