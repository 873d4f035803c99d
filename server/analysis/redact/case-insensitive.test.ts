import { describe, expect, it } from 'vitest'
import { caseInsensitivePattern } from './case-insensitive'

const spans = (text: string, re: RegExp) => [...text.matchAll(re)].map((m) => [m.index, m[0]])

describe('caseInsensitivePattern', () => {
  const source = "\\bsoy\\b|\\bI['’]m\\b|\\bknown as\\b|\\bpreg[uú]nte por\\b|\\bel nombre de él\\b"
  const pattern = caseInsensitivePattern(source)
  const unicode = new RegExp(source, 'giu')

  it('matches as the /iu pattern does, also on the letters only Unicode folds to ASCII and on astral text', () => {
    const texts = [
      'Yo SOY Ana; I’m here, i\'M there, KNOWN AS Beto. Pregúnte por Rosa. EL NOMBRE DE ÉL.',
      'Yo ſoy Ana, \u212Anown as Beto', // long s and Kelvin sign: "soy" and "Known" under /iu only
      'xſoy soyſ \u212Asoy', // … and they are word characters for \\b under /iu
      '😀 soy 🙏 known as 😀soy',
      'Soy\u00A0Ana, known\u00A0as Beto',
    ]
    for (const text of texts) expect(spans(text, pattern.for(text))).toEqual(spans(text, unicode))
    expect(spans('Yo ſoy Ana', pattern.for('Yo ſoy Ana'))).toEqual([[3, 'ſoy']])
  })

  it('refuses patterns that need the u flag or letters that fold differently', () => {
    expect(() => caseInsensitivePattern('(?<![\\p{L}])soy')).toThrow()
    expect(() => caseInsensitivePattern('straße')).toThrow()
    expect(() => caseInsensitivePattern('soy', 'gi')).toThrow()
  })
})
