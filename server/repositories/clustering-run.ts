import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { applyFilter, baseQuery, type SubmissionFilter } from './submission'

type Handle = Kysely<Database> | Transaction<Database>

/**
 * Lets timers and requests run between statements of a long read or write: PGlite runs each
 * statement on this thread and resolves at once, so back-to-back statements would otherwise
 * hold the event loop for the whole batch.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/** Statuses never clustered: withdrawn testimony has no text, merged is a duplicate of another. */
const NEVER_CLUSTERED = ['withdrawn', 'merged'] as const

/** What a run clusters: a filter of the workspace list, or (a split) the members of a parent run's cluster. */
export type RunSource = { filter: SubmissionFilter; parent: { runId: string; cluster: number } | null }

function documentsQuery(db: Handle, source: RunSource) {
  let q = baseQuery(db)
    .where('s.text_redacted', 'is not', null)
    .where('s.status', 'not in', [...NEVER_CLUSTERED])
  if (source.parent) {
    const { runId, cluster } = source.parent
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('run_members as pm').select('pm.submission_id').whereRef('pm.submission_id', '=', 's.id').where('pm.run_id', '=', runId).where('pm.cluster', '=', cluster),
      ),
    )
  } else q = applyFilter(q, source.filter)
  return q
}

export async function countRunDocuments(db: Handle, source: RunSource): Promise<number> {
  const row = await documentsQuery(db, source)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow()
  return row.n
}

/**
 * The redacted texts a run clusters, in id order (the engine's input order is part of its
 * reproducibility), read in pages so that on embedded PGlite, whose queries run on the web
 * server's thread, page requests get their turn between them.
 */
export async function loadRunDocuments(db: Handle, source: RunSource, pageSize = 5000) {
  const rows: { id: string; text: string | null; language: string; translationEn: string | null; consentQuote: boolean; status: string }[] = []
  for (;;) {
    let q = documentsQuery(db, source).select(['s.id', 's.text_redacted as text', 's.language', 's.translation_en as translationEn', 's.consent_quote as consentQuote', 's.status'])
    if (rows.length) q = q.where('s.id', '>', rows[rows.length - 1]!.id)
    const page = await q.orderBy('s.id').limit(pageSize).execute()
    rows.push(...page)
    if (page.length < pageSize) return rows
    await yieldToEventLoop()
  }
}

const runColumns = [
  'r.id',
  'r.name',
  'r.filter',
  'r.k_requested as kRequested',
  'r.k',
  'r.seed',
  'r.parent_run_id as parentRunId',
  'r.parent_cluster as parentCluster',
  'r.document_count as documentCount',
  'r.engine',
  'r.created_at as createdAt',
  'r.job_id as jobId',
  'j.status',
  'j.phase',
  'j.progress',
  'j.error',
  'j.attempts',
  'j.max_attempts as maxAttempts',
  'j.lease_until as leaseUntil',
  'j.cancel_requested_at as cancelRequestedAt',
  'j.started_at as startedAt',
  'j.finished_at as finishedAt',
  'u.display_name as createdByName',
] as const

function runsQuery(db: Handle) {
  return db.selectFrom('clustering_runs as r').innerJoin('jobs as j', 'j.id', 'r.job_id').leftJoin('users as u', 'u.id', 'r.created_by')
}

export function findRun(db: Handle, id: string) {
  return runsQuery(db)
    .leftJoin('clustering_runs as p', 'p.id', 'r.parent_run_id')
    .select([...runColumns, 'p.name as parentRunName', sql<boolean>`j.status = 'running' and j.lease_until < now()`.as('leaseLapsed')])
    .where('r.id', '=', id)
    .executeTakeFirst()
}

export async function listRuns(db: Handle, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    runsQuery(db).select(runColumns).orderBy('r.created_at', 'desc').orderBy('r.id').limit(page.limit).offset(page.offset).execute(),
    db
      .selectFrom('clustering_runs')
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

/** Finished runs with the same parameters (filter, k, seed, parent, engine options), for comparing results. */
export function runsWithSameParameters(
  db: Handle,
  run: { id: string; filter: unknown; kRequested: number | null; seed: number; parentRunId: string | null; parentCluster: number | null },
) {
  let q = runsQuery(db)
    .select(['r.id', 'r.name', 'r.created_at as createdAt', 'r.engine', 'j.status'])
    .where('r.id', '<>', run.id)
    .where('r.seed', '=', run.seed)
    .where(sql<boolean>`r.filter = ${JSON.stringify(run.filter ?? {})}::jsonb`)
  q = run.kRequested === null ? q.where('r.k_requested', 'is', null) : q.where('r.k_requested', '=', run.kRequested)
  q = run.parentRunId === null ? q.where('r.parent_run_id', 'is', null) : q.where('r.parent_run_id', '=', run.parentRunId).where('r.parent_cluster', '=', run.parentCluster)
  return q.orderBy('r.created_at', 'desc').limit(20).execute()
}

export function runClusters(db: Handle, runId: string) {
  return db
    .selectFrom('run_clusters')
    .select(['cluster', 'size', 'key_terms as keyTerms', 'language_mix as languageMix', 'representative_ids as representativeIds', 'summary'])
    .where('run_id', '=', runId)
    .orderBy(sql`cluster < 0`)
    .orderBy('cluster')
    .execute()
}

export function findRunCluster(db: Handle, runId: string, cluster: number) {
  return db
    .selectFrom('run_clusters')
    .select(['cluster', 'size', 'key_terms as keyTerms', 'language_mix as languageMix', 'representative_ids as representativeIds', 'summary'])
    .where('run_id', '=', runId)
    .where('cluster', '=', cluster)
    .executeTakeFirst()
}

/** The most frequent tags among each cluster's members (whole or span taggings, one count per member). */
export function topTagsByCluster(db: Handle, runId: string, perCluster: number) {
  return sql<{ cluster: number; tagId: string; nameEn: string; nameEs: string; count: number }>`
    select x.cluster, x.tag_id as "tagId", t.name_en as "nameEn", t.name_es as "nameEs", x.n as count
    from (
      select rm.cluster, st.tag_id, count(distinct rm.submission_id)::int as n,
             row_number() over (partition by rm.cluster order by count(distinct rm.submission_id) desc, st.tag_id) as rank
      from run_members rm
      join submission_tags st on st.submission_id = rm.submission_id
      where rm.run_id = ${runId}
      group by rm.cluster, st.tag_id
    ) x
    join tags t on t.id = x.tag_id
    where x.rank <= ${perCluster}
    order by x.cluster, x.n desc, t.name_en`
    .execute(db)
    .then((r) => r.rows)
}

/** Short redacted views of some submissions (representatives, quotes). */
export function submissionSnippets(db: Handle, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db.selectFrom('submissions').select(['id', 'receipt_code as receiptCode', 'text_redacted as text', 'language', 'status']).where('id', 'in', ids).execute()
}

export async function clusterMembers(db: Handle, runId: string, cluster: number, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('run_members as rm')
      .innerJoin('submissions as s', 's.id', 'rm.submission_id')
      .select([
        's.id',
        's.receipt_code as receiptCode',
        's.text_redacted as text',
        's.language',
        's.status',
        's.consent_quote as consentQuote',
        's.incident_month as incidentMonth',
        's.area',
        'rm.similarity',
      ])
      .where('rm.run_id', '=', runId)
      .where('rm.cluster', '=', cluster)
      .orderBy('rm.similarity', 'desc')
      .orderBy('s.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    db
      .selectFrom('run_members')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('run_id', '=', runId)
      .where('cluster', '=', cluster)
      .executeTakeFirstOrThrow(),
  ])
  return { rows, total: total.n }
}

/** Themes made from this run's clusters (not archived), by cluster. */
export function themesFromRun(db: Handle, runId: string) {
  return db
    .selectFrom('theme_sources as ts')
    .innerJoin('themes as t', 't.id', 'ts.theme_id')
    .select(['ts.cluster', 't.id', 't.title', 't.status', 't.merged_into_id as mergedIntoId'])
    .where('ts.run_id', '=', runId)
    .where('ts.kind', '=', 'cluster')
    .where('t.status', '<>', 'archived')
    .orderBy('ts.created_at')
    .execute()
}

export type ClusterRow = {
  cluster: number
  size: number
  keyTerms: { lang: 'en' | 'es'; terms: string[] }[]
  languageMix: Record<string, number>
  representativeIds: string[]
  summary: string
}

/**
 * Replaces a run's results (clusters, members, k, count, engine record) inside the caller's
 * transaction: a retried job never leaves a previous attempt's rows behind.
 */
export async function replaceRunResults(
  trx: Transaction<Database>,
  runId: string,
  result: {
    k: number
    documentCount: number
    engine: Record<string, unknown>
    clusters: ClusterRow[]
    members: { ids: string[]; clusters: Int32Array | number[]; similarities: Float64Array | number[] }
  },
) {
  await trx.deleteFrom('run_members').where('run_id', '=', runId).execute()
  await trx.deleteFrom('run_clusters').where('run_id', '=', runId).execute()
  if (result.clusters.length > 0) {
    await trx
      .insertInto('run_clusters')
      .values(
        result.clusters.map((c) => ({
          run_id: runId,
          cluster: c.cluster,
          size: c.size,
          key_terms: JSON.stringify(c.keyTerms),
          language_mix: JSON.stringify(c.languageMix),
          representative_ids: c.representativeIds,
          summary: c.summary,
        })),
      )
      .execute()
  }
  // Members as arrays unnested by the server: one statement per 5,000 rows instead of 4 parameters a row.
  const { ids, clusters, similarities } = result.members
  const chunk = 5_000
  for (let start = 0; start < ids.length; start += chunk) {
    await yieldToEventLoop()
    const end = Math.min(ids.length, start + chunk)
    const slice = ids.slice(start, end)
    const labels = Array.from(clusters.slice(start, end))
    const sims = Array.from(similarities.slice(start, end), (s) => (Number.isFinite(s) ? s : 0))
    await sql`
      insert into run_members (run_id, submission_id, cluster, similarity)
      select ${runId}::uuid, m.id, m.cluster, m.similarity
      from unnest(${slice}::uuid[], ${labels}::int[], ${sims}::real[]) as m(id, cluster, similarity)`.execute(trx)
  }
  await trx
    .updateTable('clustering_runs')
    .set({ k: result.k, document_count: result.documentCount, engine: JSON.stringify(result.engine) })
    .where('id', '=', runId)
    .execute()
}

/** The draft summaries of the clusters a submission is a member of (issue 12 §3: a withdrawal removes its words from them). */
export function clusterSummariesOf(db: Kysely<Database> | Transaction<Database>, submissionId: string) {
  return db
    .selectFrom('run_clusters as rc')
    .innerJoin('run_members as rm', (j) => j.onRef('rm.run_id', '=', 'rc.run_id').onRef('rm.cluster', '=', 'rc.cluster'))
    .select(['rc.run_id as runId', 'rc.cluster', 'rc.summary'])
    .where('rm.submission_id', '=', submissionId)
    .execute()
}

export async function setClusterSummary(db: Kysely<Database> | Transaction<Database>, runId: string, cluster: number, summary: string) {
  await db.updateTable('run_clusters').set({ summary }).where('run_id', '=', runId).where('cluster', '=', cluster).execute()
}
