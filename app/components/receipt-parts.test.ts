import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/i18n'
import { OrgCardText, ReceiptAnswers, receiptHeading } from './receipt-parts'

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


describe('a withdrawn testimony', () => {
  it('gets no thanks at the top of its receipt, even on the page it was just sent from', () => {
    expect(receiptHeading(true, 'accepted')).toBe('thanks')
    expect(receiptHeading(true, 'pending')).toBe('thanks')
    expect(receiptHeading(true, 'withdrawn')).toBe('title')
    expect(receiptHeading(false, 'accepted')).toBe('title')
  })

  it('says "Withdrawn on …" on its card on /org, in English and Spanish', () => {
    const card = (locale: string, submission: Parameters<typeof OrgCardText>[0]['submission']) =>
      renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(OrgCardText, { submission })))
    const withdrawn = { text: null, language: 'es', status: 'withdrawn', withdrawnAt: new Date('2026-03-04T20:00:00Z') }
    expect(card('en', withdrawn)).toContain('Withdrawn on Mar 4, 2026.')
    expect(card('es', withdrawn)).toContain('Retirado el 4 mar 2026.')
    const kept = card('en', { text: 'x'.repeat(300), language: 'en', status: 'accepted', withdrawnAt: null })
    expect(kept).toContain('x'.repeat(240) + '…')
    expect(kept).not.toContain('Withdrawn')
  })
})
