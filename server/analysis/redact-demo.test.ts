/**
 * The redactor on the seeded demo corpus (server/demo), written to read like real
 * Los Angeles testimony: places, agencies and languages stay, and the fake personal
 * details planted in about one text in twenty (a relative's first name after a
 * kinship word, a 555-01xx phone number, an A000 A-number) are all caught.
 */
import { describe, expect, it } from 'vitest'
import { generateDemoTestimonies } from '../demo/testimonies'
import { LANDMARKS, NEIGHBORHOODS, SETTING_PLACES } from '../demo/places'
import { redact, type EntityType } from './redact'

type Span = { type: EntityType; start: number; end: number }

/** The personal details server/demo/testimonies.ts plants, found by their shapes. */
function planted(text: string): Span[] {
  const out: Span[] = []
  for (const m of text.matchAll(/(?:\(\d{3}\) |\d{3}[- ])555[- ]01\d\d/g)) out.push({ type: 'PHONE', start: m.index, end: m.index + m[0].length })
  for (const m of text.matchAll(/A000-?\d{3}-?\d{3}/g)) out.push({ type: 'A_NUMBER', start: m.index, end: m.index + m[0].length })
  for (const m of text.matchAll(/\b(?:[Bb]rother|[Hh]usband|[Cc]ousin|[Uu]ncle|[Dd]aughter|hermano|esposo|prima|tío|hija) (\p{Lu}\p{L}+)/gu)) {
    const start = m.index + m[0].length - m[1].length
    out.push({ type: 'NAME', start, end: start + m[1].length })
  }
  return out
}

function check(seed: number) {
  const texts = generateDemoTestimonies({ count: 360, seed }).map((t) => t.text)
  const unexpected: string[] = []
  const missed: string[] = []
  const counts: Record<string, number> = {}
  let withDetail = 0
  for (const text of texts) {
    const gold = planted(text)
    if (gold.length > 0) withDetail++
    const { entities } = redact(text)
    for (const e of entities) {
      const ok = gold.some((g) => g.type === e.type && g.start === e.start && g.end === e.end)
      if (!ok) unexpected.push(`${e.type} «${text.slice(e.start, e.end)}» in: ${text}`)
      else counts[e.type] = (counts[e.type] ?? 0) + 1
    }
    for (const g of gold) {
      if (!entities.some((e) => e.type === g.type && e.start === g.start && e.end === g.end)) missed.push(`${g.type} «${text.slice(g.start, g.end)}» in: ${text}`)
    }
  }
  return { unexpected, missed, counts, withDetail }
}

describe('redact: the demo corpus', () => {
  it('seed 2025: redacts exactly the planted details, and no place, agency or language', () => {
    const { unexpected, missed, counts, withDetail } = check(2025)
    expect(unexpected).toEqual([])
    expect(missed).toEqual([])
    expect(withDetail).toBe(18) // 5 % of 360
    expect(counts).toEqual({ NAME: 13, PHONE: 10, A_NUMBER: 3 })
  })

  it('holds for other seeds too', () => {
    for (const seed of [1, 7, 42, 99, 2024]) {
      const { unexpected, missed, withDetail } = check(seed)
      expect(unexpected, `seed ${seed}`).toEqual([])
      expect(missed, `seed ${seed}`).toEqual([])
      expect(withDetail, `seed ${seed}`).toBeGreaterThan(10)
    }
  })

  it('keeps every neighbourhood and landmark the demo uses, in English and Spanish frames', () => {
    const hoods = Object.values(NEIGHBORHOODS).flat()
    const phrases = [
      ...Object.values(LANDMARKS).flatMap((bySetting) => Object.values(bySetting ?? {}).flat()),
      ...hoods.flatMap(([en, es]) => Object.values(SETTING_PLACES).flat().map(([pen, pes]) => [pen.replaceAll('{hood}', en), pes.replaceAll('{hood}', es)] as const)),
    ]
    const frames: [(s: string) => string, (s: string) => string][] = [
      [(s) => `I have lived in ${s} for twenty years and my kids grew up there.`, (s) => `Vivo en ${s} desde hace veinte años y mis hijos crecieron ahí.`],
      [(s) => `Early in June, agents came to a car wash near ${s} and took three men.`, (s) => `A principios de junio, cerca de ${s} se llevaron a tres señores.`],
      [(s) => `People from ${s}, Watts and Pacoima came to the meeting.`, (s) => `Vino gente de ${s}, Watts y Pacoima a la junta.`],
    ]
    const leaks: string[] = []
    for (const [en, es] of hoods) {
      for (const [fen, fes] of frames) {
        for (const text of [fen(en), fes(es)]) {
          for (const e of redact(text).entities) leaks.push(`${e.type} «${text.slice(e.start, e.end)}» in: ${text}`)
        }
      }
    }
    for (const [en, es] of phrases) {
      for (const text of [`One afternoon, ICE agents detained a man ${en}, and LAPD closed the street.`, `Una tarde, unos agentes de ICE detuvieron a un señor ${es}, y el LAPD cerró la calle.`]) {
        for (const e of redact(text).entities) leaks.push(`${e.type} «${text.slice(e.start, e.end)}» in: ${text}`)
      }
    }
    expect(leaks).toEqual([])
  })
})
