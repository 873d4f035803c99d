import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportChange } from '../../server/reports/diff'
import type { ReportSnapshot, SnapshotTheme } from '../../server/reports/snapshot'
import type { Figure, FigureCell, SuppressedBreakdown } from '../../server/reports/suppress'
import { barLabel, barShape, chartMax } from '../../server/reports/chart'
import { cellLabel, figureText, type ReportDimension } from '../../server/schemas/report'
import { formatDate, formatMonth } from './submission-meta'

/**
 * A theme report as readers outside the workspace see it: only the figures of
 * a snapshot (already suppressed). Charts are server-rendered SVG with a title
 * and description, each followed by a table of the same figures.
 */

export function FigureText({ figure }: { figure: Figure }) {
  const { t, i18n } = useTranslation()
  const text = figureText(t, figure, i18n.language)
  if ('n' in figure) return <>{text}</>
  return <span className={'lt' in figure ? 'figure figure--fewer' : 'figure figure--withheld'}>{text}</span>
}

type Row = { key: string; label: string; figure: Figure; indent?: boolean }

const BAR = '#1d4e89'
const INK = '#1b1f24'
const MUTED = '#4a5561'

function scaleMax(rows: { figure: Figure }[], threshold: number) {
  return chartMax(rows.map((r) => r.figure), threshold)
}

/** Diagonal hatching for the stub that stands for "fewer than N" (see server/reports/chart.ts). */
function Hatch({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={id} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <line x1="0" y1="0" x2="0" y2="5" stroke={BAR} strokeWidth="2" />
      </pattern>
    </defs>
  )
}

function shortMonth(key: string, locale: string) {
  const [year, month] = key.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, 1)))
}

/** Columns per month: a bar for a count, a short hatched stub for "fewer than", nothing for withheld. */
export function TrendChart({ id, title, cells, threshold }: { id: string; title: string; cells: FigureCell[]; threshold: number }) {
  const { t, i18n } = useTranslation()
  const slot = 44
  const height = 160
  const top = 18
  const width = Math.max(320, cells.length * slot)
  const max = scaleMax(cells, threshold)
  const every = cells.length > 24 ? 3 : cells.length > 12 ? 2 : 1
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height + top + 30}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart__svg" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{t('reports.chartDesc')}</desc>
        <Hatch id={`${id}-hatch`} />
        <line x1="0" x2={width} y1={top + height} y2={top + height} stroke={MUTED} strokeWidth="1" />
        {cells.map((cell, i) => {
          const x = i * slot + 10
          const f = cell.figure
          const shape = barShape(f, threshold)
          const h = shape.kind === 'none' ? 0 : (shape.value / max) * height
          const label = barLabel(f, i18n.language)
          return (
            <g key={cell.key} data-shape={shape.kind}>
              {shape.kind === 'bar' ? <rect x={x} y={top + height - h} width={slot - 20} height={h} fill={BAR} /> : null}
              {shape.kind === 'stub' ? <rect x={x} y={top + height - h} width={slot - 20} height={h} fill={`url(#${id}-hatch)`} stroke={BAR} strokeWidth="1" /> : null}
              <text x={x + (slot - 20) / 2} y={top + height - h - 4} textAnchor="middle" fontSize="12" fill={INK}>
                {label}
              </text>
              {i % every === 0 ? (
                <text x={x + (slot - 20) / 2} y={top + height + 16} textAnchor="middle" fontSize="11" fill={MUTED}>
                  {shortMonth(cell.key, i18n.language)}
                </text>
              ) : null}
            </g>
          )
        })}
      </svg>
      <FigureTable caption={title} head={t('reports.month')} rows={cells.map((c) => ({ key: c.key, label: formatMonth(c.key, i18n.language), figure: c.figure }))} />
    </figure>
  )
}

/** Horizontal bars, one per category, with the label and the figure beside each. */
export function BarChart({ id, title, rows, threshold, note }: { id: string; title: string; rows: Row[]; threshold: number; note?: string }) {
  const { t } = useTranslation()
  const row = 26
  const labelWidth = 320
  const barWidth = 260
  const width = labelWidth + barWidth + 120
  const max = scaleMax(rows, threshold)
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${rows.length * row + 8}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart__svg chart__svg--bars">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{t('reports.chartDesc')}</desc>
        <Hatch id={`${id}-hatch`} />
        {rows.map((r, i) => {
          const y = i * row + 4
          const f = r.figure
          const shape = barShape(f, threshold)
          const w = shape.kind === 'none' ? 0 : (shape.value / max) * barWidth
          return (
            <g key={`${r.key}-${i}`} data-shape={shape.kind}>
              <text x={r.indent ? 16 : 0} y={y + 16} fontSize="13" fill={INK} fontWeight={r.indent ? 400 : 600}>
                {r.label.length > 38 ? `${r.label.slice(0, 37)}…` : r.label}
              </text>
              {shape.kind === 'bar' ? <rect x={labelWidth} y={y + 4} width={w} height={row - 10} fill={BAR} opacity={r.indent ? 0.75 : 1} /> : null}
              {shape.kind === 'stub' ? <rect x={labelWidth} y={y + 4} width={w} height={row - 10} fill={`url(#${id}-hatch)`} stroke={BAR} strokeWidth="1" /> : null}
              <text x={width} y={y + 16} fontSize="13" fill={INK} textAnchor="end">
                {figureText(t, f)}
              </text>
            </g>
          )
        })}
      </svg>
      <FigureTable caption={title} head={t('reports.category')} rows={rows} />
      {note ? <figcaption className="field__help">{note}</figcaption> : null}
    </figure>
  )
}

function FigureTable({ caption, head, rows }: { caption: string; head: string; rows: Row[] }) {
  const { t } = useTranslation()
  return (
    <table className="table table--figures">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            {t('reports.count')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.key}-${i}`}>
            <th scope="row" className={r.indent ? 'indent' : undefined}>
              {r.label}
            </th>
            <td className="num">
              <FigureText figure={r.figure} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function breakdownRows(t: (k: string, o?: Record<string, unknown>) => string, dimension: ReportDimension, breakdown: SuppressedBreakdown): Row[] {
  if (dimension === 'areas') {
    return breakdown.cells.flatMap((cell) => [
      { key: cell.key, label: cellLabel(t, 'bureaus', cell.key), figure: cell.figure },
      ...(cell.children ?? []).map((child) => ({ key: child.key, label: cellLabel(t, 'areas', child.key), figure: child.figure, indent: true })),
      // Under a bureau shown as "fewer than", Areas are never listed; elsewhere say that they were held back.
      ...(cell.childrenWithheld && !('lt' in cell.figure) ? [{ key: `${cell.key}-hidden`, label: t('reports.areasNotListed'), figure: { withheld: true } as Figure, indent: true }] : []),
    ])
  }
  return breakdown.cells.map((cell) => ({ key: cell.key, label: cellLabel(t, dimension, cell.key), figure: cell.figure }))
}

export function Breakdown({ id, title, dimension, breakdown, threshold }: { id: string; title: string; dimension: ReportDimension; breakdown: SuppressedBreakdown; threshold: number }) {
  const { t } = useTranslation()
  if (breakdown.withheld) return <p className="empty">{t('reports.breakdownWithheld')}</p>
  const rows = breakdownRows(t, dimension, breakdown)
  if (rows.length === 0) return <p className="empty">{t('reports.noneInBreakdown')}</p>
  return <BarChart id={id} title={title} rows={rows} threshold={threshold} note={dimension === 'agencies' ? t('reports.agenciesOverlap') : undefined} />
}

export function Quotes({ quotes }: { quotes: SnapshotTheme['quotes'] }) {
  const { t } = useTranslation()
  if (quotes.length === 0) return <p className="empty">{t('reports.noQuotes')}</p>
  const languageName = (code: string) => t(`language.${code}`, { defaultValue: code })
  return (
    <ul className="quote-list">
      {quotes.map((q, i) =>
        q.withdrawn ? (
          <li key={i} className="quote quote--withdrawn" data-testid="quote-withdrawn">
            <p className="empty">{t('reports.quoteWithdrawn')}</p>
          </li>
        ) : (
          <li key={i} className="quote">
          <div className="quote__original">
            <p className="quote__label">{t('reports.quoteLanguage', { language: languageName(q.language) })}</p>
            <blockquote className="testimony" lang={q.language === 'other' ? undefined : q.language}>
              {q.text}
            </blockquote>
          </div>
          {q.translations.length === 0 ? (
            <div className="quote__translation">
              <p className="quote__label">{t('reports.noTranslation')}</p>
            </div>
          ) : null}
          {q.translations.map((tr) => (
            <div key={tr.lang} className="quote__translation">
              <p className="quote__label">{tr.kind === 'human' ? t('reports.humanTranslation', { language: languageName(tr.lang) }) : t('reports.machineTranslation', { language: languageName(tr.lang) })}</p>
              <blockquote className="testimony testimony--translation" lang={tr.lang}>
                {tr.text}
              </blockquote>
            </div>
          ))}
          </li>
        ),
      )}
    </ul>
  )
}

export function GuidanceList({ items }: { items: SnapshotTheme['guidance'] }) {
  const { t, i18n } = useTranslation()
  return (
    <ul className="guidance-list">
      {items.map((g) => {
        const spanish = i18n.language === 'es' && g.textEs
        return (
          <li key={g.id}>
            <p className="card__meta">
              <span className={`status guidance--${g.status}`}>{t(`guidance.status.${g.status}`)}</span> {formatDate(`${g.decidedOn}T12:00:00Z`, i18n.language)}
            </p>
            <p lang={spanish ? 'es' : 'en'}>{spanish ? g.textEs : g.textEn}</p>
          </li>
        )
      })}
    </ul>
  )
}

/** One theme of a report: headline count, summary, trend, breakdowns, quotes, guidance, then whatever the page adds (comments). */
export function ThemeSection({ theme, index, threshold, guidanceSince, children }: { theme: SnapshotTheme; index: number; threshold: number; guidanceSince?: SnapshotTheme['guidance']; children?: ReactNode }) {
  const { t } = useTranslation()
  const id = `theme-${index + 1}`
  return (
    <section className="report-theme" id={id} aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>
        {index + 1}. {theme.title}
      </h2>
      <p className="report-theme__count">
        {t('reports.submissionsLabel')}{' '}
        <strong>
          <FigureText figure={theme.count} />
        </strong>
      </p>
      {theme.summary ? (
        <>
          <h3>{t('reports.summary')}</h3>
          <p className="report-theme__summary">{theme.summary}</p>
        </>
      ) : null}
      <h3>{t('reports.trend')}</h3>
      {theme.trend.withheld ? <p className="empty">{t('reports.breakdownWithheld')}</p> : <TrendChart id={`${id}-trend`} title={`${theme.title}: ${t('reports.trend')}`} cells={theme.trend.cells} threshold={threshold} />}
      <div className="breakdowns">
        {(
          [
            ['areas', 'reports.byArea'],
            ['settings', 'reports.bySetting'],
            ['agencies', 'reports.byAgency'],
            ['organizationKinds', 'reports.byOrganizationKind'],
          ] as const
        ).map(([dimension, key]) => (
          <div key={dimension}>
            <h3>{t(key)}</h3>
            <Breakdown id={`${id}-${dimension}`} title={`${theme.title}: ${t(key)}`} dimension={dimension} breakdown={theme[dimension]} threshold={threshold} />
          </div>
        ))}
      </div>
      <h3>{t('reports.quotes')}</h3>
      <Quotes quotes={theme.quotes} />
      <h3>{t('reports.guidance')}</h3>
      {theme.guidance.length === 0 && !guidanceSince?.length ? <p className="empty">{t('reports.noGuidance')}</p> : <GuidanceList items={theme.guidance} />}
      {guidanceSince?.length ? (
        <>
          <p className="field__help">{t('reports.guidanceSince')}</p>
          <GuidanceList items={guidanceSince} />
        </>
      ) : null}
      {children}
    </section>
  )
}

/** The report's filters in words, one per filter ("Central Bureau", "Park"), in the reader's language. */
export function filterLabels(t: (k: string, o?: Record<string, unknown>) => string, filters: ReportSnapshot['filters'] | undefined): string[] {
  return Object.entries(filters ?? {})
    .filter(([, v]) => v)
    .map(([key, value]) => {
      switch (key) {
        case 'bureau':
          return t(`bureau.${value}`)
        case 'area':
          return t(`area.${value}`)
        case 'setting':
          return t(`setting.${value}`)
        case 'agency':
          return t(`agency.${value}`)
        case 'language':
          return t(`language.${value}`)
        default:
          return cellLabel(t, 'organizationKinds', value ?? '')
      }
    })
}

/** A report's period, short: "June–December 2025", "November 2025–February 2026", "June 2025". */
export function formatPeriod(t: (k: string, o?: Record<string, unknown>) => string, start: string, end: string, locale: string): string {
  if (start === end) return formatMonth(start, locale)
  const [startYear] = start.split('-')
  const [endYear] = end.split('-')
  if (startYear !== endYear) return t('reports.periodRange', { from: formatMonth(start, locale), to: formatMonth(end, locale) })
  const month = (key: string) => {
    const [year, m] = key.split('-').map(Number)
    return new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, m! - 1, 1)))
  }
  return t('reports.periodSameYear', { from: month(start), to: month(end), year: endYear })
}

/** A public count said with what it counts: "25 testimonies, June–December 2025, Central Bureau". */
export function publicCountLine(
  t: (k: string, o?: Record<string, unknown>) => string,
  locale: string,
  report: { periodStart: string; periodEnd: string; filters?: ReportSnapshot['filters'] },
  count: Figure,
): string {
  const filters = filterLabels(t, report.filters)
  return t(filters.length ? 'publicPage.countLine' : 'publicPage.countLineAll', {
    count: figureText(t, count, locale),
    period: formatPeriod(t, report.periodStart, report.periodEnd, locale),
    filters: filters.join(', '),
  })
}

export function ReportHeader({ snapshot }: { snapshot: ReportSnapshot }) {
  const { t, i18n } = useTranslation()
  const filters = filterLabels(t, snapshot.filters)
  return (
    <dl className="meta report-meta">
      <dt>{t('reports.period')}</dt>
      <dd>
        {formatMonth(snapshot.periodStart, i18n.language)} – {formatMonth(snapshot.periodEnd, i18n.language)}
      </dd>
      <dt>{t('reports.filters')}</dt>
      <dd>{filters.length ? filters.join(' · ') : t('reports.noFilters')}</dd>
      {snapshot.version > 0 && snapshot.publishedAt ? (
        <>
          <dt>{t('reports.versions')}</dt>
          <dd>{t('reports.publishedBy', { version: snapshot.version, date: formatDate(snapshot.publishedAt, i18n.language), name: snapshot.publishedBy ?? '' })}</dd>
          {snapshot.reidentificationReviews?.length ? (
            <>
              <dt>{t('reports.reidReviewsTerm')}</dt>
              <dd>
                {[...new Set(snapshot.reidentificationReviews.map((r) => r.reviewedBy))].join(', ')} ({t('reports.reidReviewsCount', { count: snapshot.reidentificationReviews.length })})
              </dd>
            </>
          ) : null}
        </>
      ) : null}
    </dl>
  )
}

/** The changes between two versions, one sentence each. */
export function ChangeList({ changes }: { changes: ReportChange[] }) {
  const { t, i18n } = useTranslation()
  const fig = (f: Figure) => figureText(t, f, i18n.language)
  const dimensionName = (d: string) => t(d === 'trend' ? 'reports.trend' : d === 'areas' ? 'reports.byArea' : d === 'settings' ? 'reports.bySetting' : d === 'agencies' ? 'reports.byAgency' : 'reports.byOrganizationKind')
  const sentence = (c: ReportChange): string => {
    switch (c.kind) {
      case 'title':
        return t('reports.changes.title', { from: c.from, to: c.to })
      case 'period':
        return t('reports.changes.period', { from: c.from.join(' – '), to: c.to.join(' – ') })
      case 'filters':
        return t('reports.changes.filters')
      case 'threshold':
        return t('reports.changes.threshold', { from: c.from, to: c.to })
      case 'themeAdded':
        return t('reports.changes.themeAdded', { theme: c.theme })
      case 'themeRemoved':
        return t('reports.changes.themeRemoved', { theme: c.theme })
      case 'themeMoved':
        return t('reports.changes.themeMoved', { theme: c.theme, from: c.from, to: c.to })
      case 'themeRenamed':
        return t('reports.changes.themeRenamed', { from: c.from, to: c.to })
      case 'summary':
        return t('reports.changes.summary', { theme: c.theme })
      case 'publicSummary':
        return t('reports.changes.publicSummary', { theme: c.theme })
      case 'count':
        return t('reports.changes.count', { theme: c.theme, from: fig(c.from), to: fig(c.to) })
      case 'breakdownWithheld':
        return t(c.withheld ? 'reports.changes.breakdownWithheld' : 'reports.changes.breakdownShown', { theme: c.theme, dimension: dimensionName(c.dimension) })
      case 'cell':
        return t('reports.changes.cell', {
          theme: c.theme,
          dimension: dimensionName(c.dimension),
          key: c.dimension === 'trend' ? formatMonth(c.key, i18n.language) : cellLabel(t, c.dimension, c.key),
          from: fig(c.from),
          to: fig(c.to),
        })
      case 'quotesAdded':
        return t('reports.changes.quotesAdded', { theme: c.theme, count: c.count })
      case 'quotesRemoved':
        return t('reports.changes.quotesRemoved', { theme: c.theme, count: c.count })
      case 'guidanceAdded':
        return t('reports.changes.guidanceAdded', { theme: c.theme, text: c.text })
      case 'guidanceRemoved':
        return t('reports.changes.guidanceRemoved', { theme: c.theme, text: c.text })
      case 'guidanceStatus':
        return t('reports.changes.guidanceStatus', { theme: c.theme, text: c.text, from: t(`guidance.status.${c.from}`), to: t(`guidance.status.${c.to}`) })
    }
  }
  return (
    <ul className="change-list">
      {changes.map((c, i) => (
        <li key={i}>{sentence(c)}</li>
      ))}
    </ul>
  )
}
