import { describe, expect, it } from 'vitest'
import { diffSnapshots } from './diff'
import type { ReportSnapshot, SnapshotTheme } from './snapshot'

const none = { withheld: false, cells: [] }
const theme = (id: string, overrides: Partial<SnapshotTheme> = {}): SnapshotTheme => ({
  themeId: id,
  title: `Theme ${id}`,
  summary: 'Summary',
  publicSummary: { en: '', es: '' },
  count: { n: 10 },
  trend: { withheld: false, cells: [{ key: '2025-07', figure: { n: 10 } }] },
  areas: none,
  settings: { withheld: false, cells: [{ key: 'park', figure: { n: 10 } }] },
  agencies: none,
  organizationKinds: none,
  quotes: [],
  guidance: [],
  ...overrides,
})
const snapshot = (themes: SnapshotTheme[], overrides: Partial<ReportSnapshot> = {}): ReportSnapshot => ({
  format: 1,
  reportId: 'r',
  title: 'Report',
  periodStart: '2025-06',
  periodEnd: '2025-08',
  filters: {},
  threshold: 5,
  version: 1,
  publishedAt: null,
  publishedBy: null,
  themes,
  ...overrides,
})

describe('what changed between versions', () => {
  it('finds nothing between equal versions', () => {
    expect(diffSnapshots(snapshot([theme('a')]), snapshot([theme('a')], { version: 2 }))).toEqual([])
  })

  it('reports title, period, added, removed and renamed themes, and moves not caused by an insertion', () => {
    const before = snapshot([theme('a'), theme('b'), theme('c')])
    const after = snapshot([theme('new'), theme('c'), theme('a', { title: 'Theme A, renamed' })], { title: 'Report, v2', periodEnd: '2025-09' })
    expect(diffSnapshots(before, after)).toEqual([
      { kind: 'title', from: 'Report', to: 'Report, v2' },
      { kind: 'period', from: ['2025-06', '2025-08'], to: ['2025-06', '2025-09'] },
      { kind: 'themeAdded', theme: 'Theme new' },
      { kind: 'themeMoved', theme: 'Theme c', from: 3, to: 2 },
      { kind: 'themeMoved', theme: 'Theme A, renamed', from: 1, to: 3 },
      { kind: 'themeRenamed', from: 'Theme a', to: 'Theme A, renamed' },
      { kind: 'themeRemoved', theme: 'Theme b' },
    ])
    // Adding a theme in front moves nobody.
    expect(diffSnapshots(snapshot([theme('a'), theme('b')]), snapshot([theme('x'), theme('a'), theme('b')])).map((c) => c.kind)).toEqual(['themeAdded'])
  })

  it('compares suppressed figures cell by cell, quotes by text and guidance by id', () => {
    const before = snapshot([theme('a', { guidance: [{ id: 'g1', textEn: 'Identify yourselves', textEs: '', status: 'proposed', decidedOn: '2026-01-01' }], quotes: [{ language: 'en', text: 'One', translations: [] }] })])
    const after = snapshot([
      theme('a', {
        count: { n: 12 },
        settings: { withheld: false, cells: [{ key: 'park', figure: { withheld: true } }, { key: 'school', figure: { lt: 5 } }] },
        guidance: [{ id: 'g1', textEn: 'Identify yourselves', textEs: '', status: 'adopted', decidedOn: '2026-01-02' }],
        quotes: [{ language: 'en', text: 'Two', translations: [] }],
      }),
    ])
    expect(diffSnapshots(before, after)).toEqual([
      { kind: 'count', theme: 'Theme a', from: { n: 10 }, to: { n: 12 } },
      { kind: 'cell', theme: 'Theme a', dimension: 'settings', key: 'park', from: { n: 10 }, to: { withheld: true } },
      { kind: 'cell', theme: 'Theme a', dimension: 'settings', key: 'school', from: { n: 0 }, to: { lt: 5 } },
      { kind: 'quotesAdded', theme: 'Theme a', count: 1 },
      { kind: 'quotesRemoved', theme: 'Theme a', count: 1 },
      { kind: 'guidanceStatus', theme: 'Theme a', text: 'Identify yourselves', from: 'proposed', to: 'adopted' },
    ])
  })
})
