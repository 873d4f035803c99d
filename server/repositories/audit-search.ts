import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

/** Filters as the service resolved them: period bounds are instants (Los Angeles days turned into UTC). */
export type AuditQuery = { who?: string; action?: string; target?: string; since?: Date; until?: Date }

const likeOf = (value: string) => `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * Audit entries, newest first, with their actor and a readable name for their
 * target (a testimony's receipt code, an account's name and email, a theme's
 * title, an invitation's email, an organization's name).
 */
export function searchAudit(db: Handle, query: AuditQuery, page: { limit: number; offset: number }) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as actor', 'actor.id', 'a.actor_user_id')
    .leftJoin('submissions as ts', (join) => join.on(sql<boolean>`a.target_type = 'submission' and ts.id::text = a.target_id`))
    .leftJoin('users as tu', (join) => join.on(sql<boolean>`a.target_type = 'user' and tu.id::text = a.target_id`))
    .leftJoin('invitations as ti', (join) => join.on(sql<boolean>`a.target_type = 'invitation' and ti.id::text = a.target_id`))
    .leftJoin('themes as tt', (join) => join.on(sql<boolean>`a.target_type = 'theme' and tt.id::text = a.target_id`))
    .leftJoin('organizations as tor', (join) => join.on(sql<boolean>`a.target_type = 'organization' and tor.id::text = a.target_id`))
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.target_type as targetType',
      'a.target_id as targetId',
      'a.details',
      'actor.display_name as actorName',
      'actor.email as actorEmail',
      'ts.receipt_code as targetReceipt',
      'tu.display_name as targetUserName',
      'tu.email as targetUserEmail',
      'ti.email as targetInvitationEmail',
      'tt.title as targetThemeTitle',
      'tor.name as targetOrganizationName',
      sql<number>`count(*) over ()`.as('total'),
    ])
  if (query.who) {
    const like = likeOf(query.who)
    q = q.where((eb) => eb.or([eb(sql`lower(actor.display_name)`, 'like', like), eb(sql`lower(actor.email)`, 'like', like)]))
  }
  if (query.action) {
    const action = query.action
    q = q.where((eb) => eb.or([eb('a.action', '=', action), eb('a.action', 'like', `${action.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`)]))
  }
  if (query.target) {
    const exact = query.target
    const like = likeOf(query.target)
    q = q.where((eb) =>
      eb.or([
        eb('a.target_id', '=', exact),
        eb(sql`lower(ts.receipt_code)`, '=', exact.toLowerCase()),
        eb(sql`lower(tu.display_name)`, 'like', like),
        eb(sql`lower(tu.email)`, 'like', like),
        eb(sql`lower(ti.email)`, 'like', like),
        eb(sql`lower(tt.title)`, 'like', like),
        eb(sql`lower(tor.name)`, 'like', like),
        eb(sql`lower(a.details->>'email')`, 'like', like),
        eb(sql`lower(a.details->>'receiptCode')`, '=', exact.toLowerCase()),
      ]),
    )
  }
  if (query.since) q = q.where('a.at', '>=', query.since)
  if (query.until) q = q.where('a.at', '<', query.until)
  return q.orderBy('a.id', 'desc').limit(page.limit).offset(page.offset).execute()
}

/** The actions that occur in the log, for the filter's choices. */
export async function auditActions(db: Handle): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute()
  return rows.map((r) => r.action)
}
