import type { Db } from '../../db/client'

/** Published reports, newest first. Drafts are not listed here. */
export function listPublishedReports(db: Db) {
  return db
    .selectFrom('reports')
    .select(['id', 'title', 'period_start as periodStart', 'period_end as periodEnd', 'version', 'published_at as publishedAt'])
    .where('status', '=', 'published')
    .orderBy('published_at', 'desc')
    .execute()
}
