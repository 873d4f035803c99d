import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/i18n'
import { formatPeriod, publicCountLine } from './report-view'

describe('public counts say what they count', () => {
  it('gives the period and the report filters beside the count, in English and Spanish', () => {
    const en = createI18n('en').t
    const es = createI18n('es').t
    const central = { periodStart: '2025-06', periodEnd: '2025-12', filters: { bureau: 'central' as const } }
    expect(publicCountLine(en, 'en', central, { n: 25 })).toBe(`25 testimonies, June–December 2025, ${en('bureau.central')}`)
    expect(publicCountLine(es, 'es', central, { n: 25 })).toBe(`25 testimonios, junio–diciembre de 2025, ${es('bureau.central')}`)
    const two = { periodStart: '2025-06', periodEnd: '2025-12', filters: { bureau: 'central' as const, setting: 'park' as const } }
    expect(publicCountLine(en, 'en', two, { n: 1250 })).toBe(`1,250 testimonies, June–December 2025, ${en('bureau.central')}, ${en('setting.park')}`)
    expect(publicCountLine(en, 'en', { periodStart: '2025-06', periodEnd: '2025-12', filters: {} }, { n: 25 })).toBe('25 testimonies, June–December 2025')
  })

  it('writes periods short across years and for one month', () => {
    const en = createI18n('en').t
    const es = createI18n('es').t
    expect(formatPeriod(en, '2025-11', '2026-02', 'en')).toBe('November 2025 – February 2026')
    expect(formatPeriod(es, '2025-11', '2026-02', 'es')).toBe('noviembre de 2025 – febrero de 2026')
    expect(formatPeriod(en, '2025-06', '2025-06', 'en')).toBe('June 2025')
  })
})
