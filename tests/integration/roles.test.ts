import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let submitter: SessionUser
let otherSubmitter: SessionUser
let facilitator: SessionUser
let commission: SessionUser
let admin: SessionUser

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  const other = await makeOrganization(db)
  submitter = await makeUser(db, 'submitter', org.id)
  otherSubmitter = await makeUser(db, 'submitter', other.id)
  facilitator = await makeUser(db, 'facilitator')
  commission = await makeUser(db, 'commission')
  admin = await makeUser(db, 'admin')
})
afterAll(() => close())

const testimony = { text: 'Agents in masks stopped people at the bus stop near the park.', agencies: ['ice' as const], consentQuote: true, consentContact: false }

describe('role rules', () => {
  it('an anonymous caller gets nothing but its own (empty) identity', async () => {
    const anon = callerFor(db, env, null)
    expect(await anon.auth.me()).toBeNull()
    await expect(anon.submission.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(anon.submission.mine({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(anon.submission.create(testimony)).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(anon.report.listPublished()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(anon.organization.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(anon.audit.list({})).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(anon.invitation.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })

  it('a submitter cannot call facilitator, commission or admin procedures', async () => {
    const caller = callerFor(db, env, submitter)
    await expect(caller.submission.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(caller.submission.byId({ id: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(caller.report.listPublished()).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(caller.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    await expect(caller.invitation.create({ email: 'x@example.test', role: 'submitter', organizationId: submitter.organizationId! })).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('facilitators, commission and admins cannot submit testimony as an organization', async () => {
    for (const user of [facilitator, commission, admin]) {
      await expect(callerFor(db, env, user).submission.create(testimony)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
  })

  it('commission staff read reports but not raw submissions; admins read the audit log but not testimony', async () => {
    expect(await callerFor(db, env, commission).report.listPublished()).toEqual([])
    await expect(callerFor(db, env, commission).submission.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' })
    expect(Array.isArray(await callerFor(db, env, admin).audit.list({}))).toBe(true)
    await expect(callerFor(db, env, admin).submission.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' })
  })

  it('organizations are isolated: a submitter never sees another organization’s submissions', async () => {
    const mine = await callerFor(db, env, submitter).submission.create(testimony)
    const theirs = await callerFor(db, env, otherSubmitter).submission.create({ ...testimony, text: 'Otra organización: la migra en la escuela.' })
    const list = await callerFor(db, env, submitter).submission.mine({})
    expect(list.items.map((s) => s.id)).toContain(mine.id)
    expect(list.items.map((s) => s.id)).not.toContain(theirs.id)
    await expect(callerFor(db, env, submitter).submission.receipt({ code: theirs.receiptCode })).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect((await callerFor(db, env, submitter).submission.receipt({ code: mine.receiptCode })).id).toBe(mine.id)
  })
})
