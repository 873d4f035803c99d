import { describe, expect, it } from 'vitest'
import { createAnalyzer, guessLanguage, spanishCognate, stripPlaceholders, tokenizeWords } from './tokenize'

const analyzer = createAnalyzer({ bigrams: true, concepts: true, pivotSpanish: true })
const plain = createAnalyzer({ bigrams: false, concepts: false, pivotSpanish: false })

describe('tokenizeWords', () => {
  it('keeps Spanish accented words whole (natural’s WordTokenizer would split "policía")', () => {
    expect(tokenizeWords('La policía detuvo al niño en la esquina', 'es')).toEqual(['la', 'policía', 'detuvo', 'al', 'niño', 'en', 'la', 'esquina'])
  })
  it('keeps numbers such as 911 in both languages', () => {
    expect(tokenizeWords('Llamé al 911', 'es')).toContain('911')
    expect(tokenizeWords('I called 911', 'en')).toContain('911')
  })
  it('folds accents in English text and splits contractions and hyphens', () => {
    expect(tokenizeWords("Café owner didn't re-open", 'en')).toEqual(['cafe', 'owner', 'didn', 're', 'open'])
  })
  it('drops emoji and redaction placeholders', () => {
    expect(tokenizeWords('[NAME] saw agents 🚓😱 at [ADDRESS_1]', 'en')).toEqual(['saw', 'agents', 'at'])
    expect(stripPlaceholders('Mi vecino [NOMBRE] vio')).toBe('Mi vecino  .  vio')
  })
})

describe('analyze', () => {
  it('returns no features for empty, blank, emoji-only and stop-word-only text', () => {
    for (const text of ['', '   ', '🙏🙏', 'the and of', 'y de la', '[NAME]']) expect(analyzer.analyze(text).terms).toEqual([])
  })
  it('handles a one-word text', () => {
    expect(analyzer.analyze('raids', 'en').terms).toEqual(['raid', '~raid'])
  })
  it('stems, removes stop words and adds word pairs', () => {
    const { terms, surfaces } = plain.analyze('Officers were raiding homes', 'en')
    expect(terms).toEqual(['offic', 'raid', 'home'])
    expect(surfaces).toEqual(['officers', 'raiding', 'homes'])
    expect(createAnalyzer({ bigrams: true, concepts: false, pivotSpanish: false }).analyze('car wash raid', 'en').terms).toContain('car wash')
  })
  it('never pairs words across a placeholder', () => {
    const { terms } = createAnalyzer({ bigrams: true, concepts: false, pivotSpanish: false }).analyze('agents [NAME] [NAME] [NAME] school', 'en')
    expect(terms).toEqual(['agent', 'school'])
  })
  it('gives an English and a Spanish account of the same event shared features', () => {
    const en = new Set(analyzer.analyze('Masked ICE agents raided the car wash and detained workers', 'en').terms)
    const es = analyzer.analyze('Agentes de la migra enmascarados hicieron una redada en el lavado de autos y detuvieron a trabajadores', 'es').terms
    const shared = es.filter((t) => en.has(t))
    for (const concept of ['~ice', '~mask', '~raid', '~car-wash', '~arrest', '~worker']) expect(shared).toContain(concept)
  })
  it('places Spanish cognates on English stems', () => {
    const es = analyzer.analyze('El presidente habló de la nación y la universidad', 'es').terms
    const en = analyzer.analyze('The president spoke about the nation and the university', 'en').terms
    for (const t of ['presid', 'nation', 'univers']) {
      expect(es).toContain(t)
      expect(en).toContain(t)
    }
    expect(spanishCognate('politicos')).toBe('politic')
    expect(spanishCognate('comunicacion')).toBe('comunication')
  })
  it('uses a bilingual word list when given one', () => {
    const withDictionary = createAnalyzer({ bigrams: false, concepts: false, pivotSpanish: true, dictionary: { name: 'test', entries: { perro: 'dog' } } })
    expect(withDictionary.analyze('el perro ladra', 'es').terms[0]).toBe('dog')
  })
  it('keeps Spanish stems apart when pivoting is off', () => {
    expect(plain.analyze('Las redadas', 'es').terms).toEqual(['red'])
  })
  it('analyzes mixed-language text in the guessed language and still finds both concepts', () => {
    const text = 'La migra llegó a la escuela de mis hijos, they took my neighbor and the kids were scared'
    const terms = analyzer.analyze(text).terms
    expect(terms).toContain('~ice')
    expect(terms).toContain('~school')
    expect(terms).toContain('~neighbor')
    expect(terms).toContain('~fear')
  })
  it('never pairs words across a sentence end', () => {
    const { terms } = createAnalyzer({ bigrams: true, concepts: false, pivotSpanish: false }).analyze('They left. Agents came', 'en')
    expect(terms).not.toContain('left agent')
  })
})

describe('guessLanguage', () => {
  it('tells English from Spanish and defaults to English', () => {
    expect(guessLanguage('They came to the house at night')).toBe('en')
    expect(guessLanguage('Llegaron a la casa en la noche')).toBe('es')
    expect(guessLanguage('ICE LAPD 911')).toBe('en')
  })
})
