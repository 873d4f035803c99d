import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { resolveSession, sessionPolicyOf, type SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser, TEST_PASSWORD } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let admin: SessionUser
let orgA: { id: string; name: string }
let orgB: { id: string; name: string }

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  orgA = await makeOrganization(db, 'Eastside Worker Center Test')
  orgB = await makeOrganization(db, 'Pico Union Parents')
  admin = await makeUser(db, 'admin')
})
afterAll(() => close())

async function signIn(user: SessionUser) {
  const resHeaders = new Headers()
  await callerFor(db, env, null, { resHeaders }).auth.login({ email: user.email, password: TEST_PASSWORD })
  return /voces_session=([^;]+)/.exec(resHeaders.get('set-cookie') ?? '')![1]!
}

async function lastAudit(action: string) {
  return db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('id', 'desc').executeTakeFirstOrThrow()
}

describe('account list', () => {
  it('searches by name, email or organization, filters by role and state, and shows the last sign-in', async () => {
    const member = await makeUser(db, 'submitter', orgB.id)
    await db.updateTable('users').set({ display_name: 'Rosa Búsqueda' }).where('id', '=', member.id).execute()
    const caller = callerFor(db, env, admin)
    const before = await caller.account.list({ q: 'búsqueda' })
    expect(before.accounts.map((a) => a.id)).toEqual([member.id])
    expect(before.accounts[0]).toMatchObject({ organizationName: 'Pico Union Parents', role: 'submitter', disabledAt: null, lastSignInAt: null })
    await signIn(member)
    const after = await caller.account.list({ q: member.email.toUpperCase() })
    expect(after.accounts[0]!.lastSignInAt).toBeInstanceOf(Date)
    expect((await caller.account.list({ q: 'pico union' })).accounts.map((a) => a.id)).toContain(member.id)
    expect((await caller.account.list({ q: 'pico union', role: 'admin' })).accounts).toEqual([])
    expect((await caller.account.list({ q: '%' })).total).toBe(0) // LIKE wildcards are searched as text
    expect((await caller.account.list({ state: 'deactivated' })).accounts).toEqual([])
  })
})

describe('changing role and organization', () => {
  it('changes role and organization at once, effective on the next request, audited with before and after', async () => {
    const member = await makeUser(db, 'submitter', orgA.id)
    const token = await signIn(member)
    const result = await callerFor(db, env, admin).account.change({ userId: member.id, role: 'facilitator', organizationId: orgB.id })
    expect(result).toEqual({ changed: true })
    const session = await resolveSession(db, token, new Date(), sessionPolicyOf(env))
    expect(session?.user).toMatchObject({ role: 'facilitator', organizationId: orgB.id })
    const entry = await lastAudit('account.change')
    expect(entry).toMatchObject({ actor_user_id: admin.id, target_type: 'user', target_id: member.id })
    expect(entry.details).toMatchObject({ roleBefore: 'submitter', role: 'facilitator', organizationNameBefore: orgA.name, organizationName: orgB.name })
  })

  it('a community member needs an organization; an unknown one is refused', async () => {
    const staff = await makeUser(db, 'commission')
    const caller = callerFor(db, env, admin)
    await expect(caller.account.change({ userId: staff.id, role: 'submitter' })).rejects.toMatchObject({ message: 'errors.organizationRequired' })
    await expect(caller.account.change({ userId: staff.id, role: 'submitter', organizationId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ message: 'errors.organizationRequired' })
    expect(await caller.account.change({ userId: staff.id, role: 'commission' })).toEqual({ changed: false })
  })

  it('an admin cannot remove their own admin role, nor deactivate themselves', async () => {
    const caller = callerFor(db, env, admin)
    await expect(caller.account.change({ userId: admin.id, role: 'facilitator' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.ownAdmin' })
    await expect(caller.account.deactivate({ userId: admin.id })).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.ownAccount' })
    // Changing their own organization keeps the role: allowed.
    expect(await caller.account.change({ userId: admin.id, role: 'admin', organizationId: orgA.id })).toEqual({ changed: true })
  })

  it('the last active administrator cannot be demoted or deactivated, even when two admins try it on each other at once', async () => {
    const db2 = db
    // Deactivate every admin but `admin` and a second one, then race.
    const second = await makeUser(db2, 'admin')
    await db2.updateTable('users').set({ disabled_at: new Date() }).where('role', '=', 'admin').where('id', 'not in', [admin.id, second.id]).execute()
    const results = await Promise.allSettled([
      callerFor(db2, env, admin).account.change({ userId: second.id, role: 'facilitator' }),
      callerFor(db2, env, second).account.change({ userId: admin.id, role: 'facilitator' }),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { message: 'errors.lastAdmin' } })
    const activeAdmins = await db2.selectFrom('users').select('id').where('role', '=', 'admin').where('disabled_at', 'is', null).execute()
    expect(activeAdmins).toHaveLength(1)
    const survivor = activeAdmins[0]!.id === admin.id ? admin : second
    // A deactivated admin does not count: the survivor stays the last active one.
    const dormant = await makeUser(db2, 'admin')
    await db2.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', dormant.id).execute()
    await expect(callerFor(db2, env, dormant).account.deactivate({ userId: survivor.id })).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.lastAdmin' })
    await expect(callerFor(db2, env, dormant).account.change({ userId: survivor.id, role: 'commission' })).rejects.toMatchObject({ message: 'errors.lastAdmin' })
    // Once a second admin is active again, the survivor can be deactivated by them.
    await db2.updateTable('users').set({ disabled_at: null }).where('id', '=', dormant.id).execute()
    await expect(callerFor(db2, env, dormant).account.deactivate({ userId: survivor.id })).resolves.toEqual({ sessionsEnded: 0 })
    await db2.updateTable('users').set({ disabled_at: null }).where('role', '=', 'admin').execute()
  })
})

describe('deactivating and reactivating', () => {
  it('ends every session at once; a deactivated account cannot sign in until reactivated', async () => {
    const member = await makeUser(db, 'submitter', orgA.id)
    const tokens = [await signIn(member), await signIn(member)]
    const result = await callerFor(db, env, admin).account.deactivate({ userId: member.id })
    expect(result).toEqual({ sessionsEnded: 2 })
    for (const token of tokens) expect(await resolveSession(db, token, new Date(), sessionPolicyOf(env))).toBeNull()
    await expect(callerFor(db, env, null).auth.login({ email: member.email, password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    expect((await lastAudit('account.deactivate')).details).toMatchObject({ sessionsEnded: 2 })
    expect((await callerFor(db, env, admin).account.list({ q: member.email, state: 'deactivated' })).accounts).toHaveLength(1)

    expect(await callerFor(db, env, admin).account.reactivate({ userId: member.id })).toEqual({ changed: true })
    await signIn(member)
    expect((await lastAudit('account.reactivate')).target_id).toBe(member.id)
  })
})

describe('pending invitations', () => {
  it('resend gives a new link and kills the old one; revoke kills the link; both audited', async () => {
    const caller = callerFor(db, env, admin)
    const anon = callerFor(db, env, null)
    const created = await caller.invitation.create({ email: 'pending@example.test', role: 'submitter', organizationId: orgA.id })
    const pending = await caller.account.pendingInvitations()
    expect(pending.find((p) => p.id === created.id)).toMatchObject({ email: 'pending@example.test', role: 'submitter', organizationName: orgA.name })

    const later = new Date(Date.now() + 3 * 86_400_000)
    const resent = await callerFor(db, env, admin, { now: later }).account.resendInvitation({ invitationId: created.id })
    expect(resent.token).not.toBe(created.token)
    expect(resent.expiresAt.getTime()).toBe(later.getTime() + 7 * 86_400_000)
    await expect(anon.invitation.byToken({ token: created.token })).rejects.toMatchObject({ message: 'errors.invitationInvalid' })
    await expect(anon.invitation.byToken({ token: resent.token })).resolves.toMatchObject({ email: 'pending@example.test' })
    expect((await lastAudit('invitation.resend')).target_id).toBe(created.id)

    await caller.account.revokeInvitation({ invitationId: created.id })
    await expect(anon.invitation.byToken({ token: resent.token })).rejects.toMatchObject({ message: 'errors.invitationRevoked' })
    await expect(anon.invitation.accept({ token: resent.token, displayName: 'X', password: 'a long enough password', confirmPassword: 'a long enough password' })).rejects.toMatchObject({
      message: 'errors.invitationRevoked',
    })
    expect((await caller.account.pendingInvitations()).find((p) => p.id === created.id)).toBeUndefined()
    await expect(caller.account.resendInvitation({ invitationId: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors.invitationNotPending' })
    await expect(caller.account.revokeInvitation({ invitationId: created.id })).rejects.toMatchObject({ message: 'errors.invitationNotPending' })
    expect((await lastAudit('invitation.revoke')).details).toMatchObject({ email: 'pending@example.test' })
  })

  it('an accepted invitation cannot be resent or revoked', async () => {
    const caller = callerFor(db, env, admin)
    const created = await caller.invitation.create({ email: 'accepted@example.test', role: 'commission' })
    await callerFor(db, env, null).invitation.accept({ token: created.token, displayName: 'Lee', password: 'a long enough password', confirmPassword: 'a long enough password' })
    await expect(caller.account.resendInvitation({ invitationId: created.id })).rejects.toMatchObject({ message: 'errors.invitationNotPending' })
    await expect(caller.account.revokeInvitation({ invitationId: created.id })).rejects.toMatchObject({ message: 'errors.invitationNotPending' })
  })
})
