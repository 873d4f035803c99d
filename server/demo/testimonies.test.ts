import { describe, expect, it } from 'vitest'
import { AGENCIES, AREA_CODES, LAPD_AREAS, SETTINGS, STARTER_CODEBOOK } from '../schemas/reference'
import { generateDemoTestimonies, topLevelTheme, type DemoTestimony } from './testimonies'
import { allocate, createRng } from './rng'

const COUNT = 360
const SEED = 20250606
const demo = generateDemoTestimonies({ count: COUNT, seed: SEED })

const ALL_SLUGS = new Set(STARTER_CODEBOOK.flatMap((entry) => [entry.slug, ...(entry.children ?? []).map((child) => child.slug)]))
const countBy = <K extends string>(items: DemoTestimony[], key: (t: DemoTestimony) => K) =>
  items.reduce((counts, t) => counts.set(key(t), (counts.get(key(t)) ?? 0) + 1), new Map<K, number>())
const sentencesOf = (text: string) => text.split(/(?<=[.!?])\s+/).filter(Boolean)

describe('createRng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRng(42)
    const b = createRng(42)
    const c = createRng(43)
    const seqA = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(seqA)
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(seqA)
    expect(seqA.every((x) => x >= 0 && x < 1)).toBe(true)
  })

  it('allocate gives exact totals and honours the floor', () => {
    const out = allocate(10, [['a', 1], ['b', 1], ['c', 8]], 2)
    expect(out).toHaveLength(10)
    expect(out.filter((x) => x === 'a').length).toBeGreaterThanOrEqual(2)
  })
})

describe('generateDemoTestimonies', () => {
  it('is deterministic: the same seed gives identical output', () => {
    expect(generateDemoTestimonies({ count: COUNT, seed: SEED })).toEqual(demo)
  })

  it('changes with the seed', () => {
    const other = generateDemoTestimonies({ count: COUNT, seed: SEED + 1 })
    expect(other.map((t) => t.text)).not.toEqual(demo.map((t) => t.text))
  })

  it('returns exactly the requested count, including small and empty ones', () => {
    expect(demo).toHaveLength(COUNT)
    expect(generateDemoTestimonies({ count: 0, seed: 1 })).toEqual([])
    expect(generateDemoTestimonies({ count: 7, seed: 1 })).toHaveLength(7)
    expect(() => generateDemoTestimonies({ count: -1, seed: 1 })).toThrow()
  })

  it('splits about 55% English and 45% Spanish', () => {
    const english = demo.filter((t) => t.lang === 'en').length / COUNT
    expect(english).toBeGreaterThan(0.5)
    expect(english).toBeLessThan(0.6)
    expect(demo.every((t) => t.lang === 'en' || t.lang === 'es')).toBe(true)
  })

  it('covers every top-level codebook theme with at least 12 testimonies, and uses only codebook slugs', () => {
    const byTop = countBy(demo, (t) => topLevelTheme(t.theme))
    for (const entry of STARTER_CODEBOOK) expect(byTop.get(entry.slug) ?? 0, entry.slug).toBeGreaterThanOrEqual(12)
    for (const t of demo) {
      expect(ALL_SLUGS.has(t.theme), t.theme).toBe(true)
      expect(t.secondaryThemes.length).toBeLessThanOrEqual(2)
      for (const slug of t.secondaryThemes) {
        expect(ALL_SLUGS.has(slug), slug).toBe(true)
        expect(slug).not.toBe(t.theme)
      }
    }
    // Child tags are used too, and some testimony touches more than one theme.
    expect(demo.some((t) => t.theme === 'masks')).toBe(true)
    expect(demo.filter((t) => t.secondaryThemes.length > 0).length).toBeGreaterThan(COUNT * 0.1)
  })

  it('covers all 21 LAPD Areas plus a few outside the City or not sure', () => {
    const byArea = countBy(demo, (t) => t.area)
    for (const area of LAPD_AREAS) expect(byArea.get(area) ?? 0, area).toBeGreaterThanOrEqual(3)
    expect(byArea.get('outside-city') ?? 0).toBeGreaterThan(0)
    expect(byArea.get('not-sure') ?? 0).toBeGreaterThan(0)
    expect((byArea.get('outside-city') ?? 0) + (byArea.get('not-sure') ?? 0)).toBeLessThan(COUNT * 0.1)
  })

  it('uses only reference values for area, setting and agencies, with 1–3 agencies', () => {
    for (const t of demo) {
      expect(AREA_CODES).toContain(t.area)
      expect(SETTINGS).toContain(t.setting)
      expect(t.agencies.length).toBeGreaterThanOrEqual(1)
      expect(t.agencies.length).toBeLessThanOrEqual(3)
      expect(new Set(t.agencies).size).toBe(t.agencies.length)
      for (const agency of t.agencies) expect(AGENCIES).toContain(agency)
      expect([0, 1]).toContain(t.organization)
    }
    expect(new Set(demo.map((t) => t.setting)).size).toBeGreaterThanOrEqual(10)
    expect(new Set(demo.flatMap((t) => t.agencies)).size).toBeGreaterThanOrEqual(8)
  })

  it('keeps months between 2025-06 and 2026-10, with the summer-2025 surge', () => {
    for (const t of demo) {
      expect(t.incidentMonth).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/)
      expect(t.incidentMonth >= '2025-06' && t.incidentMonth <= '2026-10').toBe(true)
    }
    const summer = demo.filter((t) => t.incidentMonth <= '2025-08').length
    const lastThreeMonths = demo.filter((t) => t.incidentMonth >= '2026-08').length
    expect(summer).toBeGreaterThan(COUNT * 0.3)
    expect(summer).toBeGreaterThan(lastThreeMonths * 4)
    // The National Guard was deployed in summer 2025 only, the downtown curfew in June 2025; camp is in summer.
    for (const t of demo.filter((t) => t.agencies.includes('national-guard'))) expect(t.incidentMonth <= '2025-09').toBe(true)
    for (const t of demo.filter((t) => /curfew|toque de queda/.test(t.text))) expect(t.incidentMonth <= '2025-07').toBe(true)
    for (const t of demo.filter((t) => /summer camp|campamento de verano/.test(t.text))) expect(['06', '07', '08']).toContain(t.incidentMonth.slice(5))
  })

  it('has at most a handful of exact duplicate texts', () => {
    const duplicates = COUNT - new Set(demo.map((t) => t.text)).size
    expect(duplicates).toBeLessThanOrEqual(5)
  })

  it('writes 1–6 sentences per testimony, with filled placeholders', () => {
    for (const t of demo) {
      const n = sentencesOf(t.text).length
      expect(n, t.text).toBeGreaterThanOrEqual(1)
      expect(n, t.text).toBeLessThanOrEqual(6)
      expect(t.text, t.text).not.toMatch(/[{}|]/)
      expect(t.text).not.toMatch(/\s{2,}/)
    }
  })

  it('writes Spanish testimony in Spanish, with stop words and accents', () => {
    const spanish = demo.filter((t) => t.lang === 'es')
    for (const t of spanish) {
      expect(t.text, t.text).toMatch(/\b(que|de|la|el|los|en|y)\b/)
      expect(t.text, t.text).toMatch(/[áéíóúñü]/)
      for (const field of [t.cityResponse, t.guidanceWanted]) if (field) expect(field).toMatch(/[áéíóúñ]|\b(que|de|la|el|los|las|en|un|una|nos|no|se|por|sin|con|y|a)\b/i)
    }
    const english = demo.filter((t) => t.lang === 'en')
    for (const t of english) expect(t.text, t.text).toMatch(/\b(the|and|to|was|were)\b/)
  })

  it('fills cityResponse and guidanceWanted often, but not always', () => {
    const withCity = demo.filter((t) => t.cityResponse !== null).length
    const withGuidance = demo.filter((t) => t.guidanceWanted !== null).length
    expect(withCity).toBeGreaterThan(COUNT * 0.4)
    expect(withCity).toBeLessThan(COUNT)
    expect(withGuidance).toBeGreaterThan(COUNT * 0.4)
    expect(withGuidance).toBeLessThan(COUNT)
    for (const t of demo.filter((t) => t.theme === 'requests-for-guidance')) expect(t.guidanceWanted).not.toBeNull()
  })

  it('plants fake personal details in about 5% of texts, only with reserved fake values', () => {
    const phone = /\(?\b\d{3}\)?[ -]555[ -]01\d{2}\b/
    const aNumber = /\bA000-?\d{3}-?\d{3}\b/
    const relativeName = /\b(brother|husband|uncle|cousin|daughter|hermano|esposo|tío|prima|hija) (Julio|Rigoberto|Luis|Marvin|Edgar|Wilmer|Chuy|Ernesto|Maribel|Rosa|Yesenia|Andrea|Guadalupe|Karla|Leticia)\b/
    const planted = demo.filter((t) => phone.test(t.text) || aNumber.test(t.text) || relativeName.test(t.text))
    expect(planted.length).toBe(Math.round(COUNT * 0.05))
    // Nothing else looks like a phone number or an A-number.
    for (const t of demo) {
      expect(t.text).not.toMatch(/\b\d{3}[ -]\d{4}\b(?<!555[ -]01\d{2})/)
      expect(t.text).not.toMatch(/\bA(?!000)\d{8,9}\b/)
    }
  })

  it('keeps the structured agencies consistent with the text', () => {
    for (const t of demo) {
      if (t.agencies.includes('ice')) expect(t.text).toMatch(/\bICE\b/)
      if (t.agencies.includes('national-guard')) expect(t.text).toMatch(/National Guard|Guardia Nacional/)
    }
  })

  it.each([1, 2, 3, 42, 2026])('keeps its guarantees for seed %i', (seed) => {
    const other = generateDemoTestimonies({ count: COUNT, seed })
    expect(other).toHaveLength(COUNT)
    expect(COUNT - new Set(other.map((t) => t.text)).size).toBeLessThanOrEqual(5)
    const byTop = countBy(other, (t) => topLevelTheme(t.theme))
    for (const entry of STARTER_CODEBOOK) expect(byTop.get(entry.slug) ?? 0).toBeGreaterThanOrEqual(12)
    expect(new Set(other.map((t) => t.area)).size).toBe(AREA_CODES.length)
    for (const t of other) {
      expect(sentencesOf(t.text).length).toBeLessThanOrEqual(6)
      if (t.lang === 'es') expect(t.text, t.text).toMatch(/[áéíóúñ]/)
    }
  })

  it('gives each theme distinctive vocabulary (a word that is common in it and rare elsewhere)', () => {
    const docs = demo.map((t) => ({ top: topLevelTheme(t.theme), words: new Set(t.text.toLowerCase().match(/\p{L}{4,}/gu) ?? []) }))
    for (const entry of STARTER_CODEBOOK) {
      const inTheme = docs.filter((d) => d.top === entry.slug)
      const outside = docs.filter((d) => d.top !== entry.slug)
      const df = (items: typeof docs, word: string) => items.filter((d) => d.words.has(word)).length / items.length
      const vocabulary = new Set(inTheme.flatMap((d) => [...d.words]))
      const best = Math.max(...[...vocabulary].map((word) => df(inTheme, word) - df(outside, word)))
      expect(best, entry.slug).toBeGreaterThan(0.2)
    }
  })
})
