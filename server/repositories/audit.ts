import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

export type AuditEvent = {
  actorUserId: string | null
  action: string
  targetType?: string
  targetId?: string
  details?: Record<string, unknown>
}

/** Appends to the audit log. Call it inside the same transaction as the change it records. */
export async function appendAudit(db: Handle, event: AuditEvent, at?: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: event.actorUserId,
      action: event.action,
      target_type: event.targetType ?? null,
      target_id: event.targetId ?? null,
      details: JSON.stringify(event.details ?? {}),
      ...(at ? { at } : {}),
    })
    .execute()
}

export function listAudit(db: Handle, opts: { limit: number; action?: string }) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select(['audit_log.id', 'audit_log.at', 'audit_log.action', 'audit_log.target_type', 'audit_log.target_id', 'audit_log.details', 'users.email as actorEmail'])
    .orderBy('audit_log.id', 'desc')
    .limit(opts.limit)
  if (opts.action) query = query.where('audit_log.action', '=', opts.action)
  return query.execute()
}
