import { describe, expect, it } from 'vitest'
import { areaCells, monthsBetween, quoteAllowed, readSnapshot, suppressReport, type RawQuote, type RawTheme, type ReportSnapshot } from './snapshot'

const theme = (overrides: Partial<RawTheme> = {}): RawTheme => ({
  themeId: 't1',
  title: 'Agents at parks',
  summary: 'A summary a facilitator approved.',
  summaryApproved: true,
  publicSummaryEn: 'For the public.',
  publicSummaryEs: 'Para el público.',
  total: 20,
  months: { '2025-07': 18, '2025-08': 2 },
  areas: { hollenbeck: 12, rampart: 6, harbor: 2 },
  settings: { park: 20 },
  agencies: { ice: 20, lapd: 3 },
  organizationKinds: { community: 20 },
  quotes: [],
  guidance: [],
  ...overrides,
})

const quote = (cells: Partial<RawQuote['cells']>): RawQuote => ({
  submissionId: '00000000-0000-4000-8000-000000000001',
  text: 'Quoted text',
  language: 'en',
  translations: [],
  cells: { month: '2025-07', area: 'hollenbeck', setting: 'park', agencies: ['ice'], organizationKind: 'community', ...cells },
})

describe('report snapshot', () => {
  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02'])
    expect(monthsBetween('2025-06', '2025-06')).toEqual(['2025-06'])
  })

  it('groups Areas under their bureau, then the catch-alls', () => {
    const cells = areaCells({ hollenbeck: 3, harbor: 2, 'not-given': 1, 'outside-city': 4 })
    expect(cells.map((c) => [c.key, c.count])).toEqual([
      ['central', 3],
      ['south', 2],
      ['west', 0],
      ['valley', 0],
      ['outside-city', 4],
      ['not-sure', 0],
      ['not-given', 1],
    ])
    expect(cells[0]!.children!.find((c) => c.key === 'hollenbeck')!.count).toBe(3)
  })

  it('shows a quote only when the theme and every group its submission is in reach the threshold', () => {
    const t = theme()
    expect(quoteAllowed(t, quote({}), 5)).toBe(true)
    expect(quoteAllowed(t, quote({ month: '2025-08' }), 5)).toBe(false) // August: 2
    expect(quoteAllowed(t, quote({ area: 'harbor' }), 5)).toBe(false) // Harbor: 2 (and South bureau: 2)
    expect(quoteAllowed(t, quote({ agencies: ['ice', 'lapd'] }), 5)).toBe(false) // LAPD: 3
    expect(quoteAllowed(t, quote({ agencies: [] }), 5)).toBe(false) // no agency given: 0
    expect(quoteAllowed(theme({ total: 4 }), quote({}), 5)).toBe(false)
  })

  it('keeps only suppressed figures and allowed quotes; a theme under the threshold shows nothing else', () => {
    const snapshot = suppressReport(
      {
        reportId: 'r1',
        title: 'Report',
        periodStart: '2025-07',
        periodEnd: '2025-08',
        filters: {},
        themes: [theme({ quotes: [quote({}), quote({ area: 'harbor' })] }), theme({ themeId: 't2', total: 3, months: { '2025-07': 3 }, areas: { hollenbeck: 3 }, settings: { park: 3 }, agencies: { ice: 3 }, organizationKinds: { community: 3 }, quotes: [quote({})] })],
      },
      5,
      { version: 2, publishedAt: new Date('2026-01-05T18:00:00Z'), publishedBy: 'Marcus' },
    )
    expect(snapshot).toMatchObject({ version: 2, publishedAt: '2026-01-05T18:00:00.000Z', publishedBy: 'Marcus', threshold: 5 })
    const [big, small] = snapshot.themes
    // July 18 shows as 20 (18..22) beside a total of 20 (18..22): August is 20 − 20 ± 4, so "fewer than 5" stays 1..4
    // without withholding July (before rounding, 20 − 18 = 2 forced July to be withheld).
    expect(big!.count).toEqual({ n: 20 })
    expect(big!.trend.cells).toEqual([
      { key: '2025-07', figure: { n: 20 } },
      { key: '2025-08', figure: { lt: 5 } },
    ])
    expect(big!.areas.cells[0]).toEqual({ key: 'central', figure: { n: 20 }, children: [{ key: 'rampart', figure: { n: 5 } }, { key: 'hollenbeck', figure: { n: 10 } }] })
    expect(snapshot).toMatchObject({ format: 2, rounding: 5 })
    expect(big!.quotes).toHaveLength(1)
    expect(big!.areas.cells.map((c) => c.key)).toEqual(['central', 'south']) // bureaus nobody is in are left out
    expect(small).toMatchObject({ count: { lt: 5 }, quotes: [], trend: { withheld: true }, settings: { withheld: true } })
    const numbers = JSON.stringify(snapshot).match(/"n":\d+/g)!.map((m) => Number(m.slice(4)))
    for (const n of numbers) expect(n === 0 || (n >= 5 && n % 5 === 0)).toBe(true)
  })

  it('rounds the exact counts of a version published before rounding when it is read', () => {
    const old = suppressReport(
      { reportId: 'r1', title: 'Report', periodStart: '2025-07', periodEnd: '2025-08', filters: {}, themes: [theme({ total: 27, months: { '2025-07': 26, '2025-08': 1 }, settings: { park: 27 }, organizationKinds: { community: 27 }, areas: { hollenbeck: 27 }, agencies: { ice: 27 } })] },
      5,
      { version: 1, publishedAt: null, publishedBy: null },
    )
    // A format-1 snapshot as it was stored: exact counts.
    const stored: ReportSnapshot = { ...old, format: 1, rounding: undefined, themes: old.themes.map((t) => ({ ...t, count: { n: 27 }, settings: { withheld: false, cells: [{ key: 'park', figure: { n: 27 } }] }, trend: { withheld: false, cells: [{ key: '2025-07', figure: { withheld: true } }, { key: '2025-08', figure: { lt: 5 } }] } })) }
    const read = readSnapshot(stored)
    expect(read.format).toBe(2)
    expect(read.themes[0]!.count).toEqual({ n: 25 })
    expect(read.themes[0]!.settings.cells[0]!.figure).toEqual({ n: 25 })
    expect(read.themes[0]!.trend.cells.map((c) => c.figure)).toEqual([{ withheld: true }, { lt: 5 }])
    expect(readSnapshot(old)).toBe(old)
  })
})
