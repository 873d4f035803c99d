import { describe, expect, it } from 'vitest'
import { publishableSummaries, suppressTheme, summaryNeedsApproval, type RawTheme } from './snapshot'
import { mayBeQuoted, verbatimWarnings, type MemberText } from './summary-check'

const theme = (overrides: Partial<RawTheme> = {}): RawTheme => ({
  themeId: 't1',
  title: 'Agents at parks',
  summary: 'People describe agents arriving at parks without identifying themselves.',
  summaryApproved: true,
  publicSummaryEn: 'Agents waited at parks.',
  publicSummaryEs: 'Agentes esperaban en parques.',
  total: 20,
  months: { '2025-07': 18, '2025-08': 2 },
  areas: { hollenbeck: 20 },
  settings: { park: 20 },
  agencies: { ice: 20 },
  organizationKinds: { community: 20 },
  quotes: [],
  guidance: [],
  ...overrides,
})

const RETIRED = "I'm retired and I live alone in El Sereno, near the park on Huntington Drive."
const member = (overrides: Partial<MemberText> = {}): MemberText => ({
  submissionId: 's1',
  receiptCode: 'AAA-BBB-CCC',
  texts: [RETIRED],
  consentQuote: true,
  inReport: true,
  cells: { month: '2025-07', area: 'hollenbeck', setting: 'park', agencies: ['ice'], organizationKind: 'community' },
  ...overrides,
})

describe('only words a facilitator approved are published', () => {
  it('publishes an approved summary, never a machine draft, and refuses to publish the draft', () => {
    expect(publishableSummaries(theme(), 5).summary).toBe('People describe agents arriving at parks without identifying themselves.')
    const draft = theme({ summaryApproved: false, summary: RETIRED })
    expect(publishableSummaries(draft, 5).summary).toBe('')
    expect(suppressTheme(draft, '2025-07', '2025-08', 5).summary).toBe('')
    expect(summaryNeedsApproval(draft, 5)).toBe(true)
    expect(summaryNeedsApproval(theme(), 5)).toBe(false)
    expect(summaryNeedsApproval(theme({ summaryApproved: false, summary: '  ' }), 5)).toBe(false)
  })

  it('a theme under the threshold publishes its title and "fewer than N" only, approved or not', () => {
    const small = theme({ total: 3, months: { '2025-07': 3 }, areas: { hollenbeck: 3 }, settings: { park: 3 }, agencies: { ice: 3 }, organizationKinds: { community: 3 } })
    const published = suppressTheme(small, '2025-07', '2025-08', 5)
    expect(published).toMatchObject({ title: 'Agents at parks', count: { lt: 5 }, summary: '', publicSummary: { en: '', es: '' }, quotes: [] })
    expect(summaryNeedsApproval({ ...small, summaryApproved: false }, 5)).toBe(false)
  })
})

describe('verbatimWarnings', () => {
  const copying = theme({ summary: `One person said: ${RETIRED}` })

  it('warns, naming the testimony, when a summary copies 8+ words of a member that did not consent to quoting', () => {
    expect(verbatimWarnings(copying, [member({ consentQuote: false })], 5)).toEqual([{ themeId: 't1', field: 'summary', submissionId: 's1', receiptCode: 'AAA-BBB-CCC' }])
  })

  it('warns when the member is in a small cell, outside the period or filters, or when a public summary copies a translation', () => {
    const small = theme({ ...copying, areas: { hollenbeck: 17, rampart: 3 } })
    expect(verbatimWarnings(small, [member({ cells: { ...member().cells, area: 'rampart' } })], 5)).toHaveLength(1)
    expect(verbatimWarnings(copying, [member({ inReport: false })], 5)).toHaveLength(1)
    const es = theme({ publicSummaryEs: 'Una persona: estoy jubilada y vivo sola en El Sereno, cerca del parque.' })
    expect(verbatimWarnings(es, [member({ consentQuote: false, texts: [RETIRED, 'Estoy jubilada y vivo sola en El Sereno, cerca del parque en Huntington Drive.'] })], 5)).toEqual([
      { themeId: 't1', field: 'publicSummaryEs', submissionId: 's1', receiptCode: 'AAA-BBB-CCC' },
    ])
  })

  it('stays quiet for a member who may be quoted, for seven words, and for a theme under the threshold', () => {
    expect(mayBeQuoted(copying, member(), 5)).toBe(true)
    expect(verbatimWarnings(copying, [member()], 5)).toEqual([])
    expect(verbatimWarnings(theme({ summary: 'retired and I live alone in El' }), [member({ consentQuote: false })], 5)).toEqual([])
    expect(verbatimWarnings({ ...copying, total: 4 }, [member({ consentQuote: false })], 5)).toEqual([])
  })
})
