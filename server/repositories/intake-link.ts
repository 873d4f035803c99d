import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

const useCount = sql<number>`(select count(*)::int from submissions s where s.intake_link_id = l.id)`

export function listIntakeLinks(db: Handle) {
  return db
    .selectFrom('intake_links as l')
    .leftJoin('organizations as o', 'o.id', 'l.organization_id')
    .select([
      'l.id',
      'l.name',
      'o.name as organizationName',
      'l.created_at as createdAt',
      'l.expires_at as expiresAt',
      'l.max_submissions as maxSubmissions',
      'l.closed_at as closedAt',
      useCount.as('useCount'),
    ])
    .orderBy('l.created_at', 'desc')
    .limit(200)
    .execute()
}

/** The link behind a token hash; `lock` holds it for the rest of the transaction so the cap is counted once. */
export function findIntakeLinkByHash(db: Handle, tokenHash: string, options: { lock?: boolean } = {}) {
  let q = db
    .selectFrom('intake_links as l')
    .leftJoin('organizations as o', 'o.id', 'l.organization_id')
    // A deactivated organization's links are closed with it (and open again when it is reactivated).
    .select(['l.id', 'l.name', 'l.organization_id as organizationId', 'o.name as organizationName', 'l.expires_at as expiresAt', 'l.max_submissions as maxSubmissions', sql<Date | null>`coalesce(l.closed_at, o.deactivated_at)`.as('closedAt'), useCount.as('useCount')])
    .where('l.token_hash', '=', tokenHash)
  if (options.lock) q = q.forUpdate('l')
  return q.executeTakeFirst()
}
