import { describe, expect, it } from 'vitest'
import { locatePassage } from './passage'

const TEXT = 'Los agentes llegaron al parque.\nNadie de la Ciudad   nos ayudó. Los agentes no tenían placas.'

describe('locatePassage', () => {
  it('finds the words of a quote, ignoring case and how whitespace is laid out', () => {
    const p = locatePassage(TEXT, { quote: 'nadie de la ciudad nos ayudó' })
    expect(p).not.toBeNull()
    expect(TEXT.slice(p!.start, p!.end)).toBe('Nadie de la Ciudad   nos ayudó')
  })

  it('takes the first occurrence, unless offsets point at a later one that reads the same', () => {
    expect(locatePassage(TEXT, { quote: 'Los agentes' })).toEqual({ start: 0, end: 11 })
    const later = TEXT.lastIndexOf('Los agentes')
    expect(locatePassage(TEXT, { quote: 'Los agentes', start: later, end: later + 11 })).toEqual({ start: later, end: later + 11 })
  })

  it('falls back to the quote when the offsets do not match it, and trims a selection', () => {
    expect(locatePassage(TEXT, { quote: 'parque', start: 0, end: 3 })).toEqual({ start: 24, end: 30 })
    expect(locatePassage(TEXT, { start: 23, end: 31 })).toEqual({ start: 24, end: 31 })
  })

  it('gives null when there is nothing to find', () => {
    expect(locatePassage(TEXT, { quote: 'la migra' })).toBeNull()
    expect(locatePassage(TEXT, { quote: '   ' })).toBeNull()
    expect(locatePassage(TEXT, { start: 5, end: 500 })).toBeNull()
    expect(locatePassage(TEXT, { quote: 'a.b(c' })).toBeNull()
  })
})
