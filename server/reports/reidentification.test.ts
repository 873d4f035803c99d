import { describe, expect, it } from 'vitest'
import { cellCounts, contentWords, documentFrequencies, reidFlags, terms, termsOf, type CellKey } from './reidentification'

// A crafted collection: many testimonies about agents at parks; one florist; a few vendors.
const COMMON = Array.from({ length: 12 }, (_, i) => `Agents came to the park in July and took people away, number ${i}.`)
const FLORIST = 'I am the only Honduran florist on 1st Street and the agents came to the park in July.'
const VENDORS = ['Los agentes llegaron al parque y los vendedores corrieron.', 'Los vendedores del parque vieron a los agentes en julio.', 'Street vendors saw agents at the park in July.']
const COLLECTION = [...COMMON, FLORIST, ...VENDORS]
const park: CellKey = { area: 'hollenbeck', month: '2025-07', setting: 'park' }
const CELLS = cellCounts([...Array.from({ length: 15 }, () => park), { area: 'rampart', month: '2025-08', setting: 'school' }])

const flagsOf = (quote: string, cell = park) => reidFlags(quote, cell, documentFrequencies(COLLECTION, termsOf([quote])), CELLS, 5)

describe('re-identification check', () => {
  it('leaves out placeholders and function words of both languages, and folds accents', () => {
    expect(contentWords('My name is [NAME] and I saw the agents in the parque de María')).toEqual(['name', '', 'saw', 'agents', 'parque', 'maria'])
    expect([...terms('agents took [NAME] away').pairs]).toEqual(['agents took'])
  })

  it('flags the rare words of a quote that names a rare detail', () => {
    const flags = flagsOf(FLORIST)
    expect(flags.flagged).toBe(true)
    expect(flags.rareTerms).toEqual(expect.arrayContaining(['honduran', 'florist', '1st']))
    expect(flags.rareTerms).not.toContain('agents')
    expect(flags.rareTerms).not.toContain('park')
    expect(flags.rareCell).toBe(false)
  })

  it('flags a pair of common words that is rare together, but not a pair that is common', () => {
    // "street" and "vendors" each occur in 3+ testimonies; together, in one.
    const df = documentFrequencies([...COLLECTION, 'Street musicians played.', 'Street corner.', 'Vendors sold food.', 'Vendors left.'], termsOf(['Street vendors saw agents']))
    expect(df.get('street')).toBeGreaterThanOrEqual(3)
    expect(df.get('vendors')).toBeGreaterThanOrEqual(3)
    expect(df.get('street vendors')).toBe(1)
    const flags = reidFlags('Street vendors saw agents', park, df, CELLS, 5)
    expect(flags.rareTerms).toContain('street vendors')
    expect(flags.rareTerms).not.toContain('street')
    expect(flags.rareTerms).not.toContain('agents park')
  })

  it('does not flag a quote made of what many testimonies say, in a full cell', () => {
    expect(flagsOf('Agents came to the park in July and took people away.')).toEqual({ rareTerms: [], rareCell: false, cellCount: 15, flagged: false })
  })

  it('flags a quote whose Area × month × setting holds fewer than the threshold, however common its words', () => {
    const flags = flagsOf('Agents came to the park in July and took people away.', { area: 'rampart', month: '2025-08', setting: 'school' })
    expect(flags).toMatchObject({ rareTerms: [], rareCell: true, cellCount: 1, flagged: true })
    expect(flagsOf('Agents came to the park.', { area: 'harbor', month: '2025-01', setting: 'home' })).toMatchObject({ rareCell: true, cellCount: 0 })
  })
})
