import { TRPCError } from '@trpc/server'
import type { Transaction } from 'kysely'
import { createI18n } from '../../app/i18n/i18n'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import { appendAudit } from '../repositories/audit'
import {
  deleteReportTheme,
  findComment,
  findReport,
  findSnapshot,
  guidanceForThemes,
  insertComment,
  insertReport,
  insertReportTheme,
  insertVersion,
  latestSnapshots,
  listComments,
  listReports as listReportRows,
  listVersions,
  lockReport,
  markPublished,
  quoteReviews,
  reidCollection,
  insertQuoteReview,
  memberTexts,
  openWarnings,
  reportCounts,
  reportQuotes,
  reportThemes,
  setReportThemePositions,
  themeInReport,
  themeOptions,
  touchReport,
  updateReportRow,
  updateReportThemeSummary,
} from '../repositories/report'
import { reportCsv } from '../reports/csv'
import { verbatimWarnings } from '../reports/summary-check'
import { cellCounts, documentFrequencies, reidFlags, termsOf } from '../reports/reidentification'
import { diffSnapshots } from '../reports/diff'
import { renderReportPdf } from '../reports/pdf'
import { publishableQuotes, summaryNeedsApproval, suppressionPreview, suppressReport, type GuidanceRef, type RawQuote, type RawReport, type ReportFilters, type ReportSnapshot } from '../reports/snapshot'
import { ROUNDING_BASE } from '../reports/suppress'
import type { ReportCreateInput, ReportUpdateInput } from '../schemas/report'

type Handle = Db | Transaction<Database>
type Actor = { id: string; displayName: string }

/** Published reports, newest first. Drafts are not listed here. */
export function listPublishedReports(db: Db) {
  return db
    .selectFrom('reports')
    .select(['id', 'title', 'period_start as periodStart', 'period_end as periodEnd', 'version', 'published_at as publishedAt'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute()
}

/** Every report with its state: a draft never published, or published with or without later changes. */
export async function listReports(db: Db) {
  const rows = await listReportRows(db)
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    version: r.version,
    publishedAt: r.publishedAt,
    updatedAt: r.updatedAt,
    createdByName: r.createdByName,
    themeCount: Number(r.themeCount ?? 0),
    state: r.version === 0 ? ('draft' as const) : r.publishedAt && r.updatedAt > r.publishedAt ? ('changed' as const) : ('published' as const),
  }))
}

async function requireReport(db: Handle, id: string) {
  const report = await findReport(db, id)
  if (!report) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return report
}

async function lockForEdit(trx: Transaction<Database>, id: string) {
  const report = await lockReport(trx, id)
  if (!report) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return report
}

export async function createReport(db: Db, actorId: string, input: ReportCreateInput, now: Date) {
  return db.transaction().execute(async (trx) => {
    const { id } = await insertReport(trx, { title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd, createdBy: actorId, now })
    await appendAudit(trx, { actorUserId: actorId, action: 'report.create', targetType: 'report', targetId: id, details: { title: input.title, periodStart: input.periodStart, periodEnd: input.periodEnd } }, now)
    return { id }
  })
}

export async function updateReport(db: Db, actorId: string, input: ReportUpdateInput, now: Date) {
  const { id, title, periodStart, periodEnd, ...rawFilters } = input
  const filters: ReportFilters = Object.fromEntries(Object.entries(rawFilters).filter(([, v]) => v !== undefined && v !== ''))
  return db.transaction().execute(async (trx) => {
    const before = await lockForEdit(trx, id)
    await updateReportRow(trx, id, { title, periodStart, periodEnd, filters, updatedBy: actorId, now })
    await appendAudit(
      trx,
      {
        actorUserId: actorId,
        action: 'report.update',
        targetType: 'report',
        targetId: id,
        details: { before: { title: before.title, periodStart: before.periodStart, periodEnd: before.periodEnd, filters: before.filters }, after: { title, periodStart, periodEnd, filters } },
      },
      now,
    )
    return { id }
  })
}

export async function addReportTheme(db: Db, actorId: string, input: { id: string; themeId: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockForEdit(trx, input.id)
    const theme = await trx.selectFrom('themes').select(['id', 'status', 'title']).where('id', '=', input.themeId).executeTakeFirst()
    if (!theme || theme.status !== 'active') throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.chooseReportTheme' })
    await insertReportTheme(trx, { reportId: input.id, themeId: input.themeId, addedBy: actorId, now })
    await touchReport(trx, input.id, actorId, now)
    await appendAudit(trx, { actorUserId: actorId, action: 'report.theme.add', targetType: 'report', targetId: input.id, details: { themeId: input.themeId, title: theme.title } }, now)
    return { id: input.id }
  })
}

export async function removeReportTheme(db: Db, actorId: string, input: { id: string; themeId: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockForEdit(trx, input.id)
    if (!(await deleteReportTheme(trx, input.id, input.themeId))) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    const rest = await reportThemes(trx, input.id)
    await setReportThemePositions(trx, input.id, rest.map((t) => t.themeId))
    await touchReport(trx, input.id, actorId, now)
    await appendAudit(trx, { actorUserId: actorId, action: 'report.theme.remove', targetType: 'report', targetId: input.id, details: { themeId: input.themeId } }, now)
    return { id: input.id }
  })
}

export async function moveReportTheme(db: Db, actorId: string, input: { id: string; themeId: string; direction: 'up' | 'down' }, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockForEdit(trx, input.id)
    const order = (await reportThemes(trx, input.id)).map((t) => t.themeId)
    const from = order.indexOf(input.themeId)
    if (from === -1) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    const to = input.direction === 'up' ? from - 1 : from + 1
    if (to < 0 || to >= order.length) return { id: input.id }
    ;[order[from], order[to]] = [order[to]!, order[from]!]
    await setReportThemePositions(trx, input.id, order)
    await touchReport(trx, input.id, actorId, now)
    await appendAudit(trx, { actorUserId: actorId, action: 'report.theme.move', targetType: 'report', targetId: input.id, details: { themeId: input.themeId, from: from + 1, to: to + 1 } }, now)
    return { id: input.id }
  })
}

export async function updateReportTheme(db: Db, actorId: string, input: { id: string; themeId: string; publicSummaryEn: string; publicSummaryEs: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockForEdit(trx, input.id)
    const before = await trx
      .selectFrom('report_themes')
      .select(['public_summary_en', 'public_summary_es'])
      .where('report_id', '=', input.id)
      .where('theme_id', '=', input.themeId)
      .executeTakeFirst()
    if (!before || !(await updateReportThemeSummary(trx, input.id, input.themeId, { en: input.publicSummaryEn, es: input.publicSummaryEs }))) {
      throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    }
    await touchReport(trx, input.id, actorId, now)
    await appendAudit(
      trx,
      {
        actorUserId: actorId,
        action: 'report.theme.update',
        targetType: 'report',
        targetId: input.id,
        details: { themeId: input.themeId, before: { en: before.public_summary_en, es: before.public_summary_es }, after: { en: input.publicSummaryEn, es: input.publicSummaryEs } },
      },
      now,
    )
    return { id: input.id }
  })
}

/**
 * Issue 12 §4: annotates each quote with its re-identification flags against the
 * whole collection, and the facilitator's review for this report if any.
 */
async function checkQuotesForReidentification(db: Handle, reportId: string, byTheme: Map<string, RawQuote[]>, threshold: number) {
  const quotes = [...byTheme.entries()].flatMap(([themeId, list]) => list.map((quote) => ({ themeId, quote })))
  if (quotes.length === 0) return
  const [collection, reviews] = await Promise.all([reidCollection(db), quoteReviews(db, reportId)])
  const df = documentFrequencies(
    collection.map((c) => c.text),
    termsOf(quotes.map(({ quote }) => quote.text)),
  )
  const cells = cellCounts(collection)
  for (const { themeId, quote } of quotes) {
    const flags = reidFlags(quote.text, { area: quote.cells.area, month: quote.cells.month, setting: quote.cells.setting }, df, cells, threshold)
    quote.reid = { flags, review: reviews.get(`${themeId}/${quote.submissionId}`) ?? null }
  }
}

/** Everything the report shows, live and unsuppressed: only for publishing and for the facilitators' builder. */
async function gatherRawReport(db: Handle, report: NonNullable<Awaited<ReturnType<typeof findReport>>>, threshold: number): Promise<RawReport> {
  const themes = await reportThemes(db, report.id)
  const ids = themes.map((t) => t.themeId)
  const period = { start: report.periodStart, end: report.periodEnd }
  const filters = (report.filters ?? {}) as ReportFilters
  const counts = await reportCounts(db, ids, period, filters)
  const quotes = await reportQuotes(db, ids, period, filters)
  const guidance = await guidanceForThemes(db, ids)
  await checkQuotesForReidentification(db, report.id, quotes, threshold)
  return {
    reportId: report.id,
    title: report.title,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    filters,
    themes: themes.map((t) => ({
      themeId: t.themeId,
      title: t.title,
      summary: t.summary,
      summaryApproved: t.summaryApprovedAt !== null,
      publicSummaryEn: t.publicSummaryEn,
      publicSummaryEs: t.publicSummaryEs,
      ...counts.get(t.themeId)!,
      quotes: quotes.get(t.themeId) ?? [],
      guidance: guidance.get(t.themeId) ?? [],
    })),
  }
}

/** Issue 12 §2: summaries that copy 8+ consecutive words of member testimony that may not be quoted. */
async function summaryWarnings(db: Handle, report: NonNullable<Awaited<ReturnType<typeof findReport>>>, raw: RawReport, threshold: number) {
  const members = await memberTexts(db, raw.themes.map((t) => t.themeId), { start: report.periodStart, end: report.periodEnd }, (report.filters ?? {}) as ReportFilters)
  return raw.themes.flatMap((t) => verbatimWarnings(t, members.get(t.themeId) ?? [], threshold))
}

/** The builder: settings, the themes with their live counts, and what suppression will hide once published. */
export async function reportDraft(db: Db, id: string, threshold: number) {
  const report = await requireReport(db, id)
  const raw = await gatherRawReport(db, report, threshold)
  const draft = suppressReport(raw, threshold, { version: 0, publishedAt: null, publishedBy: null })
  const [options, versions, warnings, verbatim] = await Promise.all([themeOptions(db, id), listVersions(db, id), openWarnings(db, id), summaryWarnings(db, report, raw, threshold)])
  const latest = report.version > 0 ? await findSnapshot(db, id, report.version) : null
  return {
    report: { ...report, filters: (report.filters ?? {}) as ReportFilters },
    threshold,
    themes: raw.themes.map((theme, i) => ({
      themeId: theme.themeId,
      title: theme.title,
      publicSummaryEn: theme.publicSummaryEn,
      publicSummaryEs: theme.publicSummaryEs,
      summary: theme.summary,
      summaryApproved: theme.summaryApproved,
      summaryNeedsApproval: summaryNeedsApproval(theme, threshold),
      verbatim: verbatim.filter((w) => w.themeId === theme.themeId).map(({ field, submissionId, receiptCode }) => ({ field, submissionId, receiptCode })),
      total: theme.total,
      quoteCount: theme.quotes.length,
      quotes: theme.quotes.map((q) => ({
        submissionId: q.submissionId,
        text: q.text,
        language: q.language,
        flags: q.reid?.flags ?? null,
        review: q.reid?.review ?? null,
        shown: publishableQuotes(theme, threshold).includes(q),
      })),
      guidanceCount: theme.guidance.length,
      preview: suppressionPreview(theme, draft.themes[i]!),
    })),
    options,
    versions,
    warnings,
    changesSincePublished: latest ? diffSnapshots(latest, draft) : null,
  }
}

export async function publishReport(db: Db, actor: Actor, id: string, threshold: number, now: Date) {
  return db.transaction().execute(async (trx) => {
    const report = await lockForEdit(trx, id)
    const raw = await gatherRawReport(trx, report, threshold)
    if (raw.themes.length === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.reportNoThemes' })
    // Issue 12 §2: a machine-drafted summary is never published; the builder names the theme.
    if (raw.themes.some((t) => summaryNeedsApproval(t, threshold))) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.reportSummaryNotApproved' })
    const version = report.version + 1
    const snapshot = suppressReport(raw, threshold, { version, publishedAt: now, publishedBy: actor.displayName })
    const quoteSources = new Map(raw.themes.map((t) => [t.themeId, publishableQuotes(t, threshold).map((q) => q.submissionId)]))
    await insertVersion(trx, { reportId: id, version, snapshot, quoteSources, publishedBy: actor.id, now })
    await markPublished(trx, id, version, now)
    // Published anyway (a facilitator approved these words), but on the record and in the answer.
    const verbatim = await summaryWarnings(trx, report, raw, threshold)
    await appendAudit(
      trx,
      { actorUserId: actor.id, action: 'report.publish', targetType: 'report', targetId: id, details: { version, title: report.title, themes: raw.themes.length, threshold, verbatimWarnings: verbatim.map(({ themeId, field, submissionId }) => ({ themeId, field, submissionId })) } },
      now,
    )
    return { id, version, warnings: verbatim }
  })
}

/**
 * Issue 12 §4: a facilitator records that they reviewed a quote flagged for
 * re-identification (rare words, or a rare Area × month × setting) and that it
 * may be published in this report. Audited; named in the next published version.
 */
export async function reviewQuote(db: Db, actorId: string, input: { id: string; themeId: string; submissionId: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    await lockForEdit(trx, input.id)
    if (!(await insertQuoteReview(trx, { reportId: input.id, themeId: input.themeId, submissionId: input.submissionId, by: actorId, now }))) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.quoteNotInReport' })
    }
    await touchReport(trx, input.id, actorId, now)
    await appendAudit(trx, { actorUserId: actorId, action: 'report.quote.review', targetType: 'report', targetId: input.id, details: { themeId: input.themeId, submissionId: input.submissionId } }, now)
    return { id: input.id }
  })
}

type Comment = Awaited<ReturnType<typeof listComments>>[number]
export type CommentThread = Comment & { replies: Comment[] }

function threads(comments: Comment[]): CommentThread[] {
  const top = comments.filter((c) => !c.parentId).map((c) => ({ ...c, replies: [] as Comment[] }))
  const byId = new Map(top.map((c) => [c.id, c]))
  for (const c of comments) if (c.parentId) byId.get(c.parentId)?.replies.push(c)
  return top
}

/**
 * A report as commission staff and facilitators read it: a published version
 * from its frozen snapshot, or the draft suppressed on the fly (version 0);
 * what changed since the version before; comments; and guidance recorded since
 * the version was published.
 */
export async function viewReport(db: Db, input: { id: string; version?: number }, threshold: number) {
  const report = await requireReport(db, input.id)
  const versions = await listVersions(db, input.id)
  const version = input.version ?? report.version
  let snapshot: ReportSnapshot
  let previous: ReportSnapshot | null = null
  if (version === 0) {
    snapshot = suppressReport(await gatherRawReport(db, report, threshold), threshold, { version: 0, publishedAt: null, publishedBy: null })
    if (report.version > 0) previous = await findSnapshot(db, input.id, report.version)
  } else {
    const found = await findSnapshot(db, input.id, version)
    if (!found) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    snapshot = found
    if (version > 1) previous = await findSnapshot(db, input.id, version - 1)
  }
  const themeIds = snapshot.themes.map((t) => t.themeId)
  const [comments, live] = await Promise.all([listComments(db, input.id), guidanceForThemes(db, themeIds)])
  const guidanceSince: Record<string, GuidanceRef[]> = {}
  for (const theme of snapshot.themes) {
    const frozen = new Map(theme.guidance.map((g) => [g.id, g]))
    const newer = (live.get(theme.themeId) ?? []).filter((g) => frozen.get(g.id)?.status !== g.status || frozen.get(g.id)?.textEn !== g.textEn)
    if (newer.length) guidanceSince[theme.themeId] = newer
  }
  const commentsByTheme: Record<string, CommentThread[]> = {}
  for (const thread of threads(comments)) (commentsByTheme[thread.themeId] ??= []).push(thread)
  return {
    report: { id: report.id, title: report.title, version: report.version, updatedAt: report.updatedAt, publishedAt: report.publishedAt },
    versions,
    snapshot,
    isDraft: version === 0,
    previousVersion: previous ? previous.version : null,
    changes: previous ? diffSnapshots(previous, snapshot) : null,
    commentsByTheme,
    guidanceSince,
  }
}

async function exportedSnapshot(db: Db, actorId: string, input: { id: string; version: number }, format: 'pdf' | 'csv' | 'print', now: Date) {
  return db.transaction().execute(async (trx) => {
    const snapshot = await findSnapshot(trx, input.id, input.version)
    if (!snapshot) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    await appendAudit(trx, { actorUserId: actorId, action: 'report.export', targetType: 'report', targetId: input.id, details: { format, version: input.version } }, now)
    return snapshot
  })
}

const fileBase = (snapshot: ReportSnapshot) =>
  `${
    snapshot.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report'
  }-v${snapshot.version}`

export async function exportReportCsv(db: Db, actorId: string, input: { id: string; version: number; locale: 'en' | 'es' }, now: Date) {
  const snapshot = await exportedSnapshot(db, actorId, input, 'csv', now)
  return { fileName: `${fileBase(snapshot)}.csv`, csv: reportCsv(snapshot, createI18n(input.locale).t) }
}

export async function exportReportPdf(db: Db, actorId: string, input: { id: string; version: number; locale: 'en' | 'es' }, now: Date) {
  const snapshot = await exportedSnapshot(db, actorId, input, 'pdf', now)
  const pdf = await renderReportPdf(snapshot, createI18n(input.locale).t, input.locale)
  return { fileName: `${fileBase(snapshot)}.pdf`, base64: pdf.toString('base64') }
}

export async function printReport(db: Db, actorId: string, input: { id: string; version: number }, now: Date) {
  return { snapshot: await exportedSnapshot(db, actorId, input, 'print', now) }
}

export async function commentOnTheme(db: Db, actorId: string, input: { id: string; themeId: string; version: number; body: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const report = await findReport(trx, input.id)
    if (!report) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    if (!(await themeInReport(trx, input.id, input.themeId))) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.themeNotInReport' })
    const version = input.version > 0 && input.version <= report.version ? input.version : 0
    const { id } = await insertComment(trx, { reportId: input.id, themeId: input.themeId, parentId: null, version, authorId: actorId, body: input.body, now })
    await appendAudit(trx, { actorUserId: actorId, action: 'report.comment', targetType: 'report', targetId: input.id, details: { commentId: id, themeId: input.themeId, version } }, now)
    return { id }
  })
}

export async function replyToComment(db: Db, actorId: string, input: { commentId: string; body: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const parent = await findComment(trx, input.commentId)
    if (!parent) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    // Replies stay one level deep: a reply to a reply joins its thread.
    const threadId = parent.parentId ?? parent.id
    const { id } = await insertComment(trx, { reportId: parent.reportId, themeId: parent.themeId, parentId: threadId, version: parent.version, authorId: actorId, body: input.body, now })
    await appendAudit(trx, { actorUserId: actorId, action: 'report.reply', targetType: 'report', targetId: parent.reportId, details: { commentId: id, parentId: threadId, themeId: parent.themeId } }, now)
    return { id, reportId: parent.reportId }
  })
}

/**
 * The public "you said, we did" page: per published report (its latest
 * version), the themes whose count is at or above the threshold, with their
 * public summary and the guidance published in answer. No testimony, no quotes,
 * no theme summaries (those are drafted from testimony), no identifiers, nothing
 * from drafts.
 */
export async function publicPage(db: Db) {
  const snapshots = await latestSnapshots(db)
  snapshots.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))
  const themeIds = snapshots.flatMap((s) => s.themes.map((t) => t.themeId))
  const guidance = await guidanceForThemes(db, [...new Set(themeIds)], { status: 'published' })
  return {
    reports: snapshots
      .map((s) => ({
        title: s.title,
        periodStart: s.periodStart,
        periodEnd: s.periodEnd,
        version: s.version,
        publishedAt: s.publishedAt,
        threshold: s.threshold,
        /** What the counts are counts of, said beside each count on the page. */
        filters: s.filters ?? {},
        /** Counts at or above the threshold are rounded to the nearest multiple of this. */
        rounding: s.rounding ?? ROUNDING_BASE,
        // Only themes the working group wrote a public summary for (issue 14): a bare count says nothing.
        themes: s.themes
          .filter((t) => 'n' in t.count && t.count.n >= s.threshold)
          .filter((t) => Boolean(t.publicSummary?.en?.trim() || t.publicSummary?.es?.trim()))
          .map((t) => ({
            title: t.title,
            publicSummary: t.publicSummary,
            count: t.count,
            guidance: (guidance.get(t.themeId) ?? []).map(({ textEn, textEs, decidedOn }) => ({ textEn, textEs, decidedOn })),
          })),
      }))
      .filter((r) => r.themes.length > 0),
  }
}
