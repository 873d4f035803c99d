import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/i18n'
import { ReceiptAnswers } from './receipt-parts'

function render(locale: string, submission: { cityResponse: string | null; guidanceWanted: string | null }) {
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(ReceiptAnswers, { submission })))
}

describe('the receipt shows the free-text answers as stored', () => {
  it('shows what City staff did and the guidance wanted, redacted as kept', () => {
    const html = render('en', { cityResponse: 'Officer [NAME] told us to leave.', guidanceWanted: 'Call [PHONE] first.' })
    expect(html).toContain('What did City staff or police officers do?')
    expect(html).toContain('Officer [NAME] told us to leave.')
    expect(html).toContain('What should officers be told to do?')
    expect(html).toContain('Call [PHONE] first.')
  })

  it('says when an answer was not given, in Spanish too', () => {
    const es = createI18n('es').t
    const html = render('es', { cityResponse: null, guidanceWanted: 'Que no pidan papeles.' })
    expect(html).toContain(es('submit.cityResponse'))
    expect(html).toContain(es('common.notGiven'))
    expect(html).toContain('Que no pidan papeles.')
  })
})

