import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let orgId: string
let facilitator: SessionUser
let admin: SessionUser

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  orgId = (await makeOrganization(db)).id
  facilitator = await makeUser(db, 'facilitator')
  admin = await makeUser(db, 'admin')
})
afterAll(() => close())

const password = 'a long enough password'

describe('invitations', () => {
  it('a facilitator invites a community member; the invitee sets a password and is signed in', async () => {
    const created = await callerFor(db, env, facilitator).invitation.create({ email: 'New.Member@Example.test', role: 'submitter', organizationId: orgId })
    const anon = callerFor(db, env, null)
    const described = await anon.invitation.byToken({ token: created.token })
    expect(described).toMatchObject({ email: 'new.member@example.test', role: 'submitter' })

    const resHeaders = new Headers()
    const accepted = await callerFor(db, env, null, { resHeaders }).invitation.accept({ token: created.token, displayName: 'Ana', password, confirmPassword: password })
    expect(accepted.home).toBe('/org')
    expect(resHeaders.get('set-cookie')).toMatch(/^voces_session=/)
    const user = await db.selectFrom('users').selectAll().where('email', '=', 'new.member@example.test').executeTakeFirstOrThrow()
    expect(user.role).toBe('submitter')
    expect(user.organization_id).toBe(orgId)
    expect(user.password_hash).toMatch(/^\$argon2id\$/)

    // Single use.
    await expect(anon.invitation.accept({ token: created.token, displayName: 'Eve', password, confirmPassword: password })).rejects.toMatchObject({ message: 'errors.invitationUsed' })
    const actions = (await db.selectFrom('audit_log').select('action').execute()).map((r) => r.action)
    expect(actions).toEqual(expect.arrayContaining(['invitation.create', 'invitation.accept']))
  })

  it('facilitators may only invite community members; admins may invite any role', async () => {
    await expect(callerFor(db, env, facilitator).invitation.create({ email: 'boss@example.test', role: 'admin' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    const created = await callerFor(db, env, admin).invitation.create({ email: 'staff@example.test', role: 'commission' })
    expect(created.token.length).toBeGreaterThan(20)
  })

  it('a submitter invitation needs an organization', async () => {
    await expect(callerFor(db, env, admin).invitation.create({ email: 'orphan@example.test', role: 'submitter' })).rejects.toMatchObject({ message: 'errors.organizationRequired' })
  })

  it('an expired or unknown invitation cannot be used', async () => {
    const longAgo = new Date(Date.now() - 8 * 86_400_000)
    const created = await callerFor(db, env, admin, { now: longAgo }).invitation.create({ email: 'late@example.test', role: 'facilitator' })
    const anon = callerFor(db, env, null)
    await expect(anon.invitation.byToken({ token: created.token })).rejects.toMatchObject({ message: 'errors.invitationExpired' })
    await expect(anon.invitation.accept({ token: created.token, displayName: 'Late', password, confirmPassword: password })).rejects.toMatchObject({ message: 'errors.invitationExpired' })
    await expect(anon.invitation.byToken({ token: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('rejects a short password and mismatched confirmation with field messages', async () => {
    const created = await callerFor(db, env, admin).invitation.create({ email: 'weak@example.test', role: 'commission' })
    const anon = callerFor(db, env, null)
    await expect(anon.invitation.accept({ token: created.token, displayName: 'W', password: 'short', confirmPassword: 'short' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(anon.invitation.accept({ token: created.token, displayName: 'W', password, confirmPassword: password + 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('refuses a password made of the email name or the person’s name with a year (issue 13, finding 8)', async () => {
    const created = await callerFor(db, env, admin).invitation.create({ email: 'ana_organizer@example.test', role: 'commission' })
    const anon = callerFor(db, env, null)
    for (const weak of ['ana.organizer2026', 'AnaOrganizer-2026!', 'organizer.ana.1990']) {
      await expect(anon.invitation.accept({ token: created.token, displayName: 'Ana Organizer', password: weak, confirmPassword: weak }), weak).rejects.toMatchObject({ message: 'errors.passwordPersonal' })
    }
    const byName = await callerFor(db, env, admin).invitation.create({ email: 'mg@example.test', role: 'commission' })
    await expect(anon.invitation.accept({ token: byName.token, displayName: 'María González', password: 'MariaGonzalez#1985', confirmPassword: 'MariaGonzalez#1985' })).rejects.toMatchObject({ message: 'errors.passwordPersonal' })
    await expect(anon.invitation.accept({ token: byName.token, displayName: 'María González', password, confirmPassword: password })).resolves.toMatchObject({ home: '/commission' })
  })
})
