import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { codeUnitString, fuzzParams, hostileString, hugeString } from '../../tests/support/fuzz'
import { ENTITY_TYPES, placeholder } from './redact'
import { createAnalyzer, CONCEPT_PREFIX, tokenizeSegments, tokenizeWords, type AnalyzerOptions, type Lang } from './tokenize'

const lang = fc.constantFrom<Lang>('en', 'es')
const anyText = fc.oneof(
  { weight: 3, arbitrary: hostileString(16) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
  { weight: 1, arbitrary: codeUnitString(60) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.oneof(
          fc.constantFrom('La', 'policía', 'ICE', 'agents', 'raided', 'the', 'car wash', 'niño', 'detuvieron', 'a', 'trabajadores', 'Café', "didn't", 're-open', '911', '5÷3', '2×4', 'İstanbul', 'ǅemal', 'ﬁnal'),
          fc.constantFrom(...ENTITY_TYPES.map(placeholder), '[NOMBRE]', '[DIRECCIÓN]', '[PHONE_NUMBER]'),
          fc.constantFrom(' ', '. ', '! ', '\n', '…', '; ', '\u200b', '\u00a0', '\u2028', '\u0000', '\ud800'),
          fc.string({ maxLength: 6 }),
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join(' ')),
  },
)

const WORD = { en: /^[a-z0-9]+$/, es: /^[\p{Ll}\p{N}]+$/u } as const

describe('tokenizer: properties on any input', () => {
  it('never throws; words are non-empty, lower case, letters and digits only (so no whitespace and no placeholder)', () => {
    fc.assert(
      fc.property(anyText, lang, (text, l) => {
        const segments = tokenizeSegments(text, l)
        for (const words of segments) {
          expect(words.length).toBeGreaterThan(0)
          for (const w of words) {
            expect(w.length).toBeGreaterThan(0)
            expect(w, JSON.stringify(text)).toMatch(WORD[l])
          }
        }
        expect(tokenizeWords(text, l)).toEqual(segments.flat())
      }),
      fuzzParams(500),
    )
  })

  it('placeholders add no words and split segments: "a [NAME] b" has the words of "a. b"', () => {
    const plain = fc.array(fc.oneof(fc.constantFrom('agents', 'came', 'la', 'migra', 'llegó', 'school', 'escuela', '911'), fc.string({ maxLength: 5 })), { maxLength: 6 }).map((w) => w.join(' ').replace(/[[\]]/g, ''))
    const ph = fc.constantFrom(...ENTITY_TYPES.map(placeholder))
    fc.assert(
      fc.property(plain, ph, plain, lang, (left, p, right, l) => {
        expect(tokenizeSegments(`${left} ${p} ${right}`, l)).toEqual(tokenizeSegments(`${left} . ${right}`, l))
      }),
      fuzzParams(300),
    )
  })

  it('handles 10,000+ characters', () => {
    fc.assert(
      fc.property(hugeString(10_000), lang, (text, l) => {
        for (const w of tokenizeWords(text, l)) expect(w).toMatch(WORD[l])
      }),
      fuzzParams(12),
    )
  })
})

describe('analyzer: properties on any input', () => {
  const options: AnalyzerOptions[] = [
    { bigrams: true, concepts: true, pivotSpanish: true },
    { bigrams: false, concepts: false, pivotSpanish: false },
  ]

  it('never throws; features are non-empty, without whitespace except the one space of a word pair, and each has its surface', () => {
    const analyzers = options.map((o) => createAnalyzer(o, { pairSurfaces: true }))
    fc.assert(
      fc.property(anyText, fc.option(lang, { nil: undefined }), (text, l) => {
        for (const analyzer of analyzers) {
          const { terms, surfaces, lang: detected } = analyzer.analyze(text, l)
          expect(['en', 'es']).toContain(detected)
          expect(surfaces.length).toBe(terms.length)
          for (const term of terms) {
            expect(term.length).toBeGreaterThan(0)
            if (term.startsWith(CONCEPT_PREFIX)) continue
            expect(term, JSON.stringify(text)).toMatch(/^[^\s[\]]+(?: [^\s[\]]+)?$/u)
          }
        }
      }),
      fuzzParams(300),
    )
  })

  it('is deterministic: a fresh analyzer and a warm one (with its word cache) give the same features', () => {
    const warm = createAnalyzer(options[0]!)
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 4 }), lang, (texts, l) => {
        for (const text of texts) warm.analyze(text, l)
        const fresh = createAnalyzer(options[0]!)
        for (const text of texts) expect(warm.analyze(text, l)).toEqual(fresh.analyze(text, l))
      }),
      fuzzParams(100),
    )
  })
})

describe('analyzer: regressions found by the properties', () => {
  it('takes no feature from a run of letters longer than any word (the stemmers are quadratic on it)', () => {
    const analyzer = createAnalyzer({ bigrams: true, concepts: true, pivotSpanish: true })
    for (const l of ['en', 'es'] as const) {
      const started = performance.now()
      const { terms } = analyzer.analyze(`agents ${'x'.repeat(10_000)} raided`, l)
      expect(terms.filter((t) => t.length > 40)).toEqual([])
      expect(terms.length).toBeGreaterThan(0)
      expect(performance.now() - started).toBeLessThan(5_000)
    }
    expect(createAnalyzer({ bigrams: false, concepts: false, pivotSpanish: false }).analyze('internationalization', 'en').terms).toEqual(['internation'])
  })

  it('splits Spanish words at ÷ and × like at any other symbol', () => {
    expect(tokenizeWords('5÷3 y 2×4', 'es')).toEqual(['5', '3', 'y', '2', '4'])
  })
})
