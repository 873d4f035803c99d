import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import { randomToken, sha256 } from '../lib/crypto'
import { passwordProblem } from '../lib/password-policy'
import { appendAudit } from '../repositories/audit'
import { revokeUserSessions } from '../repositories/session'
import { findUserByEmail, insertUser } from '../repositories/user'
import type { AccountSetupCompleteInput } from '../schemas/auth'
import { hashPassword, NO_PASSWORD, startSession, type SessionPolicy } from './auth'

/**
 * One-time set-up links, issued from the server's command line (`npm run admin`):
 * `create` makes the first (or another) administrator, `reset` lets a locked-out
 * person set a new password. Only the token's hash is stored; a link works once,
 * for 24 hours. See docs/deploy.md.
 */
export const SETUP_LINK_HOURS = 24


/** A refusal meant for the operator at the command line (English, no stack trace). */
export class AdminCommandError extends Error {}

export function setupLink(origin: string, token: string): string {
  return `${origin}/setup/${token}`
}

async function issueSetup(db: Db, userId: string, now: Date) {
  const token = randomToken()
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000)
  // A new link replaces any earlier unused one.
  await db.updateTable('account_setups').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute()
  await db.insertInto('account_setups').values({ token_hash: sha256(token), user_id: userId, created_at: now, expires_at: expiresAt }).execute()
  return { token, expiresAt }
}

/** A new administrator with no password yet, and the link where they set it. Refuses an email already in use. */
export async function createAdministrator(db: Db, input: { email: string; name?: string }, now: Date) {
  const email = input.email.trim().toLowerCase()
  const name = input.name?.trim() || email.split('@')[0]!
  return db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, email)) throw new AdminCommandError(`An account with the email ${email} already exists. To send it a new set-up link: npm run --silent admin -- reset --email ${email}`)
    const user = await insertUser(trx, { email, display_name: name, password_hash: NO_PASSWORD, role: 'admin', organization_id: null })
    const setup = await issueSetup(trx, user.id, now)
    await appendAudit(trx, { actorUserId: null, action: 'account.setup_issued', targetType: 'user', targetId: user.id, details: { via: 'command', reason: 'create', role: 'admin' } }, now)
    return { userId: user.id, ...setup }
  })
}

/** A new set-up link for an existing account; every session of theirs ends now. */
export async function resetAccount(db: Db, input: { email: string }, now: Date) {
  const email = input.email.trim().toLowerCase()
  return db.transaction().execute(async (trx) => {
    const user = await findUserByEmail(trx, email)
    if (!user) throw new AdminCommandError(`No account has the email ${email}. To create an administrator: npm run --silent admin -- create --email ${email}`)
    if (user.disabled_at) throw new AdminCommandError(`The account ${email} is deactivated; an administrator must reactivate it first.`)
    const sessionsEnded = await revokeUserSessions(trx, user.id, now)
    const setup = await issueSetup(trx, user.id, now)
    await appendAudit(trx, { actorUserId: null, action: 'account.setup_issued', targetType: 'user', targetId: user.id, details: { via: 'command', reason: 'reset', sessionsEnded } }, now)
    return { userId: user.id, sessionsEnded, ...setup }
  })
}

async function findOpenSetup(db: Db, token: string, now: Date) {
  const setup = await db
    .selectFrom('account_setups as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.user_id as userId', 's.expires_at as expiresAt', 's.used_at as usedAt', 'u.email', 'u.display_name as displayName', 'u.role', 'u.disabled_at as disabledAt'])
    .where('s.token_hash', '=', sha256(token))
    .executeTakeFirst()
  if (!setup || setup.disabledAt) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.setupInvalid' })
  if (setup.usedAt) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.setupUsed' })
  if (new Date(setup.expiresAt) <= now) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.setupExpired' })
  return setup
}

export async function describeSetup(db: Db, token: string, now: Date) {
  const { email, displayName, role, expiresAt } = await findOpenSetup(db, token, now)
  return { email, displayName, role, expiresAt }
}

/** Single use: sets the password (and name), ends any other session, signs the person in. */
export async function completeSetup(db: Db, input: AccountSetupCompleteInput, now: Date, policy: SessionPolicy) {
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    const setup = await findOpenSetup(trx, input.token, now)
    const weak = passwordProblem(input.password, setup.email, input.displayName)
    if (weak) throw new TRPCError({ code: 'BAD_REQUEST', message: weak })
    const claimed = await trx.updateTable('account_setups').set({ used_at: now }).where('id', '=', setup.id).where('used_at', 'is', null).executeTakeFirst()
    if (claimed.numUpdatedRows !== 1n) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.setupUsed' })
    await trx.updateTable('users').set({ password_hash: passwordHash, display_name: input.displayName }).where('id', '=', setup.userId).execute()
    await revokeUserSessions(trx, setup.userId, now)
    await appendAudit(trx, { actorUserId: setup.userId, action: 'account.setup_complete', targetType: 'user', targetId: setup.userId }, now)
    const session = await startSession(trx, setup.userId, now, policy)
    return { ...session, role: setup.role }
  })
}

/**
 * Whether an active administrator can sign in; if not, the emails of administrators still
 * waiting to use their set-up link. The server's log then says which command to run.
 */
export async function administratorStatus(db: Db): Promise<{ ready: boolean; pending: string[] }> {
  const admins = await db.selectFrom('users').select(['email', 'password_hash']).where('role', '=', 'admin').where('disabled_at', 'is', null).orderBy('created_at').execute()
  return { ready: admins.some((a) => a.password_hash !== NO_PASSWORD), pending: admins.filter((a) => a.password_hash === NO_PASSWORD).map((a) => a.email) }
}
