/**
 * A published report as a PDF to read on paper: title page, table of contents,
 * one section per theme with its charts drawn as vector shapes, quotes with
 * their translation, the guidance that answers it, and on every page the
 * version, the publication date and the page number. Uses only the standard
 * Helvetica fonts (no font files; they cover English and Spanish). Pure: a
 * snapshot in, bytes out.
 */
import PDFDocument from 'pdfkit'
import { cellLabel, figureText, type ReportDimension } from '../schemas/report'
import type { ReportSnapshot, SnapshotTheme } from './snapshot'
import type { Figure, FigureCell, SuppressedBreakdown } from './suppress'

type Translate = (key: string, options?: Record<string, unknown>) => string

const INK = '#1b1f24'
const MUTED = '#4a5561'
const BAR = '#1d4e89'
const LINE = '#c9d1db'
const MARGIN = 60
const TOC_LINES_PER_PAGE = 26

// Windows-1252 beyond Latin-1: what the standard PDF fonts can draw besides U+0020–U+00FF.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')

/** Text the standard fonts can draw; other characters become "?" (the web report shows them). */
export function pdfSafe(text: string): { text: string; replaced: boolean } {
  let replaced = false
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch)) out += ch
    else {
      out += '?'
      replaced = true
    }
  }
  return { text: out, replaced }
}
const safe = (text: string) => pdfSafe(text).text

export function renderReportPdf(snapshot: ReportSnapshot, t: Translate, locale: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: safe(snapshot.title),
      Subject: safe(t('reports.pdf.subject', { version: snapshot.version })),
      Creator: 'Voces',
    },
    lang: locale,
    displayTitle: true,
  })
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const width = doc.page.width - 2 * MARGIN
  const published = snapshot.publishedAt ? formatDate(snapshot.publishedAt, locale) : ''
  const period = `${formatMonth(snapshot.periodStart, locale)} – ${formatMonth(snapshot.periodEnd, locale)}`
  const fig = (f: Figure) => figureText(t, f, locale)

  // Title page.
  doc.fillColor(MUTED).font('Helvetica').fontSize(11).text(safe(t('reports.pdf.kicker')), { width })
  doc.moveDown(4)
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(26).text(safe(snapshot.title), { width })
  doc.moveDown(0.8)
  doc.font('Helvetica').fontSize(14).text(safe(period), { width })
  doc.moveDown(0.4)
  doc.fontSize(12).fillColor(MUTED).text(safe(t('reports.pdf.versionLine', { version: snapshot.version, date: published, name: snapshot.publishedBy ?? '' })), { width })
  doc.moveDown(2)
  doc.fillColor(INK).fontSize(11).text(safe(t('reports.suppressionNote', { n: snapshot.threshold })), { width })
  doc.moveDown(0.6)
  doc.text(safe(t('reports.pdf.themeCount', { count: snapshot.themes.length })), { width })

  // Contents: pages reserved now, written once the theme pages are known.
  const tocPages = Math.max(1, Math.ceil(snapshot.themes.length / TOC_LINES_PER_PAGE))
  const tocStart = doc.bufferedPageRange().count
  for (let i = 0; i < tocPages; i++) doc.addPage()

  const themePages: number[] = []
  snapshot.themes.forEach((theme, index) => {
    doc.addPage()
    themePages.push(doc.bufferedPageRange().count)
    drawTheme(doc, theme, index + 1, { t, fig, locale, width, threshold: snapshot.threshold })
  })

  for (let p = 0; p < tocPages; p++) {
    doc.switchToPage(tocStart + p)
    doc.x = MARGIN
    doc.y = MARGIN
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(20).text(safe(t('reports.contents')), { width })
    doc.moveDown(1)
    for (let i = p * TOC_LINES_PER_PAGE; i < Math.min(snapshot.themes.length, (p + 1) * TOC_LINES_PER_PAGE); i++) {
      const y = doc.y
      const title = safe(`${i + 1}. ${snapshot.themes[i]!.title}`)
      const page = String(themePages[i])
      doc.font('Helvetica').fontSize(12).fillColor(INK)
      doc.text(title, MARGIN, y, { width: width - 50, lineBreak: false, ellipsis: true })
      doc.text(page, MARGIN + width - 40, y, { width: 40, align: 'right', lineBreak: false })
      doc.moveTo(MARGIN, y + 16).lineTo(MARGIN + width, y + 16).lineWidth(0.3).strokeColor(LINE).stroke()
      doc.x = MARGIN
      doc.y = y + 22
    }
  }

  // Footer on every page: the version and date, and the page number.
  const range = doc.bufferedPageRange()
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0
    const y = doc.page.height - MARGIN + 10
    doc.font('Helvetica').fontSize(9).fillColor(MUTED)
    doc.text(safe(t('reports.pdf.footer', { title: snapshot.title, version: snapshot.version, date: published })), MARGIN, y, { width: width - 110, lineBreak: false, ellipsis: true })
    doc.text(safe(t('reports.pdf.page', { page: i + 1, pages: range.count })), MARGIN + width - 110, y, { width: 110, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.flushPages()
  doc.end()
  return finished
}

type Ctx = { t: Translate; fig: (f: Figure) => string; locale: string; width: number; threshold: number }

function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

function heading(doc: PDFKit.PDFDocument, text: string, size: number, width: number) {
  ensureSpace(doc, size * 3)
  doc.x = MARGIN
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(size).text(safe(text), { width })
  doc.moveDown(0.4)
}

function paragraph(doc: PDFKit.PDFDocument, text: string, width: number, options: { color?: string; size?: number; font?: string; indent?: number } = {}) {
  doc.x = MARGIN + (options.indent ?? 0)
  doc.fillColor(options.color ?? INK).font(options.font ?? 'Helvetica').fontSize(options.size ?? 11).text(safe(text), { width: width - (options.indent ?? 0) })
  doc.x = MARGIN
}

function drawTheme(doc: PDFKit.PDFDocument, theme: SnapshotTheme, number: number, ctx: Ctx) {
  const { t, fig, width } = ctx
  heading(doc, `${number}. ${theme.title}`, 18, width)
  paragraph(doc, t('reports.submissionsCount', { count: fig(theme.count) }), width, { font: 'Helvetica-Bold', size: 12 })
  doc.moveDown(0.5)
  if (theme.summary) {
    paragraph(doc, theme.summary, width)
    doc.moveDown(0.5)
  }

  heading(doc, t('reports.trend'), 13, width)
  if (theme.trend.withheld) paragraph(doc, t('reports.breakdownWithheld'), width, { color: MUTED })
  else drawColumns(doc, theme.trend.cells, ctx)

  const horizontal = (dimension: ReportDimension, title: string, breakdown: SuppressedBreakdown, rows: { cell: FigureCell; indent: boolean; dimension: ReportDimension }[]) => {
    heading(doc, title, 13, width)
    if (breakdown.withheld) {
      paragraph(doc, t('reports.breakdownWithheld'), width, { color: MUTED })
      return
    }
    if (rows.length === 0) {
      paragraph(doc, t('reports.noneInBreakdown'), width, { color: MUTED })
      return
    }
    drawBars(doc, rows, ctx)
    if (dimension === 'agencies') paragraph(doc, t('reports.agenciesOverlap'), width, { color: MUTED, size: 9 })
  }
  const areaRows = theme.areas.cells.flatMap((cell) => [
    { cell, indent: false, dimension: 'bureaus' as const },
    ...(cell.children ?? []).map((child) => ({ cell: child, indent: true, dimension: 'areas' as const })),
    ...(cell.childrenWithheld && !('lt' in cell.figure) ? [{ cell: { key: '__areasNotListed', figure: { withheld: true } as Figure }, indent: true, dimension: 'areas' as const }] : []),
  ])
  horizontal('areas', t('reports.byArea'), theme.areas, areaRows)
  horizontal('settings', t('reports.bySetting'), theme.settings, theme.settings.cells.map((cell) => ({ cell, indent: false, dimension: 'settings' as const })))
  horizontal('agencies', t('reports.byAgency'), theme.agencies, theme.agencies.cells.map((cell) => ({ cell, indent: false, dimension: 'agencies' as const })))
  horizontal(
    'organizationKinds',
    t('reports.byOrganizationKind'),
    theme.organizationKinds,
    theme.organizationKinds.cells.map((cell) => ({ cell, indent: false, dimension: 'organizationKinds' as const })),
  )
  ensureSpace(doc, 20)
  paragraph(doc, t('reports.legend', { n: ctx.threshold }), width, { color: MUTED, size: 9 })

  heading(doc, t('reports.quotes'), 13, width)
  if (theme.quotes.length === 0) paragraph(doc, t('reports.noQuotes'), width, { color: MUTED })
  for (const quote of theme.quotes) {
    ensureSpace(doc, 60)
    if (quote.withdrawn) {
      paragraph(doc, t('reports.quoteWithdrawn'), width, { indent: 12, color: MUTED })
      doc.moveDown(0.8)
      continue
    }
    const original = pdfSafe(`“${quote.text}”`)
    const top = doc.y
    paragraph(doc, original.text, width, { indent: 12, font: 'Helvetica-Oblique' })
    doc.moveTo(MARGIN + 4, top).lineTo(MARGIN + 4, doc.y).lineWidth(2).strokeColor(LINE).stroke()
    paragraph(doc, t('reports.quoteLanguage', { language: t(`language.${quote.language}`, { defaultValue: quote.language }) }), width, { indent: 12, color: MUTED, size: 9 })
    if (original.replaced) paragraph(doc, t('reports.pdf.charactersMissing'), width, { indent: 12, color: MUTED, size: 9 })
    for (const translation of quote.translations) {
      doc.moveDown(0.2)
      const label = translation.kind === 'human' ? t('reports.humanTranslation', { language: t(`language.${translation.lang}`, { defaultValue: translation.lang }) }) : t('reports.machineTranslation', { language: t(`language.${translation.lang}`, { defaultValue: translation.lang }) })
      paragraph(doc, label, width, { indent: 24, color: MUTED, size: 9, font: 'Helvetica-Bold' })
      paragraph(doc, translation.text, width, { indent: 24, size: 10 })
    }
    doc.moveDown(0.8)
  }

  heading(doc, t('reports.guidance'), 13, width)
  if (theme.guidance.length === 0) paragraph(doc, t('reports.noGuidance'), width, { color: MUTED })
  for (const item of theme.guidance) {
    ensureSpace(doc, 40)
    const text = ctx.locale === 'es' && item.textEs ? item.textEs : item.textEn
    paragraph(doc, `${t(`guidance.status.${item.status}`)} · ${formatDate(`${item.decidedOn}T12:00:00Z`, ctx.locale)}`, width, { color: MUTED, size: 9, font: 'Helvetica-Bold' })
    paragraph(doc, `• ${text}`, width)
    doc.moveDown(0.5)
  }
}

/** Monthly columns with the figure above each; "fewer than" as a dashed outline, withheld as no column. */
function drawColumns(doc: PDFKit.PDFDocument, cells: FigureCell[], ctx: Ctx) {
  const height = 120
  ensureSpace(doc, height + 50)
  const top = doc.y + 12
  const max = Math.max(ctx.threshold, ...cells.map((c) => ('n' in c.figure ? c.figure.n : 0)))
  const slot = ctx.width / Math.max(1, cells.length)
  const barWidth = Math.max(2, Math.min(28, slot * 0.7))
  const base = top + height
  doc.moveTo(MARGIN, base).lineTo(MARGIN + ctx.width, base).lineWidth(0.5).strokeColor(MUTED).stroke()
  const labelEvery = cells.length > 24 ? 3 : cells.length > 12 ? 2 : 1
  cells.forEach((cell, i) => {
    const x = MARGIN + i * slot + (slot - barWidth) / 2
    const f = cell.figure
    let label: string
    let labelY: number
    if ('n' in f) {
      const h = (f.n / max) * height
      if (h > 0) doc.rect(x, base - h, barWidth, h).fill(BAR)
      label = String(f.n)
      labelY = base - h - 10
    } else if ('lt' in f) {
      const h = (f.lt / max) * height
      doc.rect(x, base - h, barWidth, h).dash(2, { space: 2 }).lineWidth(0.8).strokeColor(BAR).stroke().undash()
      label = `<${f.lt}`
      labelY = base - h - 10
    } else {
      label = '–'
      labelY = base - 10
    }
    doc.font('Helvetica').fontSize(7).fillColor(INK).text(label, x - 6, labelY, { width: barWidth + 12, align: 'center', lineBreak: false })
    if (i % labelEvery === 0) {
      doc.fontSize(6.5).fillColor(MUTED).text(safe(shortMonth(cell.key, ctx.locale)), MARGIN + i * slot - 4, base + 3, { width: slot + 8, align: 'center', lineBreak: false })
    }
  })
  doc.x = MARGIN
  doc.y = base + 18
}

/** Horizontal bars, one row per category: label, bar, figure. */
function drawBars(doc: PDFKit.PDFDocument, rows: { cell: FigureCell; indent: boolean; dimension: ReportDimension }[], ctx: Ctx) {
  const labelWidth = 190
  const figureWidth = 70
  const barSpace = ctx.width - labelWidth - figureWidth - 10
  const max = Math.max(ctx.threshold, ...rows.map((r) => ('n' in r.cell.figure ? r.cell.figure.n : 0)))
  const rowHeight = 14
  for (const { cell, indent, dimension } of rows) {
    ensureSpace(doc, rowHeight + 4)
    const y = doc.y
    const label = cell.key === '__areasNotListed' ? ctx.t('reports.areasNotListed') : cellLabel(ctx.t, dimension, cell.key)
    doc.font(indent ? 'Helvetica' : 'Helvetica-Bold').fontSize(9).fillColor(INK)
    doc.text(safe(label), MARGIN + (indent ? 12 : 0), y + 2, { width: labelWidth - (indent ? 12 : 0), lineBreak: false, ellipsis: true })
    if (cell.key !== '__areasNotListed') {
      const x = MARGIN + labelWidth
      const f = cell.figure
      if ('n' in f && f.n > 0) doc.rect(x, y + 2, (f.n / max) * barSpace, rowHeight - 5).fill(indent ? '#5b7fb0' : BAR)
      if ('lt' in f) doc.rect(x, y + 2, (f.lt / max) * barSpace, rowHeight - 5).dash(2, { space: 2 }).lineWidth(0.8).strokeColor(BAR).stroke().undash()
      doc.font('Helvetica').fontSize(9).fillColor(INK).text(safe(ctx.fig(f)), MARGIN + ctx.width - figureWidth, y + 2, { width: figureWidth, align: 'right', lineBreak: false })
    }
    doc.x = MARGIN
    doc.y = y + rowHeight
  }
  doc.moveDown(0.3)
}

function formatMonth(yyyyMm: string, locale: string): string {
  const [year, month] = yyyyMm.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, 1)))
}

function shortMonth(yyyyMm: string, locale: string): string {
  const [year, month] = yyyyMm.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(year!, month! - 1, 1)))
}

function formatDate(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'America/Los_Angeles' }).format(new Date(value))
}

