/**
 * What changed between two versions of a report, from their snapshots alone
 * (so only suppressed figures are ever compared or shown). Pure.
 */
import type { Figure, FigureCell, SuppressedBreakdown } from './suppress'
import { BREAKDOWNS, type ReportSnapshot, type SnapshotTheme } from './snapshot'

export type CellDimension = 'trend' | (typeof BREAKDOWNS)[number]

export type ReportChange =
  | { kind: 'title'; from: string; to: string }
  | { kind: 'period'; from: [string, string]; to: [string, string] }
  | { kind: 'filters' }
  | { kind: 'threshold'; from: number; to: number }
  | { kind: 'themeAdded'; theme: string }
  | { kind: 'themeRemoved'; theme: string }
  | { kind: 'themeMoved'; theme: string; from: number; to: number }
  | { kind: 'themeRenamed'; from: string; to: string }
  | { kind: 'summary'; theme: string }
  | { kind: 'publicSummary'; theme: string }
  | { kind: 'count'; theme: string; from: Figure; to: Figure }
  | { kind: 'breakdownWithheld'; theme: string; dimension: CellDimension; withheld: boolean }
  | { kind: 'cell'; theme: string; dimension: CellDimension; key: string; from: Figure; to: Figure }
  | { kind: 'quotesAdded'; theme: string; count: number }
  | { kind: 'quotesRemoved'; theme: string; count: number }
  | { kind: 'guidanceAdded'; theme: string; text: string }
  | { kind: 'guidanceRemoved'; theme: string; text: string }
  | { kind: 'guidanceStatus'; theme: string; text: string; from: string; to: string }

const ZERO: Figure = { n: 0 }
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function flatten(cells: FigureCell[], out = new Map<string, Figure>()): Map<string, Figure> {
  for (const cell of cells) {
    out.set(cell.key, cell.figure)
    if (cell.children) flatten(cell.children, out)
  }
  return out
}

function breakdownChanges(theme: string, dimension: CellDimension, before: SuppressedBreakdown, after: SuppressedBreakdown): ReportChange[] {
  if (before.withheld !== after.withheld) return [{ kind: 'breakdownWithheld', theme, dimension, withheld: after.withheld }]
  if (after.withheld) return []
  const a = flatten(before.cells)
  const b = flatten(after.cells)
  const keys = [...new Set([...b.keys(), ...a.keys()])]
  return keys.flatMap((key): ReportChange[] => {
    const from = a.get(key) ?? ZERO
    const to = b.get(key) ?? ZERO
    return same(from, to) ? [] : [{ kind: 'cell', theme, dimension, key, from, to }]
  })
}

function themeChanges(before: SnapshotTheme, after: SnapshotTheme): ReportChange[] {
  const theme = after.title
  const changes: ReportChange[] = []
  if (before.title !== after.title) changes.push({ kind: 'themeRenamed', from: before.title, to: after.title })
  if (before.summary !== after.summary) changes.push({ kind: 'summary', theme })
  if (!same(before.publicSummary, after.publicSummary)) changes.push({ kind: 'publicSummary', theme })
  if (!same(before.count, after.count)) changes.push({ kind: 'count', theme, from: before.count, to: after.count })
  changes.push(...breakdownChanges(theme, 'trend', before.trend, after.trend))
  for (const dimension of BREAKDOWNS) changes.push(...breakdownChanges(theme, dimension, before[dimension], after[dimension]))
  const quoteKey = (q: SnapshotTheme['quotes'][number]) => `${q.language}\u0000${q.text}`
  const beforeQuotes = new Set(before.quotes.map(quoteKey))
  const afterQuotes = new Set(after.quotes.map(quoteKey))
  const added = [...afterQuotes].filter((q) => !beforeQuotes.has(q)).length
  const removed = [...beforeQuotes].filter((q) => !afterQuotes.has(q)).length
  if (added) changes.push({ kind: 'quotesAdded', theme, count: added })
  if (removed) changes.push({ kind: 'quotesRemoved', theme, count: removed })
  const beforeGuidance = new Map(before.guidance.map((g) => [g.id, g]))
  const afterGuidance = new Map(after.guidance.map((g) => [g.id, g]))
  for (const [id, g] of afterGuidance) {
    const old = beforeGuidance.get(id)
    if (!old) changes.push({ kind: 'guidanceAdded', theme, text: g.textEn })
    else if (old.status !== g.status) changes.push({ kind: 'guidanceStatus', theme, text: g.textEn, from: old.status, to: g.status })
  }
  for (const [id, g] of beforeGuidance) if (!afterGuidance.has(id)) changes.push({ kind: 'guidanceRemoved', theme, text: g.textEn })
  return changes
}

/** The changes from `before` to `after`, report-wide first, then theme by theme in the new order. */
export function diffSnapshots(before: ReportSnapshot, after: ReportSnapshot): ReportChange[] {
  const changes: ReportChange[] = []
  if (before.title !== after.title) changes.push({ kind: 'title', from: before.title, to: after.title })
  if (before.periodStart !== after.periodStart || before.periodEnd !== after.periodEnd) {
    changes.push({ kind: 'period', from: [before.periodStart, before.periodEnd], to: [after.periodStart, after.periodEnd] })
  }
  if (!same(before.filters, after.filters)) changes.push({ kind: 'filters' })
  if (before.threshold !== after.threshold) changes.push({ kind: 'threshold', from: before.threshold, to: after.threshold })
  const beforeThemes = new Map(before.themes.map((t, i) => [t.themeId, { theme: t, position: i + 1 }]))
  const afterIds = new Set(after.themes.map((t) => t.themeId))
  // A theme moved when its place among the themes both versions share changed (not because another was added).
  const sharedBefore = before.themes.filter((t) => afterIds.has(t.themeId)).map((t) => t.themeId)
  const sharedAfter = after.themes.filter((t) => beforeThemes.has(t.themeId)).map((t) => t.themeId)
  after.themes.forEach((theme, i) => {
    const old = beforeThemes.get(theme.themeId)
    if (!old) {
      changes.push({ kind: 'themeAdded', theme: theme.title })
      return
    }
    if (sharedBefore.indexOf(theme.themeId) !== sharedAfter.indexOf(theme.themeId)) changes.push({ kind: 'themeMoved', theme: theme.title, from: old.position, to: i + 1 })
    changes.push(...themeChanges(old.theme, theme))
  })
  for (const { theme } of beforeThemes.values()) if (!afterIds.has(theme.themeId)) changes.push({ kind: 'themeRemoved', theme: theme.title })
  return changes
}
