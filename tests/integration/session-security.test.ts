import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { createContext } from '../../server/context'
import { sha256 } from '../../server/lib/crypto'
import { createCaller } from '../../server/routers/_app'
import { LOGIN_LIMITS, resolveSession, sessionPolicyOf } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser, TEST_PASSWORD } from '../support/factories'

const env = testEnv({ VOCES_SESSION_HOURS: '12', VOCES_SESSION_IDLE_MINUTES: '30' })
let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
})
afterAll(() => close())

const MINUTE = 60_000

async function signIn(email: string, options: { now?: Date; sessionId?: string; clientAddress?: string } = {}) {
  const resHeaders = new Headers()
  await callerFor(db, env, null, { resHeaders, ...options }).auth.login({ email, password: TEST_PASSWORD })
  return (resHeaders.get('set-cookie') ?? '').split(';')[0]!
}

/** Who the cookie signs in as at a given time (the same resolution every request goes through). */
async function whoAt(cookie: string, now: Date) {
  const resolved = await resolveSession(db, cookie.split('=')[1]!, now, sessionPolicyOf(env))
  return resolved?.user.id ?? null
}

describe('sessions', () => {
  it('end after the idle limit, and are kept alive by use', async () => {
    const user = await makeUser(db, 'facilitator')
    const start = new Date()
    const cookie = await signIn(user.email, { now: start })
    expect(await whoAt(cookie, new Date(start.getTime() + 20 * MINUTE))).toBe(user.id) // used: last seen moves on
    expect(await whoAt(cookie, new Date(start.getTime() + 45 * MINUTE))).toBe(user.id) // 25 minutes after last use
    expect(await whoAt(cookie, new Date(start.getTime() + 80 * MINUTE))).toBeNull() // 35 idle minutes
  })

  it('end after the absolute limit however busy', async () => {
    const user = await makeUser(db, 'facilitator')
    const start = new Date()
    const cookie = await signIn(user.email, { now: start })
    let at = start.getTime()
    for (let step = 0; step < 11 * 3; step++) {
      at += 20 * MINUTE
      expect(await whoAt(cookie, new Date(at))).toBe(user.id)
    }
    expect(await whoAt(cookie, new Date(start.getTime() + 12 * 60 * MINUTE + MINUTE))).toBeNull()
  })

  it('rotate at sign-in: the session the browser carried before is revoked', async () => {
    const user = await makeUser(db, 'commission')
    const first = await signIn(user.email)
    const second = await signIn(user.email, { sessionId: sha256(first.split('=')[1]!) })
    expect(second).not.toBe(first)
    expect(await whoAt(first, new Date())).toBeNull()
    expect(await whoAt(second, new Date())).toBe(user.id)
  })

  it('"sign out everywhere" ends every session of the user and only theirs', async () => {
    const user = await makeUser(db, 'commission')
    const other = await makeUser(db, 'facilitator')
    const phone = await signIn(user.email)
    const laptop = await signIn(user.email)
    const theirs = await signIn(other.email)
    const request = new Request('http://localhost/', { headers: { cookie: laptop } })
    const result = await createCaller(await createContext({ request, csrfVerified: true, db, env })).auth.logoutEverywhere()
    expect(result.revoked).toBe(2)
    expect(await whoAt(phone, new Date())).toBeNull()
    expect(await whoAt(laptop, new Date())).toBeNull()
    expect(await whoAt(theirs, new Date())).toBe(other.id)
    expect(await db.selectFrom('audit_log').select('action').where('actor_user_id', '=', user.id).where('action', '=', 'auth.logout_everywhere').execute()).toHaveLength(1)
  })
})

describe('sign-in throttling', () => {
  it('locks an account after repeated failures, even for the right password, and audits it', async () => {
    const user = await makeUser(db, 'facilitator')
    const now = new Date('2026-03-01T10:01:00Z')
    const caller = callerFor(db, env, null, { now, clientAddress: '203.0.113.5' })
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      await expect(caller.auth.login({ email: user.email, password: `wrong password ${i}` })).rejects.toMatchObject({ message: 'errors.badCredentials' })
    }
    await expect(caller.auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS', message: 'errors.loginLocked' })
    // Another account from another address is unaffected.
    const other = await makeUser(db, 'facilitator')
    await expect(callerFor(db, env, null, { now, clientAddress: '198.51.100.7' }).auth.login({ email: other.email, password: TEST_PASSWORD })).resolves.toBeTruthy()
    // After the window, the right password works again.
    await expect(callerFor(db, env, null, { now: new Date('2026-03-01T10:16:00Z') }).auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toBeTruthy()
    const locked = await db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_locked').execute()
    expect(locked.length).toBeGreaterThan(0)
  })

  it('throttles one address trying many accounts', async () => {
    const now = new Date('2026-03-02T10:01:00Z')
    const caller = callerFor(db, env, null, { now, clientAddress: '192.0.2.99' })
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) {
      await expect(caller.auth.login({ email: `guess${i}@example.test`, password: 'wrong password!' })).rejects.toMatchObject({ message: 'errors.badCredentials' })
    }
    const user = await makeUser(db, 'facilitator')
    await expect(caller.auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({ message: 'errors.loginLocked' })
    await expect(callerFor(db, env, null, { now, clientAddress: '192.0.2.100' }).auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toBeTruthy()
  })
})

describe('sign-in throttling under concurrency (issue 13, finding 3)', () => {
  it('20 simultaneous wrong passwords get exactly the limit of 401s, then 429s, and one audit entry for the lock', async () => {
    const user = await makeUser(db, 'facilitator')
    const now = new Date('2026-03-03T10:01:00Z')
    const attempts = Array.from({ length: 20 }, (_, i) =>
      callerFor(db, env, null, { now, clientAddress: `203.0.113.${i + 1}` })
        .auth.login({ email: user.email, password: `wrong password ${i}` })
        .then(
          () => 'signed in',
          (error: { code?: string }) => error.code,
        ),
    )
    const outcomes = await Promise.all(attempts)
    expect(outcomes.filter((o) => o === 'UNAUTHORIZED')).toHaveLength(LOGIN_LIMITS.perAccount)
    expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS')).toHaveLength(20 - LOGIN_LIMITS.perAccount)
    // The right password is refused too while the lock lasts.
    await expect(callerFor(db, env, null, { now }).auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' })
    const locks = await db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_locked').where(sql`details->>'email'`, '=', user.email).execute()
    expect(locks).toHaveLength(1)
    expect(locks[0]!.details).toMatchObject({ email: user.email, by: 'login-account', failures: LOGIN_LIMITS.perAccount })
  })

  it('a successful sign-in does not use up an attempt', async () => {
    const user = await makeUser(db, 'commission')
    const now = new Date('2026-03-04T10:01:00Z')
    for (let i = 0; i < LOGIN_LIMITS.perAccount + 2; i++) await expect(callerFor(db, env, null, { now }).auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toBeTruthy()
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) await expect(callerFor(db, env, null, { now }).auth.login({ email: user.email, password: 'wrong password' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(callerFor(db, env, null, { now }).auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toBeTruthy()
  })
})

describe('password policy at invitation', () => {
  it('refuses a common password beside the field, then accepts a good one', async () => {
    const admin = await makeUser(db, 'admin')
    const { token } = await callerFor(db, env, admin).invitation.create({ email: 'maria.gonzalez@example.test', role: 'facilitator' })
    const anon = callerFor(db, env, null)
    await expect(anon.invitation.accept({ token, displayName: 'M', password: 'Qwertyuiop123', confirmPassword: 'Qwertyuiop123' })).rejects.toMatchObject({ message: 'errors.passwordCommon' })
    await expect(anon.invitation.accept({ token, displayName: 'M', password: 'maria.gonzalez-1', confirmPassword: 'maria.gonzalez-1' })).rejects.toMatchObject({ message: 'errors.passwordPersonal' })
    await expect(anon.invitation.accept({ token, displayName: 'M', password: 'tamal lluvia bicicleta', confirmPassword: 'tamal lluvia bicicleta' })).resolves.toMatchObject({ home: '/workspace' })
  })
})
