import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { BUREAUS, type Bureau } from '../schemas/reference'
import type { MemberText } from '../reports/summary-check'
import { NO_ORGANIZATION, NOT_GIVEN, type GuidanceRef, type QuoteTranslation, type RawQuote, type SnapshotQuote, type RawTheme, type ReportFilters, type ReportSnapshot, readSnapshot } from '../reports/snapshot'

type Handle = Kysely<Database> | Transaction<Database>

const reportColumns = [
  'r.id',
  'r.title',
  'r.period_start as periodStart',
  'r.period_end as periodEnd',
  'r.status',
  'r.version',
  'r.filters',
  'r.created_at as createdAt',
  'r.updated_at as updatedAt',
  'r.published_at as publishedAt',
] as const

export function findReport(db: Handle, id: string) {
  return db.selectFrom('reports as r').select(reportColumns).where('r.id', '=', id).executeTakeFirst()
}

export function lockReport(db: Transaction<Database>, id: string) {
  return db.selectFrom('reports as r').select(reportColumns).where('r.id', '=', id).forUpdate().executeTakeFirst()
}

/** Every report, drafts too, most recently changed first, with how many themes its draft has. */
export function listReports(db: Handle) {
  return db
    .selectFrom('reports as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .select([...reportColumns, 'u.display_name as createdByName'])
    .select((eb) => eb.selectFrom('report_themes as rt').whereRef('rt.report_id', '=', 'r.id').select(sql<number>`count(*)::int`.as('n')).as('themeCount'))
    .orderBy('r.updated_at', 'desc')
    .orderBy('r.id')
    .execute()
}

export function insertReport(db: Handle, row: { title: string; periodStart: string; periodEnd: string; createdBy: string; now: Date }) {
  return db
    .insertInto('reports')
    .values({ title: row.title, period_start: row.periodStart, period_end: row.periodEnd, created_by: row.createdBy, created_at: row.now, updated_at: row.now, updated_by: row.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function updateReportRow(db: Handle, id: string, values: { title: string; periodStart: string; periodEnd: string; filters: ReportFilters; updatedBy: string; now: Date }) {
  await db
    .updateTable('reports')
    .set({ title: values.title, period_start: values.periodStart, period_end: values.periodEnd, filters: JSON.stringify(values.filters), updated_by: values.updatedBy, updated_at: values.now })
    .where('id', '=', id)
    .execute()
}

export async function touchReport(db: Handle, id: string, by: string, now: Date) {
  await db.updateTable('reports').set({ updated_by: by, updated_at: now }).where('id', '=', id).execute()
}

/** The draft's themes in order, with their live titles and member counts (all members, unfiltered). */
export function reportThemes(db: Handle, reportId: string) {
  return db
    .selectFrom('report_themes as rt')
    .innerJoin('themes as t', 't.id', 'rt.theme_id')
    .select([
      'rt.theme_id as themeId',
      'rt.position',
      'rt.public_summary_en as publicSummaryEn',
      'rt.public_summary_es as publicSummaryEs',
      't.title',
      't.summary',
      't.summary_approved_at as summaryApprovedAt',
      't.status',
    ])
    .where('rt.report_id', '=', reportId)
    .orderBy('rt.position')
    .execute()
}

/** Active themes that are not in the report yet, for the builder's "add a theme" list. */
export function themeOptions(db: Handle, reportId: string) {
  return db
    .selectFrom('themes as t')
    .select(['t.id', 't.title'])
    .select((eb) => eb.selectFrom('theme_members as tm').whereRef('tm.theme_id', '=', 't.id').select(sql<number>`count(*)::int`.as('n')).as('memberCount'))
    .where('t.status', '=', 'active')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('report_themes as rt').select('rt.theme_id').whereRef('rt.theme_id', '=', 't.id').where('rt.report_id', '=', reportId))))
    .orderBy('t.title')
    .execute()
}

export async function insertReportTheme(db: Handle, row: { reportId: string; themeId: string; addedBy: string; now: Date }) {
  const last = await db
    .selectFrom('report_themes')
    .select(sql<number | null>`max(position)`.as('p'))
    .where('report_id', '=', row.reportId)
    .executeTakeFirst()
  await db
    .insertInto('report_themes')
    .values({ report_id: row.reportId, theme_id: row.themeId, position: (last?.p ?? 0) + 1, added_by: row.addedBy, added_at: row.now })
    .onConflict((oc) => oc.columns(['report_id', 'theme_id']).doNothing())
    .execute()
}

export async function deleteReportTheme(db: Handle, reportId: string, themeId: string) {
  const deleted = await db.deleteFrom('report_themes').where('report_id', '=', reportId).where('theme_id', '=', themeId).executeTakeFirst()
  return Number(deleted.numDeletedRows) > 0
}

export async function setReportThemePositions(db: Handle, reportId: string, themeIds: string[]) {
  for (const [index, themeId] of themeIds.entries()) {
    await db.updateTable('report_themes').set({ position: index + 1 }).where('report_id', '=', reportId).where('theme_id', '=', themeId).execute()
  }
}

export async function updateReportThemeSummary(db: Handle, reportId: string, themeId: string, summary: { en: string; es: string }) {
  const updated = await db
    .updateTable('report_themes')
    .set({ public_summary_en: summary.en, public_summary_es: summary.es })
    .where('report_id', '=', reportId)
    .where('theme_id', '=', themeId)
    .executeTakeFirst()
  return Number(updated.numUpdatedRows) > 0
}

/** The month a submission counts in: the month of the incident, else the month it was received (Los Angeles time). */
const reportMonth = sql<string>`coalesce(s.incident_month, to_char(s.created_at at time zone 'America/Los_Angeles', 'YYYY-MM'))`

/** WHERE conditions of a report over `submissions s` left-joined to `organizations o`: accepted, in the period, matching the filters. */
function reportConditions(period: { start: string; end: string }, filters: ReportFilters) {
  const conditions = [sql`s.status = 'accepted'`, sql`${reportMonth} between ${period.start} and ${period.end}`]
  if (filters.bureau && filters.bureau in BUREAUS) conditions.push(sql`s.area in (${sql.join([...BUREAUS[filters.bureau as Bureau]])})`)
  if (filters.area) conditions.push(sql`s.area = ${filters.area}`)
  if (filters.setting) conditions.push(sql`s.setting = ${filters.setting}`)
  if (filters.agency) conditions.push(sql`${filters.agency} = any(s.agencies)`)
  if (filters.language) conditions.push(sql`s.language = ${filters.language}`)
  if (filters.organizationKind) {
    conditions.push(filters.organizationKind === NO_ORGANIZATION ? sql`s.organization_id is null` : sql`o.kind = ${filters.organizationKind}`)
  }
  return sql.join(conditions, sql` and `)
}

type CountRow = { theme_id: string; dim: 'total' | 'month' | 'area' | 'setting' | 'agency' | 'org'; key: string; n: number }

/**
 * Every count a report shows for its themes, in one statement: the members in
 * the period and filters are materialized once, then grouped per dimension.
 */
export async function reportCounts(db: Handle, themeIds: string[], period: { start: string; end: string }, filters: ReportFilters) {
  const out = new Map<string, Pick<RawTheme, 'total' | 'months' | 'areas' | 'settings' | 'agencies' | 'organizationKinds'>>()
  for (const id of themeIds) out.set(id, { total: 0, months: {}, areas: {}, settings: {}, agencies: {}, organizationKinds: {} })
  if (themeIds.length === 0) return out
  const { rows } = await sql<CountRow>`
    with f as materialized (
      select tm.theme_id, ${reportMonth} as month,
             coalesce(s.area, ${NOT_GIVEN}) as area, coalesce(s.setting, ${NOT_GIVEN}) as setting,
             s.agencies, coalesce(o.kind, ${NO_ORGANIZATION}) as org
      from theme_members tm
      join submissions s on s.id = tm.submission_id
      left join organizations o on o.id = s.organization_id
      where tm.theme_id in (${sql.join(themeIds)}) and ${reportConditions(period, filters)}
    )
    select theme_id, 'total' as dim, '' as key, count(*)::int as n from f group by theme_id
    union all select theme_id, 'month', month, count(*)::int from f group by theme_id, month
    union all select theme_id, 'area', area, count(*)::int from f group by theme_id, area
    union all select theme_id, 'setting', setting, count(*)::int from f group by theme_id, setting
    union all select theme_id, 'org', org, count(*)::int from f group by theme_id, org
    union all select f.theme_id, 'agency', coalesce(a.agency, ${NOT_GIVEN}), count(*)::int
      from f left join lateral unnest(f.agencies) as a(agency) on true group by 1, 3
  `.execute(db)
  const field = { month: 'months', area: 'areas', setting: 'settings', agency: 'agencies', org: 'organizationKinds' } as const
  for (const row of rows) {
    const theme = out.get(row.theme_id)!
    if (row.dim === 'total') theme.total = row.n
    else theme[field[row.dim]][row.key] = row.n
  }
  return out
}

type QuoteRow = {
  theme_id: string
  submission_id: string
  text: string
  language: string
  translation_en: string | null
  translation_es: string | null
  translation: string | null
  translation_lang: string | null
  translation_kind: 'machine' | 'human' | null
  month: string
  area: string
  setting: string
  agencies: string[]
  org: string
}

/**
 * The chosen quotes of these themes that may appear in a report: from members in
 * the period and filters, accepted, whose sender allowed anonymous quoting.
 */
export async function reportQuotes(db: Handle, themeIds: string[], period: { start: string; end: string }, filters: ReportFilters) {
  const out = new Map<string, RawQuote[]>()
  if (themeIds.length === 0) return out
  const { rows } = await sql<QuoteRow>`
    select q.theme_id, q.submission_id, s.text_redacted as text, s.language, s.translation_en, s.translation_es,
           q.translation, q.translation_lang, q.translation_kind,
           ${reportMonth} as month, coalesce(s.area, ${NOT_GIVEN}) as area, coalesce(s.setting, ${NOT_GIVEN}) as setting,
           s.agencies, coalesce(o.kind, ${NO_ORGANIZATION}) as org
    from theme_quotes q
    join theme_members tm on tm.theme_id = q.theme_id and tm.submission_id = q.submission_id
    join submissions s on s.id = q.submission_id
    left join organizations o on o.id = s.organization_id
    where q.theme_id in (${sql.join(themeIds)}) and s.consent_quote and s.text_redacted is not null and ${reportConditions(period, filters)}
    order by q.theme_id, q.position, q.created_at, q.id
  `.execute(db)
  for (const row of rows) {
    const list = out.get(row.theme_id) ?? []
    list.push({
      submissionId: row.submission_id,
      text: row.text,
      language: row.language,
      translations: quoteTranslations(row),
      cells: { month: row.month, area: row.area, setting: row.setting, agencies: row.agencies, organizationKind: row.org },
    })
    out.set(row.theme_id, list)
  }
  return out
}

/** The quote's own translation (a person's, or a machine's they kept); else the stored machine translation into the other language. */
function quoteTranslations(row: QuoteRow): QuoteTranslation[] {
  if (row.translation) {
    const lang = row.translation_lang ?? (row.language === 'en' ? 'es' : 'en')
    return [{ lang, text: row.translation, kind: row.translation_kind ?? 'human' }]
  }
  const machine: QuoteTranslation[] = []
  if (row.language !== 'en' && row.translation_en) machine.push({ lang: 'en', text: row.translation_en, kind: 'machine' })
  if (row.language !== 'es' && row.translation_es) machine.push({ lang: 'es', text: row.translation_es, kind: 'machine' })
  return machine
}

/** Guidance items linked to these themes, newest decision first. */
export async function guidanceForThemes(db: Handle, themeIds: string[], options: { status?: GuidanceRef['status'] } = {}) {
  const out = new Map<string, GuidanceRef[]>()
  if (themeIds.length === 0) return out
  let query = db
    .selectFrom('guidance_themes as gt')
    .innerJoin('guidance_items as g', 'g.id', 'gt.guidance_id')
    .select(['gt.theme_id as themeId', 'g.id', 'g.text_en as textEn', 'g.text_es as textEs', 'g.status', 'g.decided_on as decidedOn'])
    .where('gt.theme_id', 'in', themeIds)
    .orderBy('g.decided_on', 'desc')
    .orderBy('g.created_at', 'desc')
  if (options.status) query = query.where('g.status', '=', options.status)
  for (const { themeId, ...item } of await query.execute()) out.set(themeId, [...(out.get(themeId) ?? []), item])
  return out
}

/**
 * Stores a published version: the snapshot without the quotes' words, and the
 * quotes in report_version_quotes (the only place withdrawal may still reach).
 */
export async function insertVersion(db: Handle, row: { reportId: string; version: number; snapshot: ReportSnapshot; quoteSources: Map<string, (string | null)[]>; publishedBy: string; now: Date }) {
  const stored: ReportSnapshot = { ...row.snapshot, themes: row.snapshot.themes.map((t) => ({ ...t, quotes: [] })) }
  const { id } = await db
    .insertInto('report_versions')
    .values({ report_id: row.reportId, version: row.version, snapshot: JSON.stringify(stored), published_by: row.publishedBy, published_at: row.now })
    .returning('id')
    .executeTakeFirstOrThrow()
  const quotes = row.snapshot.themes.flatMap((t) =>
    t.quotes.map((q, i) => ({
      report_version_id: id,
      theme_id: t.themeId,
      position: i + 1,
      submission_id: row.quoteSources.get(t.themeId)?.[i] ?? null,
      language: q.language,
      text: q.text,
      translations: JSON.stringify(q.translations),
    })),
  )
  if (quotes.length) await db.insertInto('report_version_quotes').values(quotes).execute()
  return { id }
}

export async function markPublished(db: Handle, id: string, version: number, now: Date) {
  await db.updateTable('reports').set({ status: 'published', version, published_at: now }).where('id', '=', id).execute()
}

export function listVersions(db: Handle, reportId: string) {
  return db
    .selectFrom('report_versions as v')
    .leftJoin('users as u', 'u.id', 'v.published_by')
    .select(['v.version', 'v.published_at as publishedAt', 'u.display_name as publishedBy'])
    .where('v.report_id', '=', reportId)
    .orderBy('v.version', 'desc')
    .execute()
}

export async function findSnapshot(db: Handle, reportId: string, version: number): Promise<ReportSnapshot | null> {
  const row = await db.selectFrom('report_versions').select(['id', 'snapshot']).where('report_id', '=', reportId).where('version', '=', version).executeTakeFirst()
  if (!row) return null
  const snapshot = readSnapshot(row.snapshot as ReportSnapshot)
  const quotes = await db
    .selectFrom('report_version_quotes')
    .select(['theme_id', 'language', 'text', 'translations'])
    .where('report_version_id', '=', row.id)
    .orderBy('theme_id')
    .orderBy('position')
    .execute()
  const byTheme = new Map<string, SnapshotQuote[]>()
  for (const q of quotes) {
    const quote: SnapshotQuote = q.text === null ? { language: q.language, text: '', translations: [], withdrawn: true } : { language: q.language, text: q.text, translations: q.translations as QuoteTranslation[] }
    byTheme.set(q.theme_id, [...(byTheme.get(q.theme_id) ?? []), quote])
  }
  return { ...snapshot, themes: snapshot.themes.map((t) => ({ ...t, quotes: byTheme.get(t.themeId) ?? [] })) }
}

/**
 * Withdrawal reaches published versions: blanks every published quote of this
 * submission (the trigger allows nothing else), returning the versions touched.
 */
export async function blankPublishedQuotes(db: Handle, submissionId: string, now: Date) {
  return db
    .updateTable('report_version_quotes as q')
    .from('report_versions as v')
    .set({ text: null, translations: '[]', withdrawn_at: now })
    .whereRef('v.id', '=', 'q.report_version_id')
    .where('q.submission_id', '=', submissionId)
    .where('q.text', 'is not', null)
    .returning(['v.report_id as reportId', 'v.version', 'q.theme_id as themeId'])
    .execute()
}

/** The latest published version of every report, without its quotes (the public page shows none). */
export async function latestSnapshots(db: Handle): Promise<ReportSnapshot[]> {
  const { rows } = await sql<{ snapshot: ReportSnapshot }>`
    select distinct on (report_id) snapshot from report_versions order by report_id, version desc
  `.execute(db)
  return rows.map((r) => readSnapshot(r.snapshot))
}

/** Whether a theme is, or was in a published version, part of the report (comments are only taken on those). */
export async function themeInReport(db: Handle, reportId: string, themeId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from report_themes where report_id = ${reportId} and theme_id = ${themeId})
        or exists (select 1 from report_versions where report_id = ${reportId}
                   and snapshot -> 'themes' @> jsonb_build_array(jsonb_build_object('themeId', ${themeId}::text))) as found
  `.execute(db)
  return Boolean(rows[0]?.found)
}

export function insertComment(db: Handle, row: { reportId: string; themeId: string; parentId: string | null; version: number; authorId: string; body: string; now: Date }) {
  return db
    .insertInto('report_comments')
    .values({ report_id: row.reportId, theme_id: row.themeId, parent_id: row.parentId, report_version: row.version, author_id: row.authorId, body: row.body, created_at: row.now })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function findComment(db: Handle, id: string) {
  return db.selectFrom('report_comments').select(['id', 'report_id as reportId', 'theme_id as themeId', 'parent_id as parentId', 'report_version as version']).where('id', '=', id).executeTakeFirst()
}

export function listComments(db: Handle, reportId: string) {
  return db
    .selectFrom('report_comments as c')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.theme_id as themeId', 'c.parent_id as parentId', 'c.report_version as version', 'c.body', 'c.created_at as createdAt', 'u.display_name as authorName', 'u.role as authorRole'])
    .where('c.report_id', '=', reportId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute()
}

/** Every summary a published version shows, per theme (issue 12 §3: checked for withdrawn words). */
export async function publishedSummaries(db: Handle) {
  const { rows } = await sql<{ reportId: string; version: number; themeId: string; summary: string | null; publicSummaryEn: string | null; publicSummaryEs: string | null }>`
    select v.report_id as "reportId", v.version, t.theme ->> 'themeId' as "themeId", t.theme ->> 'summary' as summary,
           t.theme -> 'publicSummary' ->> 'en' as "publicSummaryEn", t.theme -> 'publicSummary' ->> 'es' as "publicSummaryEs"
    from report_versions v cross join lateral jsonb_array_elements(v.snapshot -> 'themes') as t(theme)
  `.execute(db)
  return rows
}

/** The summaries drafts would publish: each report theme's public summaries, and the theme's summary once approved. */
export function draftSummaries(db: Handle) {
  return db
    .selectFrom('report_themes as rt')
    .innerJoin('themes as t', 't.id', 'rt.theme_id')
    .select(['rt.report_id as reportId', 'rt.theme_id as themeId', 'rt.public_summary_en as publicSummaryEn', 'rt.public_summary_es as publicSummaryEs'])
    .select(sql<string | null>`case when t.summary_approved_at is not null then t.summary end`.as('summary'))
    .execute()
}

/** Machine-drafted (unapproved) summaries of the themes a submission is a member of. */
export function draftThemeSummariesOf(db: Handle, submissionId: string) {
  return db
    .selectFrom('themes as t')
    .innerJoin('theme_members as tm', 'tm.theme_id', 't.id')
    .select(['t.id', 't.summary'])
    .where('tm.submission_id', '=', submissionId)
    .where('t.summary_approved_at', 'is', null)
    .execute()
}

export async function insertWarnings(db: Handle, rows: { reportId: string; version: number; themeId: string; field: 'summary' | 'publicSummaryEn' | 'publicSummaryEs' }[], now: Date) {
  if (rows.length === 0) return
  await db
    .insertInto('report_warnings')
    .values(rows.map((r) => ({ report_id: r.reportId, version: r.version, theme_id: r.themeId, kind: 'withdrawn-words-in-summary' as const, field: r.field, created_at: now })))
    .execute()
}

/** Open warnings of a report, newest first, with the theme's title where it still exists. */
export function openWarnings(db: Handle, reportId: string) {
  return db
    .selectFrom('report_warnings as w')
    .leftJoin('themes as t', 't.id', 'w.theme_id')
    .select(['w.id', 'w.version', 'w.theme_id as themeId', 't.title as themeTitle', 'w.kind', 'w.field', 'w.created_at as createdAt'])
    .where('w.report_id', '=', reportId)
    .where('w.resolved_at', 'is', null)
    .orderBy('w.created_at', 'desc')
    .orderBy('w.version', 'desc')
    .execute()
}

type MemberRow = {
  theme_id: string
  submission_id: string
  receipt_code: string
  text: string
  translation_en: string | null
  translation_es: string | null
  consent_quote: boolean
  in_report: boolean
  month: string
  area: string
  setting: string
  agencies: string[]
  org: string
}

/**
 * The text of every member of these themes that still has text, with whether it
 * is in the report's period and filters and the cells it falls in: what a
 * summary must not copy unless the member may be quoted (issue 12 §2).
 */
export async function memberTexts(db: Handle, themeIds: string[], period: { start: string; end: string }, filters: ReportFilters) {
  const out = new Map<string, MemberText[]>()
  if (themeIds.length === 0) return out
  const { rows } = await sql<MemberRow>`
    select tm.theme_id, s.id as submission_id, s.receipt_code, s.text_redacted as text, s.translation_en, s.translation_es, s.consent_quote,
           (${reportConditions(period, filters)}) as in_report,
           ${reportMonth} as month, coalesce(s.area, ${NOT_GIVEN}) as area, coalesce(s.setting, ${NOT_GIVEN}) as setting,
           s.agencies, coalesce(o.kind, ${NO_ORGANIZATION}) as org
    from theme_members tm
    join submissions s on s.id = tm.submission_id
    left join organizations o on o.id = s.organization_id
    where tm.theme_id in (${sql.join(themeIds)}) and s.text_redacted is not null
    order by tm.theme_id, s.receipt_code
  `.execute(db)
  for (const row of rows) {
    const list = out.get(row.theme_id) ?? []
    list.push({
      submissionId: row.submission_id,
      receiptCode: row.receipt_code,
      texts: [row.text, row.translation_en, row.translation_es].filter((t): t is string => !!t),
      consentQuote: row.consent_quote,
      inReport: row.in_report,
      cells: { month: row.month, area: row.area, setting: row.setting, agencies: row.agencies, organizationKind: row.org },
    })
    out.set(row.theme_id, list)
  }
  return out
}

/**
 * The whole collection as the re-identification check reads it (issue 12 §4):
 * every testimony with text that is not withdrawn or merged, with its Area,
 * month and setting.
 */
export async function reidCollection(db: Handle) {
  const { rows } = await sql<{ text: string; area: string; month: string; setting: string }>`
    select s.text_redacted as text, coalesce(s.area, ${NOT_GIVEN}) as area, ${reportMonth} as month, coalesce(s.setting, ${NOT_GIVEN}) as setting
    from submissions s
    where s.text_redacted is not null and s.status not in ('withdrawn', 'merged')
  `.execute(db)
  return rows
}

/** Facilitators' re-identification reviews of a report's quotes, by theme and submission. */
export async function quoteReviews(db: Handle, reportId: string) {
  const rows = await db
    .selectFrom('report_quote_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.reviewed_by')
    .select(['r.theme_id as themeId', 'r.submission_id as submissionId', 'r.reviewed_at as reviewedAt', 'u.display_name as reviewedBy'])
    .where('r.report_id', '=', reportId)
    .execute()
  return new Map(rows.map((r) => [`${r.themeId}/${r.submissionId}`, { by: r.reviewedBy ?? '', at: new Date(r.reviewedAt).toISOString() }]))
}

/** Records a review; false when the quote is not one of the theme's quotes or the theme not in the report. */
export async function insertQuoteReview(db: Handle, row: { reportId: string; themeId: string; submissionId: string; by: string; now: Date }) {
  const { rows } = await sql<{ ok: boolean }>`
    select exists (
      select 1 from theme_quotes q join report_themes rt on rt.theme_id = q.theme_id and rt.report_id = ${row.reportId}
      where q.theme_id = ${row.themeId} and q.submission_id = ${row.submissionId}
    ) as ok
  `.execute(db)
  if (!rows[0]?.ok) return false
  await db
    .insertInto('report_quote_reviews')
    .values({ report_id: row.reportId, theme_id: row.themeId, submission_id: row.submissionId, reviewed_by: row.by, reviewed_at: row.now })
    .onConflict((oc) => oc.columns(['report_id', 'theme_id', 'submission_id']).doNothing())
    .execute()
  return true
}
