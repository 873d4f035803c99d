import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { createContext } from '../../server/context'
import { createCaller } from '../../server/routers/_app'
import { createTestDb, testEnv } from '../support/db'
import { makeOrganization, makeUser, TEST_PASSWORD, callerFor } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
})
afterAll(() => close())

function cookieFrom(headers: Headers): string {
  const setCookie = headers.get('set-cookie') ?? ''
  return setCookie.split(';')[0]!
}

async function callerFromCookie(cookie: string) {
  const request = new Request('http://localhost/', { headers: { cookie } })
  return createCaller(await createContext({ request, csrfVerified: true, db, env }))
}

describe('sign-in and sessions', () => {
  it('signs in with the right password, sends an HttpOnly SameSite=Lax cookie, and lands on the role home', async () => {
    const org = await makeOrganization(db)
    const user = await makeUser(db, 'submitter', org.id)
    const resHeaders = new Headers()
    const result = await callerFor(db, env, null, { resHeaders }).auth.login({ email: user.email.toUpperCase(), password: TEST_PASSWORD })
    expect(result.home).toBe('/org')
    const setCookie = resHeaders.get('set-cookie')!
    expect(setCookie).toMatch(/^voces_session=/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('SameSite=Lax')

    const me = await (await callerFromCookie(cookieFrom(resHeaders))).auth.me()
    expect(me?.id).toBe(user.id)
    expect(me?.organizationName).toBe(org.name)
  })

  it('stores only a hash of the session token', async () => {
    const user = await makeUser(db, 'facilitator')
    const resHeaders = new Headers()
    await callerFor(db, env, null, { resHeaders }).auth.login({ email: user.email, password: TEST_PASSWORD })
    const token = cookieFrom(resHeaders).split('=')[1]!
    const rows = await db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.id).not.toBe(token)
    expect(rows[0]!.id).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses a wrong password or unknown email with the same message, and audits the failure', async () => {
    const user = await makeUser(db, 'commission')
    const caller = callerFor(db, env, null)
    await expect(caller.auth.login({ email: user.email, password: 'not the password!' })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'errors.badCredentials' })
    await expect(caller.auth.login({ email: 'nobody@example.test', password: 'whatever-long-enough' })).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: 'errors.badCredentials' })
    const failures = await db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_failed').execute()
    expect(failures.length).toBeGreaterThanOrEqual(2)
  })

  it('revokes the session at logout, so the same cookie no longer works', async () => {
    const user = await makeUser(db, 'admin')
    const resHeaders = new Headers()
    await callerFor(db, env, null, { resHeaders }).auth.login({ email: user.email, password: TEST_PASSWORD })
    const cookie = cookieFrom(resHeaders)
    const caller = await callerFromCookie(cookie)
    await caller.auth.logout()
    expect(await (await callerFromCookie(cookie)).auth.me()).toBeNull()
  })

  it('ignores expired sessions and disabled users', async () => {
    const user = await makeUser(db, 'facilitator')
    const resHeaders = new Headers()
    const past = new Date(Date.now() - 30 * 86_400_000)
    await callerFor(db, env, null, { resHeaders, now: past }).auth.login({ email: user.email, password: TEST_PASSWORD })
    expect(await (await callerFromCookie(cookieFrom(resHeaders))).auth.me()).toBeNull()

    const other = await makeUser(db, 'facilitator')
    const headers2 = new Headers()
    await callerFor(db, env, null, { resHeaders: headers2 }).auth.login({ email: other.email, password: TEST_PASSWORD })
    await db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', other.id).execute()
    expect(await (await callerFromCookie(cookieFrom(headers2))).auth.me()).toBeNull()
  })

  it('refuses every mutation without a verified CSRF token, even a sign-in', async () => {
    const user = await makeUser(db, 'facilitator')
    await expect(callerFor(db, env, null, { csrf: false }).auth.login({ email: user.email, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors.csrf',
    })
    await expect(callerFor(db, env, user, { csrf: false }).auth.logout()).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })
})
