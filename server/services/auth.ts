import { hash, verify } from '@node-rs/argon2'
import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import type { Role } from '../schemas/reference'
import { appendAudit } from '../repositories/audit'
import { giveBackRateLimit, hitRateLimit } from '../repositories/rate-limit'
import { findLiveSession, insertSession, revokeSession, revokeUserSessions, touchSession } from '../repositories/session'
import { findUserByEmail, organizationDeactivatedFor } from '../repositories/user'
import { hmac, randomToken, sha256 } from '../lib/crypto'
import type { Env } from '../env'

/** How long a sign-in may last and stay idle (VOCES_SESSION_HOURS, VOCES_SESSION_IDLE_MINUTES). */
export type SessionPolicy = { hours: number; idleMinutes: number }

export function sessionPolicyOf(env: Pick<Env, 'VOCES_SESSION_HOURS' | 'VOCES_SESSION_IDLE_MINUTES'>): SessionPolicy {
  return { hours: env.VOCES_SESSION_HOURS, idleMinutes: env.VOCES_SESSION_IDLE_MINUTES }
}

/**
 * Failed sign-ins are counted per account and per client address in 15-minute
 * windows shared by every app process. Past the limit, sign-in is refused even
 * with the right password until the window ends.
 */
export const LOGIN_WINDOW_MS = 15 * 60_000
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30 }

export type SessionUser = {
  id: string
  email: string
  displayName: string
  role: Role
  organizationId: string | null
  organizationName: string | null
  locale: string | null
}

/** argon2id with the OWASP-recommended minimum (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { memoryCost: 19456, timeCost: 2, parallelism: 1 })
}

/** Stored instead of a password hash until the person uses their set-up link: never verifies. */
export const NO_PASSWORD = '!unset'

// A real hash to verify against when the email is unknown, so timing does not reveal accounts.
let decoyHash: Promise<string> | undefined

export async function verifyCredentials(db: Db, email: string, password: string): Promise<{ id: string } | null> {
  const user = await findUserByEmail(db, email)
  if (!user || user.disabled_at || user.password_hash === NO_PASSWORD) {
    decoyHash ??= hashPassword('decoy-password-for-timing')
    await verify(await decoyHash, password).catch(() => false)
    return null
  }
  const ok = await verify(user.password_hash, password).catch(() => false)
  return ok ? { id: user.id } : null
}

export async function resolveSession(db: Db, token: string, now: Date, policy: SessionPolicy): Promise<{ id: string; user: SessionUser } | null> {
  const id = sha256(token)
  const idleMs = policy.idleMinutes * 60_000
  const row = await findLiveSession(db, id, now, new Date(now.getTime() - idleMs))
  if (!row) return null
  // last_seen_at is written at most every few minutes, well inside the idle limit.
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > Math.min(5 * 60_000, idleMs / 3)) await touchSession(db, id, now)
  return {
    id,
    user: {
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      organizationId: row.organizationId,
      organizationName: row.organizationName ?? null,
      locale: row.locale,
    },
  }
}

/** Creates a session; returns the cookie token (only its hash is stored). */
export async function startSession(db: Db, userId: string, now: Date, policy: SessionPolicy): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken()
  const expiresAt = new Date(now.getTime() + policy.hours * 3_600_000)
  await insertSession(db, { id: sha256(token), userId, now, expiresAt })
  return { token, expiresAt }
}

export async function login(
  db: Db,
  env: Env,
  input: { email: string; password: string },
  request: { now: Date; clientAddress: string | null; currentSessionId: string | null },
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const { now } = request
  const email = input.email.trim().toLowerCase()
  const keys = [
    { key: `login-account:${sha256(email)}`, limit: LOGIN_LIMITS.perAccount },
    { key: `login-address:${request.clientAddress ? hmac(request.clientAddress, env.sessionSecret) : 'unknown'}`, limit: LOGIN_LIMITS.perAddress },
  ]
  // The attempt is counted before the password is checked, in one atomic upsert (INSERT … ON CONFLICT
  // DO UPDATE … RETURNING): simultaneous attempts each get their own count, so no more than the limit
  // ever reach the password check (issue 13, finding 3). A successful sign-in gives its attempt back.
  let locked = false
  for (const { key, limit } of keys) {
    const count = await hitRateLimit(db, key, now, LOGIN_WINDOW_MS)
    if (count <= limit) continue
    locked = true
    // One audit entry per lock: at the first refused attempt of the window, with the failures that
    // caused it. Later refused attempts of the same lock are counted in rate_limits, not audited one by one.
    if (count === limit + 1) {
      const until = new Date((Math.floor(now.getTime() / LOGIN_WINDOW_MS) + 1) * LOGIN_WINDOW_MS)
      await appendAudit(db, { actorUserId: null, action: 'auth.login_locked', details: { email, by: key.split(':')[0], failures: limit, until: until.toISOString() } })
    }
  }
  if (locked) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'errors.loginLocked' })
  const user = await verifyCredentials(db, email, input.password)
  if (!user) {
    await appendAudit(db, { actorUserId: null, action: 'auth.login_failed', details: { email } })
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.badCredentials' })
  }
  // Only once the password is right: the member of a deactivated organization is told why they cannot sign in.
  if (await organizationDeactivatedFor(db, user.id)) {
    await appendAudit(db, { actorUserId: user.id, action: 'auth.login_refused', details: { reason: 'organization_deactivated' } })
    throw new TRPCError({ code: 'FORBIDDEN', message: 'errors.organizationDeactivated' })
  }
  for (const { key } of keys) await giveBackRateLimit(db, key, now, LOGIN_WINDOW_MS)
  // Rotation: whatever session the browser carried before signing in ends now.
  if (request.currentSessionId) await revokeSession(db, request.currentSessionId, now)
  const policy = sessionPolicyOf(env)
  const session = await startSession(db, user.id, now, policy)
  await appendAudit(db, { actorUserId: user.id, action: 'auth.login' })
  const resolved = await resolveSession(db, session.token, now, policy)
  if (!resolved) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.badCredentials' })
  return { ...session, user: resolved.user }
}

export async function logout(db: Db, sessionId: string, now: Date): Promise<void> {
  await revokeSession(db, sessionId, now)
}

/** Ends every session of the user, on every device, and audits how many. */
export async function logoutEverywhere(db: Db, userId: string, now: Date): Promise<{ revoked: number }> {
  const revoked = await revokeUserSessions(db, userId, now)
  await appendAudit(db, { actorUserId: userId, action: 'auth.logout_everywhere', details: { sessions: revoked } })
  return { revoked }
}

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  switch (role) {
    case 'submitter':
      return '/org'
    case 'facilitator':
      return '/workspace'
    case 'commission':
      return '/commission'
    case 'admin':
      return '/admin'
  }
}
