import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

export async function insertSession(db: Handle, row: { id: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ id: row.id, user_id: row.userId, created_at: row.now, last_seen_at: row.now, expires_at: row.expiresAt })
    .execute()
}

/** The live session with its user, or undefined when unknown, revoked, expired, idle too long, disabled, or of a deactivated organization. */
export function findLiveSession(db: Handle, id: string, now: Date, idleSince: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('organizations as org', 'org.id', 'users.organization_id')
    .select([
      'sessions.id as sessionId',
      'sessions.last_seen_at as lastSeenAt',
      'users.id',
      'users.email',
      'users.display_name as displayName',
      'users.role',
      'users.organization_id as organizationId',
      'users.locale',
      'org.name as organizationName',
    ])
    .where('sessions.id', '=', id)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', idleSince)
    .where('users.disabled_at', 'is', null)
    // A deactivated organization's members are signed out at once (the left join leaves null for no organization).
    .where('org.deactivated_at', 'is', null)
    .executeTakeFirst()
}

export async function touchSession(db: Handle, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute()
}

/** Signs a user out everywhere: every live session of theirs is revoked. Returns how many. */
export async function revokeUserSessions(db: Handle, userId: string, now: Date): Promise<number> {
  const result = await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).executeTakeFirst()
  return Number(result.numUpdatedRows)
}

export async function revokeSession(db: Handle, id: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute()
}
