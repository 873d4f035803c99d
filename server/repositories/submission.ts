import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, NewSubmission } from '../../db/schema'
import type { SubmissionStatus } from '../schemas/reference'

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
  return q
}

export async function listSubmissions(db: Handle, filter: SubmissionFilter, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    applyFilter(baseQuery(db), filter)
      .select(redactedColumns)
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    applyFilter(baseQuery(db), filter).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
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
    .select(['t.id', 't.slug', 't.name_en as nameEn', 't.name_es as nameEs', 't.color', 'st.span_start as spanStart', 'st.span_end as spanEnd', 'st.source'])
    .where('st.submission_id', '=', submissionId)
    .orderBy('t.sort_order')
    .execute()
}
