import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import type { Role } from '../schemas/reference'

type Handle = Kysely<Database> | Transaction<Database>

/** Accounts for the admin list: newest sign-in from the sessions table; search on name and email. */
export function listAccounts(db: Handle, opts: { id?: string; q?: string; role?: Role; state?: 'active' | 'deactivated'; limit: number; offset: number }) {
  let query = db
    .selectFrom('users as u')
    .leftJoin('organizations as o', 'o.id', 'u.organization_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name as displayName',
      'u.role',
      'u.organization_id as organizationId',
      'o.name as organizationName',
      'u.disabled_at as disabledAt',
      'u.created_at as createdAt',
      (eb) => eb.selectFrom('sessions as s').select((e) => e.fn.max('s.created_at').as('m')).whereRef('s.user_id', '=', 'u.id').as('lastSignInAt'),
      sql<number>`count(*) over ()`.as('total'),
    ])
  if (opts.q) {
    const like = `%${opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) => eb.or([eb(sql`lower(u.display_name)`, 'like', like), eb(sql`lower(u.email)`, 'like', like), eb(sql`lower(coalesce(o.name, ''))`, 'like', like)]))
  }
  if (opts.id) query = query.where('u.id', '=', opts.id)
  if (opts.role) query = query.where('u.role', '=', opts.role)
  if (opts.state === 'active') query = query.where('u.disabled_at', 'is', null)
  if (opts.state === 'deactivated') query = query.where('u.disabled_at', 'is not', null)
  return query.orderBy(sql`lower(u.display_name)`).orderBy('u.id').limit(opts.limit).offset(opts.offset).execute()
}

/** The account, locked for the rest of the transaction. */
export function lockAccount(db: Handle, id: string) {
  return db.selectFrom('users').select(['id', 'email', 'display_name', 'role', 'organization_id', 'disabled_at']).where('id', '=', id).forUpdate().executeTakeFirst()
}

/** Ids of the active administrators, locked, so two admins cannot demote each other at once and leave none. */
export async function lockActiveAdmins(db: Handle): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('id').forUpdate().execute()
  return rows.map((r) => r.id)
}

export async function updateAccount(db: Handle, id: string, values: { role?: Role; organization_id?: string | null; disabled_at?: Date | null }): Promise<void> {
  await db.updateTable('users').set(values).where('id', '=', id).execute()
}

export function findOrganization(db: Handle, id: string) {
  return db.selectFrom('organizations').select(['id', 'name']).where('id', '=', id).executeTakeFirst()
}

/** Pending (not accepted, not revoked) invitation, locked. */
export function lockPendingInvitation(db: Handle, id: string) {
  return db
    .selectFrom('invitations')
    .select(['id', 'email', 'role', 'organization_id', 'expires_at', 'created_by'])
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .forUpdate()
    .executeTakeFirst()
}

export async function renewInvitationToken(db: Handle, id: string, tokenHash: string, expiresAt: Date): Promise<void> {
  await db.updateTable('invitations').set({ token_hash: tokenHash, expires_at: expiresAt }).where('id', '=', id).execute()
}

export async function markInvitationRevoked(db: Handle, id: string, by: string, now: Date): Promise<void> {
  await db.updateTable('invitations').set({ revoked_at: now, revoked_by: by }).where('id', '=', id).execute()
}

/** Invitations not yet accepted or revoked (expired ones too: they can be resent), newest first. */
export function listPendingInvitations(db: Handle) {
  return db
    .selectFrom('invitations as i')
    .leftJoin('organizations as o', 'o.id', 'i.organization_id')
    .select(['i.id', 'i.email', 'i.role', 'o.name as organizationName', 'i.created_at as createdAt', 'i.expires_at as expiresAt'])
    .where('i.accepted_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .orderBy('i.created_at', 'desc')
    .limit(200)
    .execute()
}
