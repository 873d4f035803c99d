import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, it } from 'vitest'
import { BarChart, TrendChart } from '../../app/components/report-view'
import { createI18n } from '../../app/i18n/i18n'
import { barShape, chartMax } from './chart'
import type { Figure } from './suppress'

/** The heights (or widths) of the rects drawn for each cell, by shape. */
function shapes(svg: string, attribute: 'height' | 'width') {
  const out: { shape: string; size: number }[] = []
  for (const g of svg.matchAll(/<g data-shape="(\w+)">(.*?)<\/g>/g)) {
    const rect = g[2]!.match(new RegExp(`<rect[^>]* ${attribute}="([\\d.]+)"`))
    out.push({ shape: g[1]!, size: rect ? Number(rect[1]) : 0 })
  }
  return out
}

describe('charts of suppressed figures', () => {
  it('draws "fewer than" as a stub half the threshold, lower than the smallest count shown', () => {
    expect(barShape({ lt: 5 }, 5)).toEqual({ kind: 'stub', value: 2.5 })
    expect(barShape({ n: 5 }, 5)).toEqual({ kind: 'bar', value: 5 })
    expect(barShape({ n: 0 }, 5)).toEqual({ kind: 'none' })
    expect(barShape({ withheld: true }, 5)).toEqual({ kind: 'none' })
    expect(chartMax([{ lt: 5 }, { withheld: true }], 5)).toBe(5)
  })

  it('the web trend chart draws the small months shorter than the others, hatched and labelled "<5"', () => {
    const i18n = createI18n('en')
    const cells: { key: string; figure: Figure }[] = [
      { key: '2025-06', figure: { n: 5 } },
      { key: '2025-07', figure: { lt: 5 } },
      { key: '2025-08', figure: { lt: 5 } },
      { key: '2025-09', figure: { withheld: true } },
    ]
    const svg = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(TrendChart, { id: 'c', title: 'Trend', cells, threshold: 5 })))
    const drawn = shapes(svg, 'height')
    expect(drawn.map((d) => d.shape)).toEqual(['bar', 'stub', 'stub', 'none'])
    expect(drawn[1]!.size).toBeGreaterThan(0)
    expect(drawn[1]!.size).toBeLessThanOrEqual(drawn[0]!.size / 2)
    expect(svg).toContain('fill="url(#c-hatch)"')
    expect(svg).toContain('<pattern id="c-hatch"')
    expect(svg).not.toContain('stroke-dasharray')
    expect(svg).toContain('&lt;5')
    // The table with the same figures stays.
    expect(svg).toContain('<table')
    expect(svg).toContain('fewer than 5</span>')
  })

  it('the web bar chart draws a "fewer than" row shorter than a row of 5', () => {
    const i18n = createI18n('es')
    const rows = [
      { key: 'park', label: 'Park', figure: { lt: 5 } as Figure },
      { key: 'home', label: 'Home', figure: { n: 5 } as Figure },
    ]
    const svg = renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(BarChart, { id: 'b', title: 'Bars', rows, threshold: 5 })))
    const drawn = shapes(svg, 'width')
    expect(drawn.map((d) => d.shape)).toEqual(['stub', 'bar'])
    expect(drawn[0]!.size).toBeLessThanOrEqual(drawn[1]!.size / 2)
  })
})
