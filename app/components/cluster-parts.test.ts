import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/i18n'
import { KeyTerms, keyTermsShown } from './cluster-parts'

const terms = [
  { lang: 'en', terms: ['masks', 'school'] },
  { lang: 'es', terms: ['máscaras', 'escuela'] },
]

function render(locale: string, mix: Record<string, number>) {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(KeyTerms, { keyTerms: terms, mix })))
}

describe('key terms per language', () => {
  it('lists only the languages present in the cluster, with their count', () => {
    expect(keyTermsShown(terms, { en: 12, es: 0 })).toEqual([{ lang: 'en', terms: ['masks', 'school'], count: 12 }])
    expect(keyTermsShown(terms, { en: 3, es: 9 }).map((k) => [k.lang, k.count])).toEqual([
      ['en', 3],
      ['es', 9],
    ])
    expect(keyTermsShown([{ lang: 'es', terms: [] }], { es: 4 })).toEqual([])
  })

  it('has no Spanish heading for a cluster with no Spanish testimony, in either language', () => {
    const en = render('en', { en: 12, es: 0 })
    expect(en).toContain('Key terms (English, 12 testimonies)')
    expect(en).not.toContain('Spanish')
    expect(en).not.toContain('máscaras')
    const es = render('es', { en: 1, es: 5 })
    expect(es).toContain('Términos clave (Inglés, 1 testimonio)')
    expect(es).toContain('Términos clave (Español, 5 testimonios)')
  })
})
