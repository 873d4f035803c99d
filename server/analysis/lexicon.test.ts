import { describe, expect, it } from 'vitest'
import { CONCEPTS, createConceptMatcher } from './lexicon'

describe('createConceptMatcher', () => {
  const en = createConceptMatcher('en')
  const es = createConceptMatcher('es')
  it('matches the longest phrase, plurals and prefixes', () => {
    expect(en.match(['know', 'your', 'rights'], 0)).toEqual({ length: 3, id: 'know-your-rights' })
    expect(en.match(['rights'], 0)).toEqual({ length: 1, id: 'know-your-rights' })
    expect(es.match(['lavado', 'de', 'autos'], 0)).toEqual({ length: 3, id: 'car-wash' })
    expect(es.match(['redadas'], 0)?.id).toBe('raid')
    expect(es.match(['detuvieron'], 0)?.id).toBe('arrest')
    expect(en.match(['weather'], 0)).toBeNull()
  })
  it('has English and Spanish names for every concept, folded and unique ids', () => {
    const ids = new Set<string>()
    for (const c of CONCEPTS) {
      expect(c.en.length).toBeGreaterThan(0)
      expect(c.es.length).toBeGreaterThan(0)
      for (const phrase of [...c.en, ...c.es]) expect(phrase).toBe(phrase.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase())
      expect(ids.has(c.id)).toBe(false)
      ids.add(c.id)
    }
  })
})
