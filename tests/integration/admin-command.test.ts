import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { sha256 } from '../../server/lib/crypto'
import { AdminCommandError, createAdministrator, administratorStatus, resetAccount, setupLink } from '../../server/services/account-setup'
import { resolveSession, sessionPolicyOf } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'

const env = testEnv({ VOCES_ORIGIN: 'https://voces.example.org' })
let db: Db
let close: () => Promise<void>
let kind: 'pglite' | 'postgres'
let url: string | undefined

beforeAll(async () => {
  ;({ db, close, kind, url } = await createTestDb())
})
afterAll(() => close())

const password = 'plenty of unrelated words'
const tokenOf = (link: string) => link.split('/setup/')[1]!

async function signIn(email: string, pw: string) {
  const resHeaders = new Headers()
  await callerFor(db, env, null, { resHeaders }).auth.login({ email, password: pw })
  return /voces_session=([^;]+)/.exec(resHeaders.get('set-cookie') ?? '')![1]!
}

describe('npm run admin: the first administrator and resets', () => {
  it('create: an administrator with no password and a 24-hour one-time link under VOCES_ORIGIN; the log hint until it is used', async () => {
    expect(await administratorStatus(db)).toEqual({ ready: false, pending: [] })
    const now = new Date()
    const created = await createAdministrator(db, { email: 'Coordinator@Example.org', name: 'Rosa' }, now)
    const link = setupLink(env.origin, created.token)
    expect(link).toMatch(/^https:\/\/voces\.example\.org\/setup\/[A-Za-z0-9_-]{40,}$/)
    expect(created.expiresAt.getTime() - now.getTime()).toBe(24 * 3_600_000)
    const user = await db.selectFrom('users').selectAll().where('email', '=', 'coordinator@example.org').executeTakeFirstOrThrow()
    expect(user).toMatchObject({ role: 'admin', display_name: 'Rosa', organization_id: null })
    // Only the token's hash is stored.
    const stored = await db.selectFrom('account_setups').selectAll().where('user_id', '=', user.id).execute()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.token_hash).toBe(sha256(created.token))
    // No password yet: signing in fails like an unknown account, and the server's log still asks for the link to be used.
    await expect(callerFor(db, env, null).auth.login({ email: 'coordinator@example.org', password: '!unset' })).rejects.toMatchObject({ message: 'errors.badCredentials' })
    expect(await administratorStatus(db)).toEqual({ ready: false, pending: ['coordinator@example.org'] })

    const anon = callerFor(db, env, null)
    expect(await anon.accountSetup.byToken({ token: created.token })).toMatchObject({ email: 'coordinator@example.org', role: 'admin', displayName: 'Rosa' })
    const resHeaders = new Headers()
    const done = await callerFor(db, env, null, { resHeaders }).accountSetup.complete({ token: created.token, displayName: 'Rosa M.', password, confirmPassword: password })
    expect(done.home).toBe('/admin')
    expect(resHeaders.get('set-cookie')).toMatch(/^voces_session=/)
    expect(await administratorStatus(db)).toEqual({ ready: true, pending: [] })
    expect(await signIn('coordinator@example.org', password)).toBeTruthy()
    // Single use.
    await expect(anon.accountSetup.complete({ token: created.token, displayName: 'Eve', password: 'another long passphrase', confirmPassword: 'another long passphrase' })).rejects.toMatchObject({ message: 'errors.setupUsed' })
    const actions = await db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', user.id).orderBy('id').execute()
    expect(actions.map((a) => a.action)).toEqual(['account.setup_issued', 'account.setup_complete'])
    expect(actions[0]!.details).toMatchObject({ via: 'command', reason: 'create' })
  })

  it('create refuses an email already in use, in any case, and changes nothing', async () => {
    const before = await db.selectFrom('account_setups').select('id').execute()
    await expect(createAdministrator(db, { email: 'COORDINATOR@example.org' }, new Date())).rejects.toThrow(AdminCommandError)
    await expect(createAdministrator(db, { email: 'coordinator@example.org' }, new Date())).rejects.toThrow(/already exists.*admin -- reset --email coordinator@example.org/)
    expect(await db.selectFrom('account_setups').select('id').execute()).toHaveLength(before.length)
    expect(await db.selectFrom('users').select('id').where('email', 'ilike', 'coordinator@example.org').execute()).toHaveLength(1)
  })

  it('a link expires after 24 hours; a wrong token is invalid', async () => {
    const now = new Date()
    const created = await createAdministrator(db, { email: 'late@example.org' }, now)
    const later = callerFor(db, env, null, { now: new Date(now.getTime() + 24 * 3_600_000 + 1000) })
    await expect(later.accountSetup.byToken({ token: created.token })).rejects.toMatchObject({ message: 'errors.setupExpired' })
    await expect(later.accountSetup.complete({ token: created.token, displayName: 'Late', password, confirmPassword: password })).rejects.toMatchObject({ message: 'errors.setupExpired' })
    await expect(callerFor(db, env, null).accountSetup.byToken({ token: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors.setupInvalid' })
    // The password policy applies as for invitations.
    const fresh = await resetAccount(db, { email: 'late@example.org' }, new Date())
    await expect(callerFor(db, env, null).accountSetup.complete({ token: fresh.token, displayName: 'Late', password: 'late@example.org', confirmPassword: 'late@example.org' })).rejects.toMatchObject({ message: 'errors.passwordPersonal' })
  })

  it('reset: every session of the person ends at once, the earlier link dies, the new one sets a new password', async () => {
    const admin = await makeUser(db, 'admin')
    const now = new Date()
    const tokens = [await signIn(admin.email, 'correct horse battery staple'), await signIn(admin.email, 'correct horse battery staple')]
    const policy = sessionPolicyOf(env)
    for (const token of tokens) expect(await resolveSession(db, token, now, policy)).not.toBeNull()

    const first = await resetAccount(db, { email: admin.email.toUpperCase() }, now)
    expect(first.sessionsEnded).toBe(2)
    for (const token of tokens) expect(await resolveSession(db, token, now, policy)).toBeNull()
    const second = await resetAccount(db, { email: admin.email }, now)
    expect(second.sessionsEnded).toBe(0)
    await expect(callerFor(db, env, null).accountSetup.byToken({ token: first.token })).rejects.toMatchObject({ message: 'errors.setupUsed' })

    await callerFor(db, env, null).accountSetup.complete({ token: second.token, displayName: 'Back again', password, confirmPassword: password })
    await expect(callerFor(db, env, null).auth.login({ email: admin.email, password: 'correct horse battery staple' })).rejects.toMatchObject({ message: 'errors.badCredentials' })
    expect(await signIn(admin.email, password)).toBeTruthy()
    const audit = await db.selectFrom('audit_log').select('details').where('action', '=', 'account.setup_issued').where('target_id', '=', admin.id).orderBy('id').execute()
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ reason: 'reset', sessionsEnded: 2 }), expect.objectContaining({ reason: 'reset', sessionsEnded: 0 })])
  })

  it('reset refuses an unknown email and a deactivated account', async () => {
    await expect(resetAccount(db, { email: 'nobody@example.org' }, new Date())).rejects.toThrow(/No account has the email nobody@example.org/)
    const gone = await makeUser(db, 'admin')
    await db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', gone.id).execute()
    await expect(resetAccount(db, { email: gone.email }, new Date())).rejects.toThrow(/deactivated/)
  })
})

describe('the command itself', () => {
  const run = promisify(execFile)
  const root = path.resolve(__dirname, '../..')
  let dataDir: string
  let commandEnv: NodeJS.ProcessEnv
  beforeAll(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'voces-admin-'))
    commandEnv = {
      ...process.env,
      NODE_ENV: 'test',
      VOCES_DATA_DIR: dataDir,
      VOCES_ORIGIN: 'https://voces.example.org',
      VOCES_SESSION_SECRET: env.sessionSecret,
      VOCES_ENCRYPTION_KEY: env.encryptionKey.toString('hex'),
      // On PostgreSQL (CI), the command runs against this file's database with DATABASE_URL.
      DATABASE_URL: kind === 'postgres' ? url : '',
    }
  })
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  const admin = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/admin.ts', ...args], { cwd: root, env: commandEnv }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    )

  it('migrates an empty database, prints only the link on stdout, and refuses a duplicate with nothing on stdout', async () => {
    const created = await admin('create', '--email', 'first@example.org', '--name', 'First Admin')
    expect(created.code).toBe(0)
    expect(created.stdout).toMatch(/^https:\/\/voces\.example\.org\/setup\/[A-Za-z0-9_-]{40,}\n$/)
    expect(created.stderr).toMatch(/valid until/)

    const again = await admin('create', '--email', 'FIRST@example.org')
    expect(again.code).toBe(1)
    expect(again.stdout).toBe('')
    expect(again.stderr).toMatch(/already exists/)

    const reset = await admin('reset', '--email', 'first@example.org')
    expect(reset.code).toBe(0)
    expect(reset.stdout).toMatch(/^https:\/\/voces\.example\.org\/setup\/[A-Za-z0-9_-]{40,}\n$/)
    expect(tokenOf(reset.stdout.trim())).not.toBe(tokenOf(created.stdout.trim()))

    const bad = await admin('create', '--email', 'not-an-email')
    expect(bad.code).toBe(2)
    expect(bad.stdout).toBe('')
  }, 120_000)
})

describe('the set-up link and Secure cookies', () => {
  it('where cookies are Secure, the set-up link signs in with the __Host- session cookie the server reads (it set voces_session, so the administrator landed on /login)', async () => {
    const secureEnv = testEnv({ VOCES_ORIGIN: 'https://voces.example.org', VOCES_SECURE_COOKIES: 'true' })
    const created = await createAdministrator(db, { email: 'secure-setup@example.org', name: 'Noemí' }, new Date())
    const resHeaders = new Headers()
    await callerFor(db, secureEnv, null, { resHeaders }).accountSetup.complete({ token: created.token, displayName: 'Noemí', password, confirmPassword: password })
    const setCookie = resHeaders.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^__Host-voces_session=[^;]+;.*Secure/)
    const token = /^__Host-voces_session=([^;]+)/.exec(setCookie)![1]!
    expect(await resolveSession(db, token, new Date(), sessionPolicyOf(secureEnv))).toMatchObject({ user: { role: 'admin' } })
  })
})
