/**
 * What a theme report shows, and how the counts gathered for it become what a
 * reader outside the workspace may see. Pure: the service gathers a
 * `RawReport` from the database; `suppressReport` turns it into the
 * `ReportSnapshot` that is stored when a version is published (and computed on
 * the fly for a draft). The snapshot holds only suppressed figures.
 */
import { AGENCIES, BUREAUS, SETTINGS, type Bureau } from '../schemas/reference'
import type { ReidFlags } from './reidentification'
import { ROUNDING_BASE, roundCount, suppressCount, suppressIndependent, suppressPartitions, type CountCell, type Figure, type FigureCell, type SuppressedBreakdown } from './suppress'

/** The catch-all key of a breakdown for submissions that did not give the field. */
export const NOT_GIVEN = 'not-given'
/** The organization-type key of testimony that came through an intake link with no organization. */
export const NO_ORGANIZATION = 'none'

export type ReportFilters = {
  bureau?: string
  area?: string
  setting?: string
  agency?: string
  language?: string
  organizationKind?: string
}

export type GuidanceStatus = 'proposed' | 'adopted' | 'published'
export type GuidanceRef = { id: string; textEn: string; textEs: string; status: GuidanceStatus; decidedOn: string }
export type QuoteTranslation = { lang: string; text: string; kind: 'machine' | 'human' }

/** A representative quote with the cells its submission falls in (never stored in a snapshot). */
export type RawQuote = {
  /** The testimony quoted: stored beside a published quote (never in the snapshot) so that withdrawal can find it. */
  submissionId: string
  text: string
  language: string
  translations: QuoteTranslation[]
  cells: { month: string; area: string; setting: string; agencies: string[]; organizationKind: string }
  /** Issue 12 §4: the re-identification check, and the facilitator's review for this report if any. */
  reid?: { flags: ReidFlags; review: { by: string; at: string } | null }
}

export type RawTheme = {
  themeId: string
  title: string
  summary: string
  /** A facilitator wrote or approved `summary` (issue 12 §2); a machine draft is never published. */
  summaryApproved: boolean
  publicSummaryEn: string
  publicSummaryEs: string
  total: number
  /** Every month of the period, zero included. */
  months: Record<string, number>
  /** By Area code (or `outside-city`, `not-sure`, NOT_GIVEN). */
  areas: Record<string, number>
  settings: Record<string, number>
  /** A submission may name several agencies, or none (NOT_GIVEN). */
  agencies: Record<string, number>
  organizationKinds: Record<string, number>
  quotes: RawQuote[]
  guidance: GuidanceRef[]
}

export type RawReport = {
  reportId: string
  title: string
  periodStart: string
  periodEnd: string
  filters: ReportFilters
  themes: RawTheme[]
}

/**
 * A quote of a report. Published versions keep their quotes outside the
 * snapshot JSON (table report_version_quotes), so that a withdrawal can blank
 * them: a withdrawn quote has `withdrawn: true`, an empty text and no
 * translations, and readers see that it was withdrawn.
 */
export type SnapshotQuote = { language: string; text: string; translations: QuoteTranslation[]; withdrawn?: true }

export type SnapshotTheme = {
  themeId: string
  title: string
  summary: string
  publicSummary: { en: string; es: string }
  count: Figure
  /** One cell per month of the period, in order (zeros included). */
  trend: SuppressedBreakdown
  /** Bureaus with their Areas as sub-cells, then outside the City, not sure, not given. */
  areas: SuppressedBreakdown
  settings: SuppressedBreakdown
  agencies: SuppressedBreakdown
  organizationKinds: SuppressedBreakdown
  quotes: SnapshotQuote[]
  guidance: GuidanceRef[]
}

export type ReportSnapshot = {
  /** 2: counts rounded to `rounding` (docs/decisions/071). 1: exact counts, published before; rounded when read (`readSnapshot`). */
  format: 1 | 2
  /** Counts at or above the threshold are shown rounded to the nearest multiple of this. */
  rounding?: number
  reportId: string
  title: string
  periodStart: string
  periodEnd: string
  filters: ReportFilters
  threshold: number
  /** 0 for a draft. */
  version: number
  publishedAt: string | null
  publishedBy: string | null
  /** Issue 12 §4: quotes flagged for re-identification that a facilitator reviewed before this version (by position in their theme). */
  reidentificationReviews?: { themeId: string; position: number; reviewedBy: string; reviewedAt: string }[]
  themes: SnapshotTheme[]
}

export const BREAKDOWNS = ['areas', 'settings', 'agencies', 'organizationKinds'] as const
export type BreakdownName = (typeof BREAKDOWNS)[number]

/** YYYY-MM months from `start` to `end`, inclusive. */
export function monthsBetween(start: string, end: string): string[] {
  const out: string[] = []
  let [year, month] = start.split('-').map(Number) as [number, number]
  const [endYear, endMonth] = end.split('-').map(Number) as [number, number]
  while (year < endYear || (year === endYear && month <= endMonth)) {
    out.push(`${year}-${String(month).padStart(2, '0')}`)
    month++
    if (month > 12) {
      month = 1
      year++
    }
  }
  return out
}

const BUREAU_KEYS = Object.keys(BUREAUS) as Bureau[]

/** Bureaus with their Areas under them, then the catch-alls: the cells of the Area breakdown. */
export function areaCells(areas: Record<string, number>): CountCell[] {
  const cells: CountCell[] = BUREAU_KEYS.map((bureau) => {
    const children = BUREAUS[bureau].map((area) => ({ key: area, count: areas[area] ?? 0 }))
    return { key: bureau, count: children.reduce((s, c) => s + c.count, 0), children }
  })
  for (const key of ['outside-city', 'not-sure', NOT_GIVEN]) cells.push({ key, count: areas[key] ?? 0 })
  return cells
}

const ordered = (counts: Record<string, number>, order: readonly string[], last: string): CountCell[] => {
  const keys = [...order, ...Object.keys(counts).filter((k) => !order.includes(k) && k !== last).sort(), last]
  return keys.map((key) => ({ key, count: counts[key] ?? 0 }))
}

/** Cells nobody is in are left out of the stored breakdowns (the trend keeps every month). */
function dropZeros(breakdown: SuppressedBreakdown): SuppressedBreakdown {
  const keep = (cells: SuppressedBreakdown['cells']): SuppressedBreakdown['cells'] =>
    cells
      .filter((c) => !('n' in c.figure && c.figure.n === 0))
      .map((c) => (c.children ? { ...c, children: keep(c.children) } : c))
  return { withheld: breakdown.withheld, cells: keep(breakdown.cells) }
}

const WITHHELD: SuppressedBreakdown = { withheld: true, cells: [] }

/**
 * Whether a quote may be shown: its theme is at or above the threshold, and so
 * is every cell its submission falls in (month, Area and bureau, setting, each
 * agency, organization type), so that no quote speaks for a small group.
 */
export function quoteAllowed(theme: RawTheme, quote: RawQuote, threshold: number): boolean {
  if (theme.total < threshold) return false
  const { month, area, setting, agencies, organizationKind } = quote.cells
  const bureau = BUREAU_KEYS.find((b) => (BUREAUS[b] as readonly string[]).includes(area))
  const bureauCount = bureau ? BUREAUS[bureau].reduce((s, a) => s + (theme.areas[a] ?? 0), 0) : null
  const counts = [
    theme.months[month] ?? 0,
    theme.areas[area] ?? 0,
    bureauCount ?? threshold,
    theme.settings[setting] ?? 0,
    ...(agencies.length ? agencies : [NOT_GIVEN]).map((a) => theme.agencies[a] ?? 0),
    theme.organizationKinds[organizationKind] ?? 0,
  ]
  return counts.every((n) => n >= threshold)
}

/** Flagged for re-identification and not reviewed by a facilitator for this report: left out (issue 12 §4). */
export const heldForReview = (quote: RawQuote) => !!quote.reid?.flags.flagged && !quote.reid.review

/** The quotes of a theme a version may publish, in order. */
export function publishableQuotes(theme: RawTheme, threshold: number): RawQuote[] {
  return theme.quotes.filter((q) => quoteAllowed(theme, q, threshold) && !heldForReview(q))
}

/**
 * A theme's summaries as a version may publish them (issue 12 §2): only words a
 * facilitator wrote or approved, and for a theme under the threshold none at
 * all (its title and "fewer than N" only).
 */
export function publishableSummaries(theme: RawTheme, threshold: number): { summary: string; publicSummary: { en: string; es: string } } {
  if (theme.total < threshold) return { summary: '', publicSummary: { en: '', es: '' } }
  return { summary: theme.summaryApproved ? theme.summary : '', publicSummary: { en: theme.publicSummaryEn, es: theme.publicSummaryEs } }
}

/** Whether publishing must wait for a facilitator to write or approve this theme's summary. */
export function summaryNeedsApproval(theme: RawTheme, threshold: number): boolean {
  return theme.total >= threshold && !theme.summaryApproved && theme.summary.trim() !== ''
}

export function suppressTheme(theme: RawTheme, periodStart: string, periodEnd: string, threshold: number): SnapshotTheme {
  const base = {
    themeId: theme.themeId,
    title: theme.title,
    ...publishableSummaries(theme, threshold),
    count: suppressCount(theme.total, threshold),
    guidance: theme.guidance,
  }
  if (theme.total < threshold) {
    return { ...base, trend: WITHHELD, areas: WITHHELD, settings: WITHHELD, agencies: WITHHELD, organizationKinds: WITHHELD, quotes: [] }
  }
  const months = monthsBetween(periodStart, periodEnd).map((key) => ({ key, count: theme.months[key] ?? 0 }))
  // The four breakdowns that add up to the theme's count are protected together: a reader can combine them.
  const [trend, areas, settings, organizationKinds] = suppressPartitions(
    theme.total,
    [months, areaCells(theme.areas), ordered(theme.settings, SETTINGS, NOT_GIVEN), ordered(theme.organizationKinds, [], NO_ORGANIZATION)],
    threshold,
  ) as [SuppressedBreakdown, SuppressedBreakdown, SuppressedBreakdown, SuppressedBreakdown]
  return {
    ...base,
    trend,
    areas: dropZeros(areas),
    settings: dropZeros(settings),
    agencies: dropZeros(suppressIndependent(ordered(theme.agencies, AGENCIES, NOT_GIVEN), threshold)),
    organizationKinds: dropZeros(organizationKinds),
    quotes: publishableQuotes(theme, threshold).map(({ language, text, translations }) => ({ language, text, translations })),
  }
}

export function suppressReport(raw: RawReport, threshold: number, publication: { version: number; publishedAt: Date | null; publishedBy: string | null }): ReportSnapshot {
  return {
    format: 2,
    rounding: ROUNDING_BASE,
    reportId: raw.reportId,
    title: raw.title,
    periodStart: raw.periodStart,
    periodEnd: raw.periodEnd,
    filters: raw.filters,
    threshold,
    version: publication.version,
    publishedAt: publication.publishedAt ? publication.publishedAt.toISOString() : null,
    publishedBy: publication.publishedBy,
    reidentificationReviews: raw.themes.flatMap((theme) =>
      publishableQuotes(theme, threshold).flatMap((q, i) => (q.reid?.flags.flagged && q.reid.review ? [{ themeId: theme.themeId, position: i + 1, reviewedBy: q.reid.review.by, reviewedAt: q.reid.review.at }] : [])),
    ),
    themes: raw.themes.map((theme) => suppressTheme(theme, raw.periodStart, raw.periodEnd, threshold)),
  }
}

/** How many cells of a theme will be shown as "fewer than" or withheld, and how many quotes held back (for the builder, inside the workspace). */
export function suppressionPreview(raw: RawTheme, snapshot: SnapshotTheme) {
  let fewer = 0
  let withheld = 0
  const walk = (cells: SuppressedBreakdown['cells']) => {
    for (const c of cells) {
      if ('lt' in c.figure) fewer++
      if ('withheld' in c.figure) withheld++
      if (c.children) walk(c.children)
    }
  }
  const breakdowns = [snapshot.trend, ...BREAKDOWNS.map((b) => snapshot[b])]
  for (const b of breakdowns) walk(b.cells)
  return { fewer, withheld, breakdownsWithheld: breakdowns.filter((b) => b.withheld).length, quotesShown: snapshot.quotes.length, quotesHeldBack: raw.quotes.length - snapshot.quotes.length }
}

/**
 * A stored snapshot as readers may see it. Versions published before counts
 * were rounded (format 1) hold exact counts at or above the threshold; they are
 * rounded here, on every read, so no reader sees an exact count of any version.
 * Rounding only takes information away, so what those versions already
 * protected stays protected (docs/decisions/071).
 */
export function readSnapshot(stored: ReportSnapshot): ReportSnapshot {
  if (stored.format !== 1) return stored
  const threshold = stored.threshold
  const round = (f: Figure): Figure => ('n' in f ? { n: f.n === 0 ? 0 : roundCount(Math.max(f.n, threshold), threshold) } : f)
  const cells = (list: FigureCell[]): FigureCell[] => list.map((c) => ({ ...c, figure: round(c.figure), ...(c.children ? { children: cells(c.children) } : {}) }))
  const breakdown = (b: SuppressedBreakdown): SuppressedBreakdown => ({ withheld: b.withheld, cells: cells(b.cells) })
  return {
    ...stored,
    format: 2,
    rounding: ROUNDING_BASE,
    themes: stored.themes.map((t) => ({
      ...t,
      count: round(t.count),
      trend: breakdown(t.trend),
      areas: breakdown(t.areas),
      settings: breakdown(t.settings),
      agencies: breakdown(t.agencies),
      organizationKinds: breakdown(t.organizationKinds),
    })),
  }
}
