import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../app/i18n/i18n'
import { pdfSafe, renderReportPdf } from './pdf'
import type { ReportSnapshot } from './snapshot'

describe('report PDF', () => {
  it('keeps Spanish and typographic characters, and marks what the standard fonts cannot draw', () => {
    expect(pdfSafe('Niños, policía — “sí” €')).toEqual({ text: 'Niños, policía — “sí” €', replaced: false })
    expect(pdfSafe('경찰 ICE')).toEqual({ text: '?? ICE', replaced: true })
  })

  it('writes a Spanish PDF with contents, page numbers and a note beside a quote it cannot fully print', async () => {
    const snapshot: ReportSnapshot = {
      format: 1,
      reportId: 'r',
      title: 'Informe de prueba',
      periodStart: '2025-06',
      periodEnd: '2025-07',
      filters: {},
      threshold: 5,
      version: 3,
      publishedAt: '2026-01-05T18:00:00.000Z',
      publishedBy: 'Marcus',
      themes: [
        {
          themeId: 't',
          title: 'Agentes en los parques',
          summary: 'Resumen.',
          publicSummary: { en: '', es: '' },
          count: { n: 12 },
          trend: { withheld: false, cells: [{ key: '2025-06', figure: { lt: 5 } }, { key: '2025-07', figure: { withheld: true } }] },
          areas: { withheld: true, cells: [] },
          settings: { withheld: false, cells: [{ key: 'park', figure: { n: 12 } }] },
          agencies: { withheld: false, cells: [{ key: 'ice', figure: { n: 12 } }] },
          organizationKinds: { withheld: false, cells: [{ key: 'community', figure: { n: 12 } }] },
          quotes: [{ language: 'other', text: '공원에 요원들이 왔어요', translations: [{ lang: 'es', text: 'Llegaron agentes al parque.', kind: 'human' }] }],
          guidance: [],
        },
      ],
    }
    const pdf = await renderReportPdf(snapshot, createI18n('es').t, 'es')
    const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false })
    expect(text[0]).toContain('Informe de prueba')
    expect(text[0]).toContain('Versión 3, publicada el')
    expect(text[1]).toContain('Contenido')
    const all = text.join('\n')
    expect(all).toContain('menos de 5')
    // How figures are protected, in plain words, on the title page and beside the charts.
    expect(text[0]).toContain('Las cifras se redondean al múltiplo de 5 más cercano')
    expect(all).toContain('una cifra de 1 a 4')
    expect(all).toContain('Traducción hecha por una persona (Español)')
    expect(all).toContain('Algunos caracteres de esta cita no se pueden imprimir')
    text.forEach((page, i) => expect(page).toContain(`Página ${i + 1} de ${totalPages}`))
  })
})
