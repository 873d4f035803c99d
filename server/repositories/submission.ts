import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, NewSubmission } from '../../db/schema'
import type { SubmissionStatus } from '../schemas/reference'
import { HEADLINE_OPTIONS, MATCH_START, MATCH_STOP } from '../lib/passage'

type Handle = Kysely<Database> | Transaction<Database>

export async function insertSubmission(db: Handle, row: NewSubmission): Promise<{ id: string; receipt_code: string; created_at: Date }> {
  return db.insertInto('submissions').values(row).returning(['id', 'receipt_code', 'created_at']).executeTakeFirstOrThrow()
}

/** Columns anyone allowed to see a submission may see: never the original text. */
const redactedColumns = [
  's.id',
  's.receipt_code as receiptCode',
  's.organization_id as organizationId',
  'org.name as organizationName',
  's.text_redacted as text',
  's.language',
  's.translation_en as translationEn',
  's.translation_es as translationEs',
  's.incident_month as incidentMonth',
  's.area',
  's.setting',
  's.agencies',
  's.city_response as cityResponse',
  's.guidance_wanted as guidanceWanted',
  's.consent_quote as consentQuote',
  's.consent_contact as consentContact',
  's.status',
  's.is_demo as isDemo',
  's.created_at as createdAt',
  's.withdrawn_at as withdrawnAt',
] as const

/** Submissions with their organization; the base of every list and filter. */
export function baseQuery(db: Handle) {
  return db.selectFrom('submissions as s').leftJoin('organizations as org', 'org.id', 's.organization_id')
}

export type SubmissionFilter = {
  q?: string
  organizationId?: string
  status?: SubmissionStatus
  language?: string
  areas?: string[]
  setting?: string
  agency?: string
  monthFrom?: string
  monthTo?: string
  tagId?: string
  untagged?: boolean
  runId?: string
  cluster?: number
  themeId?: string
}

/** Words of a search, tried as Spanish and as English (accent-insensitive), all required. */
function searchQuery(q: string) {
  return sql`(websearch_to_tsquery('voces_es', ${q}) || websearch_to_tsquery('voces_en', ${q}))`
}

/** The workspace list's filters on a baseQuery (also the document set of a clustering run). */
export function applyFilter<Q extends ReturnType<typeof baseQuery>>(query: Q, filter: SubmissionFilter): Q {
  let q = query
  if (filter.q) q = q.where(sql<boolean>`s.search @@ ${searchQuery(filter.q)}`) as Q
  if (filter.organizationId) q = q.where('s.organization_id', '=', filter.organizationId) as Q
  if (filter.status) q = q.where('s.status', '=', filter.status) as Q
  if (filter.language) q = q.where('s.language', '=', filter.language) as Q
  if (filter.areas) q = q.where('s.area', 'in', filter.areas.length ? filter.areas : ['']) as Q
  if (filter.setting) q = q.where('s.setting', '=', filter.setting) as Q
  if (filter.agency) q = q.where(sql<boolean>`${filter.agency} = any(s.agencies)`) as Q
  if (filter.monthFrom) q = q.where('s.incident_month', '>=', filter.monthFrom) as Q
  if (filter.monthTo) q = q.where('s.incident_month', '<=', filter.monthTo) as Q
  if (filter.tagId) {
    const tagId = filter.tagId
    q = q.where((eb) => eb.exists(eb.selectFrom('submission_tags as ft').select('ft.id').whereRef('ft.submission_id', '=', 's.id').where('ft.tag_id', '=', tagId))) as Q
  }
  if (filter.untagged) q = q.where((eb) => eb.not(eb.exists(eb.selectFrom('submission_tags as ut').select('ut.id').whereRef('ut.submission_id', '=', 's.id')))) as Q
  if (filter.runId) {
    const { runId, cluster } = filter
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('run_members as rm')
          .select('rm.submission_id')
          .whereRef('rm.submission_id', '=', 's.id')
          .where('rm.run_id', '=', runId)
          .$if(cluster !== undefined, (sub) => sub.where('rm.cluster', '=', cluster!)),
      ),
    ) as Q
  }
  if (filter.themeId) {
    const themeId = filter.themeId
    q = q.where((eb) => eb.exists(eb.selectFrom('theme_members as tm').select('tm.submission_id').whereRef('tm.submission_id', '=', 's.id').where('tm.theme_id', '=', themeId))) as Q
  }
  return q
}

export type FacetCounts = {
  status: Record<string, number>
  language: Record<string, number>
  area: Record<string, number>
  setting: Record<string, number>
  organization: Record<string, number>
  agency: Record<string, number>
  tag: Record<string, number>
}

/** Moves whenever submissions, their tags, or run/theme membership change (any process). */
export async function submissionsDataVersion(db: Handle): Promise<string> {
  const row = await sql<{ v: string }>`select last_value::text as v from submissions_data_version`.execute(db)
  return row.rows[0]!.v
}

/**
 * How many of the filtered submissions have each value of each facet
 * (drill-down counts: a value's count is what choosing it would show).
 * One scan with grouping sets for the single-valued columns, one over the
 * agencies array, one for tags.
 */
export async function facetCounts(db: Handle, filter: SubmissionFilter): Promise<FacetCounts> {
  const filtered = () => applyFilter(db.selectFrom('submissions as s') as ReturnType<typeof baseQuery>, filter)
  const [columns, agencies, tags] = await Promise.all([
    filtered()
      .select([
        sql<string | null>`s.status::text`.as('status'),
        's.language',
        's.area',
        's.setting',
        sql<string | null>`s.organization_id::text`.as('organization'),
        sql<number>`grouping(s.status, s.language, s.area, s.setting, s.organization_id)`.as('g'),
        sql<number>`count(*)::int`.as('n'),
      ])
      .groupBy(sql`grouping sets ((s.status), (s.language), (s.area), (s.setting), (s.organization_id))`)
      .execute(),
    db
      .selectFrom(filtered().select(sql<string>`unnest(s.agencies)`.as('agency')).as('a'))
      .select(['a.agency', sql<number>`count(*)::int`.as('n')])
      .groupBy('a.agency')
      .execute(),
    db
      .selectFrom('submission_tags as st')
      .where('st.submission_id', 'in', filtered().select('s.id'))
      .select([sql<string>`st.tag_id::text`.as('tag'), sql<number>`count(distinct st.submission_id)::int`.as('n')])
      .groupBy('st.tag_id')
      .execute(),
  ])
  const counts: FacetCounts = { status: {}, language: {}, area: {}, setting: {}, organization: {}, agency: {}, tag: {} }
  // grouping() has a bit set for each column NOT grouped in that row (status is the highest of the five).
  const facetOfMask: Record<number, 'status' | 'language' | 'area' | 'setting' | 'organization'> = {
    0b01111: 'status',
    0b10111: 'language',
    0b11011: 'area',
    0b11101: 'setting',
    0b11110: 'organization',
  }
  for (const row of columns) {
    const facet = facetOfMask[Number(row.g)]
    if (facet) counts[facet][row[facet] ?? ''] = row.n
  }
  for (const row of agencies) counts.agency[row.agency] = row.n
  for (const row of tags) counts.tag[row.tag] = row.n
  return counts
}

/**
 * The passage of the redacted text around a search's matches, each match
 * between MATCH_START and MATCH_STOP (characters first removed from the text,
 * so every marker comes from ts_headline). Parsed with the row's language, like
 * the search column.
 */
function headline(q: string) {
  return sql<string>`ts_headline(
    case when s.language = 'es' then 'voces_es'::regconfig else 'voces_en'::regconfig end,
    translate(coalesce(s.text_redacted, ''), ${MATCH_START + MATCH_STOP}, ''),
    ${searchQuery(q)},
    ${HEADLINE_OPTIONS}
  )`
}

export async function listSubmissions(db: Handle, filter: SubmissionFilter, page: { limit: number; offset: number }) {
  const q = filter.q
  const [rows, total] = await Promise.all([
    applyFilter(baseQuery(db), filter)
      .select(redactedColumns)
      .$if(q !== undefined && q !== '', (query) => query.select(headline(q!).as('passage')))
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    applyFilter(baseQuery(db), filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

/** Ids of every submission matching a filter, in id order (for drawing samples). */
export async function submissionIdsMatching(db: Handle, filter: SubmissionFilter): Promise<string[]> {
  const rows = await applyFilter(baseQuery(db), filter).select('s.id').where('s.text_redacted', 'is not', null).orderBy('s.id').execute()
  return rows.map((r) => r.id)
}

export function findSubmission(db: Handle, where: { id?: string; receiptCode?: string; organizationId?: string }) {
  let q = baseQuery(db).select(redactedColumns)
  if (where.id) q = q.where('s.id', '=', where.id)
  if (where.receiptCode) q = q.where('s.receipt_code', '=', where.receiptCode)
  if (where.organizationId) q = q.where('s.organization_id', '=', where.organizationId)
  return q.executeTakeFirst()
}

export function tagsOfSubmission(db: Handle, submissionId: string) {
  return db
    .selectFrom('submission_tags as st')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select([
      'st.id as taggingId',
      't.id',
      't.slug',
      't.name_en as nameEn',
      't.name_es as nameEs',
      't.color',
      't.retired_at as retiredAt',
      'st.span_start as spanStart',
      'st.span_end as spanEnd',
      'st.source',
      'st.created_at as createdAt',
    ])
    .where('st.submission_id', '=', submissionId)
    .orderBy('t.sort_order')
    .orderBy('st.span_start', (ob) => ob.nullsFirst())
    .execute()
}
