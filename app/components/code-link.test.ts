import { createElement, Fragment } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/i18n'
import { withCode } from './code-link'

const html = (sentence: string, code: string) =>
  renderToStaticMarkup(createElement(Fragment, null, ...withCode(sentence, code, (c) => createElement('a', { href: `/workspace/submissions/x` }, c))))

describe('receipt codes in sentences are links', () => {
  it('links the code of "Merged into …" and of a near duplicate, in English and Spanish', () => {
    for (const locale of ['en', 'es']) {
      const { t } = createI18n(locale)
      const merged = t('moderation.mergedInto', { code: 'ANX-NPC-KTK' })
      expect(html(merged, 'ANX-NPC-KTK')).toBe(merged.replace('ANX-NPC-KTK', '<span><a href="/workspace/submissions/x">ANX-NPC-KTK</a></span>'))
      const duplicate = t('moderation.duplicateOf', { code: 'QRS-TUV-WXY', percent: 93 })
      const out = html(duplicate, 'QRS-TUV-WXY')
      expect(out).toContain('<a href="/workspace/submissions/x">QRS-TUV-WXY</a>')
      expect(out.replace(/<[^>]+>/g, '')).toBe(duplicate)
    }
  })
})
