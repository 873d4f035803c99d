/**
 * The tables of a published report as CSV for spreadsheets: one row per figure,
 * only suppressed figures, labels in the reader's language. Pure.
 */
import { toCsv } from '../lib/csv'
import { cellLabel, figureText, type ReportDimension } from '../schemas/report'
import type { ReportSnapshot } from './snapshot'
import type { Figure, FigureCell, SuppressedBreakdown } from './suppress'

type Translate = (key: string, options?: Record<string, unknown>) => string

/** Re-exported: the shared writer (server/lib/csv.ts) applies it to every cell. */

export function reportCsv(snapshot: ReportSnapshot, t: Translate): string {
  const header = [t('reports.csv.theme'), t('reports.csv.table'), t('reports.csv.category'), t('reports.csv.count')]
  const rows: string[][] = []
  const figure = (f: Figure) => figureText(t, f)
  const tableName: Record<ReportDimension, string> = {
    trend: t('reports.trend'),
    bureaus: t('reports.byBureau'),
    areas: t('reports.byArea'),
    settings: t('reports.bySetting'),
    agencies: t('reports.byAgency'),
    organizationKinds: t('reports.byOrganizationKind'),
  }
  for (const theme of snapshot.themes) {
    rows.push([theme.title, t('reports.csv.total'), '', figure(theme.count)])
    const table = (dimension: ReportDimension, breakdown: SuppressedBreakdown, cells: FigureCell[] = breakdown.cells) => {
      if (breakdown.withheld) {
        rows.push([theme.title, tableName[dimension], '', t('reports.breakdownWithheldShort')])
        return
      }
      for (const cell of cells) rows.push([theme.title, tableName[dimension], cellLabel(t, dimension, cell.key), figure(cell.figure)])
    }
    table('trend', theme.trend)
    table('bureaus', theme.areas)
    if (!theme.areas.withheld) {
      const areas = theme.areas.cells.flatMap((c) => c.children ?? [])
      table('areas', theme.areas, areas)
      for (const c of theme.areas.cells) if (c.childrenWithheld && !('lt' in c.figure)) rows.push([theme.title, tableName.areas, cellLabel(t, 'bureaus', c.key), t('reports.areasNotListed')])
    }
    table('settings', theme.settings)
    table('agencies', theme.agencies)
    table('organizationKinds', theme.organizationKinds)
  }
  const meta = [
    [t('reports.csv.report'), snapshot.title],
    [t('reports.csv.period'), `${snapshot.periodStart} – ${snapshot.periodEnd}`],
    [t('reports.csv.version'), String(snapshot.version)],
    [t('reports.csv.published'), snapshot.publishedAt ?? ''],
    [t('reports.csv.note'), t('reports.suppressionNote', { n: snapshot.threshold })],
    [],
  ]
  return toCsv([...meta, header, ...rows])
}
