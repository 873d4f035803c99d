import { hash, verify } from '@node-rs/argon2'
import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import type { Role } from '../schemas/reference'
import { appendAudit } from '../repositories/audit'
import { findLiveSession, insertSession, revokeSession, touchSession } from '../repositories/session'
import { findUserByEmail } from '../repositories/user'
import { randomToken, sha256 } from '../lib/crypto'

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

// A real hash to verify against when the email is unknown, so timing does not reveal accounts.
let decoyHash: Promise<string> | undefined

export async function verifyCredentials(db: Db, email: string, password: string): Promise<{ id: string } | null> {
  const user = await findUserByEmail(db, email)
  if (!user || user.disabled_at) {
    decoyHash ??= hashPassword('decoy-password-for-timing')
    await verify(await decoyHash, password).catch(() => false)
    return null
  }
  const ok = await verify(user.password_hash, password).catch(() => false)
  return ok ? { id: user.id } : null
}

const TOUCH_INTERVAL_MS = 5 * 60 * 1000

export async function resolveSession(db: Db, token: string, now: Date): Promise<{ id: string; user: SessionUser } | null> {
  const id = sha256(token)
  const row = await findLiveSession(db, id, now)
  if (!row) return null
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > TOUCH_INTERVAL_MS) await touchSession(db, id, now)
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
export async function startSession(db: Db, userId: string, now: Date, days: number): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken()
  const expiresAt = new Date(now.getTime() + days * 86_400_000)
  await insertSession(db, { id: sha256(token), userId, now, expiresAt })
  return { token, expiresAt }
}

export async function login(
  db: Db,
  input: { email: string; password: string },
  now: Date,
  sessionDays: number,
): Promise<{ token: string; expiresAt: Date; user: SessionUser }> {
  const user = await verifyCredentials(db, input.email, input.password)
  if (!user) {
    await appendAudit(db, { actorUserId: null, action: 'auth.login_failed', details: { email: input.email.trim().toLowerCase() } })
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.badCredentials' })
  }
  const session = await startSession(db, user.id, now, sessionDays)
  await appendAudit(db, { actorUserId: user.id, action: 'auth.login' })
  const resolved = await resolveSession(db, session.token, now)
  if (!resolved) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors.badCredentials' })
  return { ...session, user: resolved.user }
}

export async function logout(db: Db, sessionId: string, now: Date): Promise<void> {
  await revokeSession(db, sessionId, now)
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
