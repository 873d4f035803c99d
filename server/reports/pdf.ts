/**
 * A published report as a PDF to read on paper: title page, table of contents,
 * one section per theme with its charts drawn as vector shapes, quotes with
 * their translation, the guidance that answers it, and on every page the
 * version, the publication date and the page number. Embeds DejaVu Sans from
 * an npm package (pdf-fonts.ts), so accents, "–", "≥" and other scripts print.
 * Labels too long for their column wrap to two lines and are then cut with "…".
 * Pure apart from reading the font files: a snapshot in, bytes out.
 */
import PDFDocument from 'pdfkit'
import { cellLabel, figureText, type ReportDimension } from '../schemas/report'
import { barLabel, barShape, chartMax } from './chart'
import { canDraw, FONT, fontBuffers, regularFontPath } from './pdf-fonts'
import type { ReportSnapshot, SnapshotTheme } from './snapshot'
import type { Figure, FigureCell, SuppressedBreakdown } from './suppress'

type Translate = (key: string, options?: Record<string, unknown>) => string

const INK = '#1b1f24'
const MUTED = '#4a5561'
const BAR = '#1d4e89'
const LINE = '#c9d1db'
const MARGIN = 60
const TOC_LINES_PER_PAGE = 26

/** Text the embedded fonts can draw; other characters become "?" (the web report shows them). */
export function pdfSafe(text: string): { text: string; replaced: boolean } {
  let replaced = false
  let out = ''
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!
    if (ch === '\n' || (code >= 0x20 && code !== 0x7f && canDraw(code))) out += ch
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
    font: regularFontPath(),
  })
  const buffers = fontBuffers()
  doc.registerFont(FONT.regular, buffers.regular)
  doc.registerFont(FONT.bold, buffers.bold)
  doc.registerFont(FONT.italic, buffers.italic)
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
  doc.fillColor(MUTED).font(FONT.regular).fontSize(11).text(safe(t('reports.pdf.kicker')), { width })
  doc.moveDown(4)
  doc.fillColor(INK).font(FONT.bold).fontSize(26).text(safe(snapshot.title), { width })
  doc.moveDown(0.8)
  doc.font(FONT.regular).fontSize(14).text(safe(period), { width })
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
    doc.fillColor(INK).font(FONT.bold).fontSize(20).text(safe(t('reports.contents')), { width })
    doc.moveDown(1)
    for (let i = p * TOC_LINES_PER_PAGE; i < Math.min(snapshot.themes.length, (p + 1) * TOC_LINES_PER_PAGE); i++) {
      const y = doc.y
      const title = safe(`${i + 1}. ${snapshot.themes[i]!.title}`)
      const page = String(themePages[i])
      doc.font(FONT.regular).fontSize(12).fillColor(INK)
      clamped(doc, title, MARGIN, y, width - 50, 1)
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
    doc.font(FONT.regular).fontSize(9).fillColor(MUTED)
    clamped(doc, safe(t('reports.pdf.footer', { title: snapshot.title, version: snapshot.version, date: published })), MARGIN, y, width - 120, 1)
    doc.text(safe(t('reports.pdf.page', { page: i + 1, pages: range.count })), MARGIN + width - 110, y, { width: 110, align: 'right', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
  doc.flushPages()
  doc.end()
  return finished
}

type Ctx = { t: Translate; fig: (f: Figure) => string; locale: string; width: number; threshold: number }

/** Text cut to at most `lines` lines of `width`, ending in "…" when cut (pdfkit ignores ellipsis without line breaking). */
function clamped(doc: PDFKit.PDFDocument, text: string, x: number, y: number, width: number, lines: number, options: PDFKit.Mixins.TextOptions = {}) {
  const lineHeight = doc.currentLineHeight(true)
  doc.text(text, x, y, { ...options, width, height: lines * lineHeight + 0.5, ellipsis: '…' })
}

/** The height that `clamped` takes. */
function clampedHeight(doc: PDFKit.PDFDocument, text: string, width: number, lines: number) {
  const lineHeight = doc.currentLineHeight(true)
  return Math.min(doc.heightOfString(text, { width }), lines * lineHeight)
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage()
}

function heading(doc: PDFKit.PDFDocument, text: string, size: number, width: number) {
  ensureSpace(doc, size * 3)
  doc.x = MARGIN
  doc.fillColor(INK).font(FONT.bold).fontSize(size).text(safe(text), { width })
  doc.moveDown(0.4)
}

function paragraph(doc: PDFKit.PDFDocument, text: string, width: number, options: { color?: string; size?: number; font?: string; indent?: number } = {}) {
  doc.x = MARGIN + (options.indent ?? 0)
  doc.fillColor(options.color ?? INK).font(options.font ?? FONT.regular).fontSize(options.size ?? 11).text(safe(text), { width: width - (options.indent ?? 0) })
  doc.x = MARGIN
}

function drawTheme(doc: PDFKit.PDFDocument, theme: SnapshotTheme, number: number, ctx: Ctx) {
  const { t, fig, width } = ctx
  heading(doc, `${number}. ${theme.title}`, 18, width)
  paragraph(doc, t('reports.submissionsCount', { count: fig(theme.count) }), width, { font: FONT.bold, size: 12 })
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
  paragraph(doc, t('reports.legend', { n: ctx.threshold, max: ctx.threshold - 1 }), width, { color: MUTED, size: 9 })

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
    paragraph(doc, original.text, width, { indent: 12, font: FONT.italic })
    doc.moveTo(MARGIN + 4, top).lineTo(MARGIN + 4, doc.y).lineWidth(2).strokeColor(LINE).stroke()
    paragraph(doc, t('reports.quoteLanguage', { language: t(`language.${quote.language}`, { defaultValue: quote.language }) }), width, { indent: 12, color: MUTED, size: 9 })
    if (original.replaced) paragraph(doc, t('reports.pdf.charactersMissing'), width, { indent: 12, color: MUTED, size: 9 })
    for (const translation of quote.translations) {
      doc.moveDown(0.2)
      const label = translation.kind === 'human' ? t('reports.humanTranslation', { language: t(`language.${translation.lang}`, { defaultValue: translation.lang }) }) : t('reports.machineTranslation', { language: t(`language.${translation.lang}`, { defaultValue: translation.lang }) })
      paragraph(doc, label, width, { indent: 24, color: MUTED, size: 9, font: FONT.bold })
      paragraph(doc, translation.text, width, { indent: 24, size: 10 })
    }
    doc.moveDown(0.8)
  }

  heading(doc, t('reports.guidance'), 13, width)
  if (theme.guidance.length === 0) paragraph(doc, t('reports.noGuidance'), width, { color: MUTED })
  for (const item of theme.guidance) {
    ensureSpace(doc, 40)
    const text = ctx.locale === 'es' && item.textEs ? item.textEs : item.textEn
    paragraph(doc, `${t(`guidance.status.${item.status}`)} · ${formatDate(`${item.decidedOn}T12:00:00Z`, ctx.locale)}`, width, { color: MUTED, size: 9, font: FONT.bold })
    paragraph(doc, `• ${text}`, width)
    doc.moveDown(0.5)
  }
}

/** A short hatched stub for "fewer than N" (see chart.ts): diagonal lines clipped to the box, and its outline. */
function hatchedStub(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number) {
  doc.save()
  doc.rect(x, y, w, h).clip()
  for (let d = -h; d < w; d += 3) doc.moveTo(x + d, y + h).lineTo(x + d + h, y)
  doc.lineWidth(0.6).strokeColor(BAR).stroke()
  doc.restore()
  doc.rect(x, y, w, h).lineWidth(0.6).strokeColor(BAR).stroke()
}

/** Monthly columns with the figure above each; "fewer than" as a short hatched stub, withheld as no column. */
function drawColumns(doc: PDFKit.PDFDocument, cells: FigureCell[], ctx: Ctx) {
  const height = 120
  ensureSpace(doc, height + 50)
  const top = doc.y + 12
  const max = chartMax(cells.map((c) => c.figure), ctx.threshold)
  const slot = ctx.width / Math.max(1, cells.length)
  const barWidth = Math.max(2, Math.min(28, slot * 0.7))
  const base = top + height
  doc.moveTo(MARGIN, base).lineTo(MARGIN + ctx.width, base).lineWidth(0.5).strokeColor(MUTED).stroke()
  const labelEvery = cells.length > 24 ? 3 : cells.length > 12 ? 2 : 1
  cells.forEach((cell, i) => {
    const x = MARGIN + i * slot + (slot - barWidth) / 2
    const f = cell.figure
    const shape = barShape(f, ctx.threshold)
    const h = shape.kind === 'none' ? 0 : (shape.value / max) * height
    if (shape.kind === 'bar') doc.rect(x, base - h, barWidth, h).fill(BAR)
    if (shape.kind === 'stub') hatchedStub(doc, x, base - h, barWidth, h)
    const label = barLabel(f, ctx.locale)
    const labelY = base - h - 10
    doc.font(FONT.regular).fontSize(7).fillColor(INK).text(label, x - 6, labelY, { width: barWidth + 12, align: 'center', lineBreak: false })
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
  const max = chartMax(rows.map((r) => r.cell.figure), ctx.threshold)
  for (const { cell, indent, dimension } of rows) {
    const label = safe(cell.key === '__areasNotListed' ? ctx.t('reports.areasNotListed') : cellLabel(ctx.t, dimension, cell.key))
    const labelX = MARGIN + (indent ? 12 : 0)
    const textWidth = labelWidth - (indent ? 12 : 0) - 8
    doc.font(indent ? FONT.regular : FONT.bold).fontSize(9).fillColor(INK)
    // A long label ("ICE (Immigration and Customs Enforcement)") wraps to two lines, then is cut.
    const rowHeight = Math.max(14, clampedHeight(doc, label, textWidth, 2) + 4)
    ensureSpace(doc, rowHeight + 4)
    const y = doc.y
    clamped(doc, label, labelX, y + 2, textWidth, 2)
    if (cell.key !== '__areasNotListed') {
      const x = MARGIN + labelWidth
      const f = cell.figure
      const shape = barShape(f, ctx.threshold)
      if (shape.kind === 'bar') doc.rect(x, y + 2, (shape.value / max) * barSpace, 9).fill(indent ? '#5b7fb0' : BAR)
      if (shape.kind === 'stub') hatchedStub(doc, x, y + 2, (shape.value / max) * barSpace, 9)
      doc.font(FONT.regular).fontSize(9).fillColor(INK).text(safe(ctx.fig(f)), MARGIN + ctx.width - figureWidth, y + 2, { width: figureWidth, align: 'right', lineBreak: false })
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

