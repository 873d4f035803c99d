import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { resolveSession, sessionPolicyOf, type SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser, TEST_PASSWORD } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let admin: SessionUser
let facilitator: SessionUser

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  admin = await makeUser(db, 'admin')
  facilitator = await makeUser(db, 'facilitator')
})
afterAll(() => close())

const testimony = (text: string) => ({ text, agencies: [] as never[], consentQuote: false, consentContact: false })

async function signIn(email: string) {
  const resHeaders = new Headers()
  await callerFor(db, env, null, { resHeaders }).auth.login({ email, password: TEST_PASSWORD })
  return /voces_session=([^;]+)/.exec(resHeaders.get('set-cookie') ?? '')![1]!
}

describe('organizations administration', () => {
  it('an admin adds an organization with a type and description; the slug comes from the name; names are unique', async () => {
    const caller = callerFor(db, env, admin)
    const org = await caller.organization.create({ name: 'Centro de Trabajadores Unidos', kind: 'labor', description: 'Day laborers in the Valley.' })
    expect(org.slug).toBe('centro-de-trabajadores-unidos')
    expect(await caller.organization.byId({ id: org.id })).toMatchObject({ name: 'Centro de Trabajadores Unidos', kind: 'labor', description: 'Day laborers in the Valley.', deactivatedAt: null, members: 0 })
    await expect(caller.organization.create({ name: 'centro de trabajadores unidos', kind: 'other', description: '' })).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors.organizationNameTaken' })
    // A different name with the same slug gets a number.
    const twin = await caller.organization.create({ name: 'Centro de Trabajadores Unidos!', kind: 'labor', description: '' })
    expect(twin.slug).toBe('centro-de-trabajadores-unidos-2')
    await expect(caller.organization.create({ name: 'Bad type', kind: 'church' as never, description: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    const audit = await db.selectFrom('audit_log').select(['action', 'actor_user_id', 'details']).where('target_id', '=', org.id).execute()
    expect(audit).toEqual([{ action: 'organization.create', actor_user_id: admin.id, details: { name: 'Centro de Trabajadores Unidos', kind: 'labor' } }])
  })

  it('rename and re-describe: the audit entry names what changed, from and to; saving unchanged writes nothing', async () => {
    const caller = callerFor(db, env, admin)
    const org = await caller.organization.create({ name: 'Iglesia San José', kind: 'faith', description: '' })
    expect(await caller.organization.update({ id: org.id, name: 'Parroquia San José', kind: 'faith', description: 'Parish in Boyle Heights.' })).toEqual({ changed: true })
    expect(await caller.organization.update({ id: org.id, name: 'Parroquia San José', kind: 'faith', description: 'Parish in Boyle Heights.' })).toEqual({ changed: false })
    const after = await caller.organization.byId({ id: org.id })
    expect(after).toMatchObject({ name: 'Parroquia San José', slug: 'iglesia-san-jose', description: 'Parish in Boyle Heights.' })
    const audit = await db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', org.id).where('action', '=', 'organization.update').execute()
    expect(audit).toEqual([{ action: 'organization.update', details: { changes: { name: { from: 'Iglesia San José', to: 'Parroquia San José' }, description: { from: '', to: 'Parish in Boyle Heights.' } } } }])
    await expect(caller.organization.update({ id: '00000000-0000-4000-8000-000000000000', name: 'Nobody', kind: 'other', description: '' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors.organizationNotFound' })
  })

  it('only admins manage organizations; facilitators still list them to invite', async () => {
    await expect(callerFor(db, env, facilitator).organization.create({ name: 'Sneaky', kind: 'other', description: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect((await callerFor(db, env, facilitator).organization.list()).length).toBeGreaterThan(0)
  })

  it('deactivating ends members’ sessions at once, refuses their sign-in with a clear message, closes its intake links and new invitations; testimony stays; reactivating undoes it', async () => {
    const caller = callerFor(db, env, admin)
    const org = await caller.organization.create({ name: 'Valley Rapid Response', kind: 'community', description: '' })
    const member = await makeUser(db, 'submitter', org.id)
    const memberWithOrg = { ...member, organizationName: 'Valley Rapid Response' }
    const { receiptCode } = await callerFor(db, env, memberWithOrg).submission.create(testimony('They stopped us outside the market on Van Nuys Boulevard.'))
    const link = await callerFor(db, env, facilitator).intakeLink.create({ name: 'Vigil', expiresInDays: 7, organizationId: org.id })
    const token = await signIn(member.email)
    const pending = await caller.invitation.create({ email: 'late.joiner@example.test', role: 'submitter', organizationId: org.id })
    const policy = sessionPolicyOf(env)
    expect(await resolveSession(db, token, new Date(), policy)).not.toBeNull()

    expect(await caller.organization.deactivate({ id: org.id })).toEqual({ sessionsEnded: 1 })
    expect(await resolveSession(db, token, new Date(), policy)).toBeNull()
    await expect(callerFor(db, env, null).auth.login({ email: member.email, password: TEST_PASSWORD })).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'errors.organizationDeactivated' })
    // A wrong password says nothing about the organization.
    await expect(callerFor(db, env, null).auth.login({ email: member.email, password: 'not the right one at all' })).rejects.toMatchObject({ message: 'errors.badCredentials' })
    await expect(callerFor(db, env, null).intakeLink.submit({ token: link.token, ...testimony('At the vigil.') })).rejects.toMatchObject({ message: 'errors.intakeLinkClosed' })
    await expect(callerFor(db, env, admin).invitation.create({ email: 'new.member@example.test', role: 'submitter', organizationId: org.id })).rejects.toMatchObject({ message: 'errors.organizationRequired' })
    // An invitation sent before cannot be used meanwhile: no account is created.
    await expect(callerFor(db, env, null).invitation.byToken({ token: pending.token })).rejects.toMatchObject({ message: 'errors.organizationDeactivated' })
    await expect(callerFor(db, env, null).invitation.accept({ token: pending.token, displayName: 'Late', password: 'a long enough password', confirmPassword: 'a long enough password' })).rejects.toMatchObject({ message: 'errors.organizationDeactivated' })
    expect(await db.selectFrom('users').select('id').where('email', '=', 'late.joiner@example.test').execute()).toEqual([])
    // Its testimony stays.
    const kept = await db.selectFrom('submissions').select(['status', 'text_redacted']).where('receipt_code', '=', receiptCode).executeTakeFirstOrThrow()
    expect(kept.text_redacted).toContain('market')
    expect((await caller.organization.adminList()).at(-1)).toMatchObject({ id: org.id, members: 1 })

    expect(await caller.organization.reactivate({ id: org.id })).toEqual({ changed: true })
    expect(await signIn(member.email)).toBeTruthy()
    await callerFor(db, env, null).intakeLink.submit({ token: link.token, ...testimony('At the vigil, again.') })
    expect(await callerFor(db, env, null).invitation.byToken({ token: pending.token })).toMatchObject({ email: 'late.joiner@example.test' })
    const actions = await db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', org.id).orderBy('id').execute()
    expect(actions.map((a) => a.action)).toEqual(['organization.create', 'organization.deactivate', 'organization.reactivate'])
    expect(actions[1]!.details).toMatchObject({ members: 1, sessionsEnded: 1 })
    const refused = await db.selectFrom('audit_log').select('details').where('action', '=', 'auth.login_refused').where('actor_user_id', '=', member.id).execute()
    expect(refused).toEqual([{ details: { reason: 'organization_deactivated' } }])
  })
})
