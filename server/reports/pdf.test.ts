import { extractText, getDocumentProxy } from 'unpdf'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../app/i18n/i18n'
import { pdfSafe, renderReportPdf } from './pdf'
import type { ReportSnapshot } from './snapshot'

describe('report PDF', () => {
  it('keeps Spanish and typographic characters, and marks what the standard fonts cannot draw', () => {
    expect(pdfSafe('Niños, policía — “sí” €')).toEqual({ text: 'Niños, policía — “sí” €', replaced: false })
    expect(pdfSafe('경찰 ICE')).toEqual({ text: '?? ICE', replaced: true })
    // The embedded DejaVu Sans draws what the standard Helvetica could not.
    expect(pdfSafe('≥ 5 – − → Ő Ω Жизнь')).toEqual({ text: '≥ 5 – − → Ő Ω Жизнь', replaced: false })
  })

  it('embeds a font that prints Spanish and symbols, and wraps long labels inside their column', async () => {
    const snapshot: ReportSnapshot = {
      format: 2,
      reportId: 'r',
      title: 'Niñas y niños: protección ≥ 5 años – Ñuñoa',
      periodStart: '2025-06',
      periodEnd: '2025-12',
      filters: {},
      threshold: 5,
      version: 1,
      publishedAt: '2026-01-05T18:00:00.000Z',
      publishedBy: 'Ana',
      themes: [
        {
          themeId: 't',
          title: 'Miedo a llamar al 911 en la región',
          summary: 'Según las personas, la policía llegó tarde; «¡nadie nos protege!»',
          publicSummary: { en: '', es: '' },
          count: { n: 25 },
          trend: { withheld: false, cells: [{ key: '2025-06', figure: { n: 25 } }] },
          areas: { withheld: true, cells: [] },
          settings: { withheld: true, cells: [] },
          agencies: { withheld: false, cells: [{ key: 'ice', figure: { n: 20 } }, { key: 'cbp', figure: { lt: 5 } }] },
          organizationKinds: { withheld: true, cells: [] },
          quotes: [],
          guidance: [],
        },
      ],
    }
    for (const locale of ['es', 'en']) {
      const pdf = await renderReportPdf(snapshot, createI18n(locale).t, locale)
      expect(pdf.includes(Buffer.from('DejaVuSans'))).toBe(true)
      expect(pdf.includes(Buffer.from('Helvetica'))).toBe(false)
      const document = await getDocumentProxy(new Uint8Array(pdf))
      const { text } = await extractText(document, { mergePages: true })
      expect(text).not.toContain('?')
      expect(text).toContain('Niñas y niños: protección ≥ 5 años – Ñuñoa')
      expect(text).toContain('Según las personas, la policía llegó tarde; «¡nadie nos protege!»')
      // Every text item left of the bars ends before the bars start (60 pt margin + 190 pt label column).
      let labels = ''
      for (let p = 1; p <= document.numPages; p++) {
        const content = await (await document.getPage(p)).getTextContent()
        for (const item of content.items) {
          if (!('str' in item) || !item.str.trim()) continue
          const x = item.transform[4] as number
          if (x >= 60 && x < 250 && /ICE|CBP|Inmigración|Immigration|Aduanas|Customs|Enforcement|Patrulla|Border/.test(item.str)) {
            labels += ` ${item.str}`
            expect(x + item.width).toBeLessThanOrEqual(250)
          }
        }
      }
      expect(labels).toContain('ICE')
      expect(labels).toContain(locale === 'es' ? 'Aduanas' : 'Enforcement')
      expect(labels).toContain('CBP')
    }
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
