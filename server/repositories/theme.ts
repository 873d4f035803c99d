import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { ThemeStatus } from '../schemas/theme'

type Handle = Kysely<Database> | Transaction<Database>

/** Testimony a theme may hold: not withdrawn, hidden by moderation, or merged into another. */
export const THEME_ELIGIBLE = sql<boolean>`s.status not in ('withdrawn', 'hidden', 'merged')`
/** Testimony a report may quote: accepted, with its text, and the submitter consented to quoting. */
export const QUOTABLE = sql<boolean>`s.consent_quote = true and s.status = 'accepted' and s.text_redacted is not null`

export function listThemes(db: Handle, status: ThemeStatus | 'all') {
  let q = db
    .selectFrom('themes as t')
    .leftJoin('themes as m', 'm.id', 't.merged_into_id')
    .select([
      't.id',
      't.title',
      't.summary',
      't.status',
      't.updated_at as updatedAt',
      't.created_at as createdAt',
      'm.id as mergedIntoId',
      'm.title as mergedIntoTitle',
      (eb) =>
        eb
          .selectFrom('theme_members as tm')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('tm.theme_id', '=', 't.id')
          .as('memberCount'),
      (eb) =>
        eb
          .selectFrom('theme_quotes as tq')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('tq.theme_id', '=', 't.id')
          .as('quoteCount'),
    ])
  if (status !== 'all') q = q.where('t.status', '=', status)
  return q.orderBy('t.updated_at', 'desc').orderBy('t.id').execute()
}

export function findTheme(db: Handle, id: string) {
  return db
    .selectFrom('themes as t')
    .leftJoin('themes as m', 'm.id', 't.merged_into_id')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select([
      't.id',
      't.title',
      't.summary',
      't.status',
      't.created_at as createdAt',
      't.updated_at as updatedAt',
      'u.display_name as createdByName',
      'm.id as mergedIntoId',
      'm.title as mergedIntoTitle',
    ])
    .where('t.id', '=', id)
    .executeTakeFirst()
}

/** Locks a theme row for an edit (PostgreSQL: concurrent edits of one theme queue up). */
export function lockTheme(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('themes').select(['id', 'title', 'status']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export async function touchTheme(trx: Transaction<Database>, id: string, now: Date) {
  await trx.updateTable('themes').set({ updated_at: now }).where('id', '=', id).execute()
}

export async function memberCount(db: Handle, themeId: string): Promise<number> {
  const row = await db
    .selectFrom('theme_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('theme_id', '=', themeId)
    .executeTakeFirstOrThrow()
  return row.n
}

export function insertSource(
  trx: Transaction<Database>,
  source: {
    themeId: string
    kind: 'cluster' | 'tag' | 'theme' | 'manual'
    runId?: string
    cluster?: number
    tagId?: string
    sourceThemeId?: string
    memberCount: number
    actorId: string
    now: Date
  },
) {
  return trx
    .insertInto('theme_sources')
    .values({
      theme_id: source.themeId,
      kind: source.kind,
      run_id: source.runId ?? null,
      cluster: source.cluster ?? null,
      tag_id: source.tagId ?? null,
      source_theme_id: source.sourceThemeId ?? null,
      member_count: source.memberCount,
      created_by: source.actorId,
      created_at: source.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export async function setSourceCount(trx: Transaction<Database>, sourceId: string, count: number) {
  await trx.updateTable('theme_sources').set({ member_count: count }).where('id', '=', sourceId).execute()
}

type MemberInsert = { themeId: string; sourceId: string; actorId: string; now: Date }

/** Adds the eligible submissions a query yields as members (already members are kept as they were). Returns how many were added. */
async function addMembersFrom(trx: Transaction<Database>, target: MemberInsert, ids: ReturnType<typeof eligibleIds>): Promise<number> {
  // The select yields submission_id first: the column list follows it.
  const result = await trx
    .insertInto('theme_members')
    .columns(['submission_id', 'theme_id', 'source_id', 'added_by', 'added_at'])
    .expression(
      ids.select([
        sql<string>`${target.themeId}::uuid`.as('theme_id'),
        sql<string>`${target.sourceId}::uuid`.as('source_id'),
        sql<string>`${target.actorId}::uuid`.as('added_by'),
        sql<Date>`${target.now}::timestamptz`.as('added_at'),
      ]) as never,
    )
    .onConflict((oc) => oc.columns(['theme_id', 'submission_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

function eligibleIds(trx: Transaction<Database>) {
  return trx.selectFrom('submissions as s').select('s.id as submission_id').where(THEME_ELIGIBLE)
}

export function addClusterMembers(trx: Transaction<Database>, target: MemberInsert, runId: string, cluster: number) {
  return addMembersFrom(
    trx,
    target,
    eligibleIds(trx).where((eb) =>
      eb.exists(
        eb.selectFrom('run_members as rm').select('rm.submission_id').whereRef('rm.submission_id', '=', 's.id').where('rm.run_id', '=', runId).where('rm.cluster', '=', cluster),
      ),
    ),
  )
}

export function addTagMembers(trx: Transaction<Database>, target: MemberInsert, tagId: string) {
  return addMembersFrom(
    trx,
    target,
    eligibleIds(trx).where((eb) => eb.exists(eb.selectFrom('submission_tags as st').select('st.id').whereRef('st.submission_id', '=', 's.id').where('st.tag_id', '=', tagId))),
  )
}

/** All members of another theme (a merge): eligibility is not re-checked, they already were members. */
export async function addThemeMembers(trx: Transaction<Database>, target: MemberInsert, fromThemeId: string, only?: readonly string[]): Promise<number> {
  let q = trx
    .selectFrom('theme_members as fm')
    .select([
      sql<string>`${target.themeId}::uuid`.as('theme_id'),
      'fm.submission_id',
      sql<string>`${target.sourceId}::uuid`.as('source_id'),
      sql<string>`${target.actorId}::uuid`.as('added_by'),
      sql<Date>`${target.now}::timestamptz`.as('added_at'),
    ])
    .where('fm.theme_id', '=', fromThemeId)
  if (only) q = q.where('fm.submission_id', 'in', only.length ? only : ['00000000-0000-0000-0000-000000000000'])
  const result = await trx
    .insertInto('theme_members')
    .columns(['theme_id', 'submission_id', 'source_id', 'added_by', 'added_at'])
    .expression(q)
    .onConflict((oc) => oc.columns(['theme_id', 'submission_id']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0)
}

export async function membersAmong(db: Handle, themeId: string, submissionIds: readonly string[]): Promise<string[]> {
  if (submissionIds.length === 0) return []
  const rows = await db.selectFrom('theme_members').select('submission_id').where('theme_id', '=', themeId).where('submission_id', 'in', submissionIds).execute()
  return rows.map((r) => r.submission_id)
}

export async function deleteMembers(trx: Transaction<Database>, themeId: string, submissionIds: readonly string[]) {
  if (submissionIds.length === 0) return
  await trx.deleteFrom('theme_quotes').where('theme_id', '=', themeId).where('submission_id', 'in', submissionIds).execute()
  await trx.deleteFrom('theme_members').where('theme_id', '=', themeId).where('submission_id', 'in', submissionIds).execute()
}

/**
 * Moves quotes to another theme (after its own, order kept) unless it already quotes the same
 * testimony. `only` limits it to some submissions. Returns how many moved.
 */
export async function moveQuotes(trx: Transaction<Database>, fromThemeId: string, toThemeId: string, now: Date, only?: readonly string[]): Promise<number> {
  const top = await trx
    .selectFrom('theme_quotes')
    .select(sql<number>`coalesce(max(position), -1)::int`.as('p'))
    .where('theme_id', '=', toThemeId)
    .executeTakeFirstOrThrow()
  let q = trx
    .updateTable('theme_quotes')
    .set({ theme_id: toThemeId, position: sql`position + ${top.p + 1000}`, updated_at: now })
    .where('theme_id', '=', fromThemeId)
    .where('submission_id', 'not in', (eb) => eb.selectFrom('theme_quotes as tq').select('tq.submission_id').where('tq.theme_id', '=', toThemeId))
  if (only) q = q.where('submission_id', 'in', only.length ? only : ['00000000-0000-0000-0000-000000000000'])
  const result = await q.executeTakeFirst()
  await renumberQuotes(trx, toThemeId)
  return Number(result.numUpdatedRows)
}

/** Quote positions 0, 1, 2, … in their current order. */
export async function renumberQuotes(trx: Transaction<Database>, themeId: string) {
  await sql`
    update theme_quotes q set position = x.rn
    from (select id, (row_number() over (order by position, created_at, id) - 1)::int as rn from theme_quotes where theme_id = ${themeId}) x
    where q.id = x.id and q.position <> x.rn`.execute(trx)
}

export function themeSources(db: Handle, themeId: string) {
  return db
    .selectFrom('theme_sources as ts')
    .leftJoin('clustering_runs as r', 'r.id', 'ts.run_id')
    .leftJoin('tags as tg', 'tg.id', 'ts.tag_id')
    .leftJoin('themes as st', 'st.id', 'ts.source_theme_id')
    .leftJoin('users as u', 'u.id', 'ts.created_by')
    .select([
      'ts.id',
      'ts.kind',
      'ts.run_id as runId',
      'r.name as runName',
      'ts.cluster',
      'ts.tag_id as tagId',
      'tg.name_en as tagNameEn',
      'tg.name_es as tagNameEs',
      'ts.source_theme_id as sourceThemeId',
      'st.title as sourceThemeTitle',
      'ts.member_count as memberCount',
      'ts.created_at as createdAt',
      'u.display_name as createdByName',
    ])
    .where('ts.theme_id', '=', themeId)
    .orderBy('ts.created_at')
    .orderBy('ts.id')
    .execute()
}

export async function themeMembers(db: Handle, themeId: string, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('theme_members as tm')
      .innerJoin('submissions as s', 's.id', 'tm.submission_id')
      .leftJoin('theme_sources as ts', 'ts.id', 'tm.source_id')
      .select([
        's.id',
        's.receipt_code as receiptCode',
        's.text_redacted as text',
        's.language',
        's.status',
        's.consent_quote as consentQuote',
        'ts.kind as sourceKind',
        'tm.added_at as addedAt',
        (eb) =>
          eb.exists(eb.selectFrom('theme_quotes as q').select('q.id').whereRef('q.submission_id', '=', 'tm.submission_id').whereRef('q.theme_id', '=', 'tm.theme_id')).as('quoted'),
      ])
      .where('tm.theme_id', '=', themeId)
      .orderBy('tm.added_at')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    memberCount(db, themeId),
  ])
  return { rows, total }
}

/** Members a quote may come from (consent, accepted, text kept) and not quoted yet. */
export async function quotableMembers(db: Handle, themeId: string, page: { limit: number; offset: number }) {
  const base = db
    .selectFrom('theme_members as tm')
    .innerJoin('submissions as s', 's.id', 'tm.submission_id')
    .where('tm.theme_id', '=', themeId)
    .where(QUOTABLE)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('theme_quotes as q').select('q.id').whereRef('q.submission_id', '=', 'tm.submission_id').whereRef('q.theme_id', '=', 'tm.theme_id'))),
    )
  const [rows, total] = await Promise.all([
    base.select(['s.id', 's.receipt_code as receiptCode', 's.text_redacted as text', 's.language']).orderBy('s.id').limit(page.limit).offset(page.offset).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

export function themeQuotes(db: Handle, themeId: string) {
  return db
    .selectFrom('theme_quotes as q')
    .innerJoin('submissions as s', 's.id', 'q.submission_id')
    .select([
      'q.id',
      'q.position',
      'q.translation',
      'q.translation_lang as translationLang',
      'q.translation_kind as translationKind',
      's.id as submissionId',
      's.receipt_code as receiptCode',
      's.text_redacted as text',
      's.language',
      sql<boolean>`${QUOTABLE}`.as('stillQuotable'),
    ])
    .where('q.theme_id', '=', themeId)
    .orderBy('q.position')
    .orderBy('q.created_at')
    .execute()
}

export function findQuote(db: Handle, quoteId: string) {
  return db
    .selectFrom('theme_quotes as q')
    .innerJoin('submissions as s', 's.id', 'q.submission_id')
    .select(['q.id', 'q.theme_id as themeId', 'q.submission_id as submissionId', 'q.position', 'q.translation_lang as translationLang', 's.language'])
    .where('q.id', '=', quoteId)
    .executeTakeFirst()
}

/** Submission fields the quote rule needs, with membership in the theme. */
export function quoteCandidate(db: Handle, themeId: string, submissionId: string) {
  return db
    .selectFrom('submissions as s')
    .select([
      's.id',
      's.status',
      's.consent_quote as consentQuote',
      's.text_redacted as text',
      's.language',
      's.translation_en as translationEn',
      's.translation_es as translationEs',
      (eb) =>
        eb.exists(eb.selectFrom('theme_members as tm').select('tm.submission_id').whereRef('tm.submission_id', '=', 's.id').where('tm.theme_id', '=', themeId)).as('isMember'),
      (eb) => eb.exists(eb.selectFrom('theme_quotes as q').select('q.id').whereRef('q.submission_id', '=', 's.id').where('q.theme_id', '=', themeId)).as('isQuoted'),
    ])
    .where('s.id', '=', submissionId)
    .executeTakeFirst()
}

/** The theme's own history from the audit log (facilitators cannot read the whole log). */
export function themeHistory(db: Handle, themeId: string, limit = 100) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.at', 'a.action', 'a.details', 'u.display_name as actorName'])
    .where('a.target_type', '=', 'theme')
    .where('a.target_id', '=', themeId)
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()
}

/** Rewrites a machine-drafted theme summary (withdrawal removes the sentences it copied); never an approved one. */
export async function setDraftThemeSummary(db: Kysely<Database> | Transaction<Database>, id: string, summary: string) {
  await db.updateTable('themes').set({ summary }).where('id', '=', id).where('summary_approved_at', 'is', null).execute()
}
