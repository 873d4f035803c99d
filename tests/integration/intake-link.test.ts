import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { sha256 } from '../../server/lib/crypto'
import type { SessionUser } from '../../server/services/auth'
import { RATE_LIMITS, RATE_WINDOW_MS } from '../../server/services/intake-link'
import { createInnerContext } from '../../server/context'
import { createCaller } from '../../server/routers/_app'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let submitter: SessionUser
let commission: SessionUser
let admin: SessionUser
let orgId: string

const DAY = 86_400_000
const testimony = (text: string) => ({ text, agencies: [] as never[], consentQuote: false, consentContact: false })

/** An anonymous visitor from `clientAddress`, as if from our own intake page. */
function visitor(clientAddress: string | null, now = new Date(), csrf = true) {
  return createCaller(createInnerContext({ db, env, user: null, csrfVerified: csrf, now, clientAddress }))
}

async function newLink(input: { name?: string; expiresInDays?: number; maxSubmissions?: number; organizationId?: string } = {}) {
  return callerFor(db, env, facilitator).intakeLink.create({ name: input.name ?? 'Listening session', expiresInDays: input.expiresInDays ?? 7, ...input })
}

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  orgId = (await makeOrganization(db, 'Coalición del Este')).id
  facilitator = await makeUser(db, 'facilitator')
  submitter = await makeUser(db, 'submitter', orgId)
  commission = await makeUser(db, 'commission')
  admin = await makeUser(db, 'admin')
})
afterAll(() => close())

describe('intake links', () => {
  it('a facilitator creates a link; only a hash of its token is stored; creation is audited', async () => {
    const link = await newLink({ name: 'Boyle Heights session', organizationId: orgId, maxSubmissions: 40 })
    expect(link.token.length).toBeGreaterThanOrEqual(40)
    const row = await db.selectFrom('intake_links').selectAll().where('id', '=', link.id).executeTakeFirstOrThrow()
    expect(row.token_hash).toBe(sha256(link.token))
    expect(JSON.stringify(row)).not.toContain(link.token)
    expect(row).toMatchObject({ name: 'Boyle Heights session', organization_id: orgId, max_submissions: 40 })
    const audit = await db.selectFrom('audit_log').selectAll().where('action', '=', 'intake_link.create').where('target_id', '=', link.id).execute()
    expect(audit).toHaveLength(1)
    expect(await visitor('10.0.0.1').intakeLink.byToken({ token: link.token })).toEqual({ name: 'Boyle Heights session', organizationName: 'Coalición del Este', state: 'open' })
  })

  it('anyone with the link submits without an account: status pending, receipt code, organization of the link, redacted', async () => {
    const link = await newLink({ organizationId: orgId })
    const { receiptCode } = await visitor('10.0.0.2').intakeLink.submit({ token: link.token, ...testimony('Me llamo Rosa Martínez, mi número es 323-555-0177. Llegaron al parque.') })
    expect(receiptCode).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)
    const row = await db.selectFrom('submissions').selectAll().where('receipt_code', '=', receiptCode).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'pending', intake_link_id: link.id, organization_id: orgId, submitted_by: null })
    expect(row.text_redacted).toContain('[PHONE]')
    expect(row.text_redacted).not.toContain('Rosa')
    const listed = await callerFor(db, env, facilitator).intakeLink.list()
    expect(listed.find((l) => l.id === link.id)).toMatchObject({ useCount: 1, state: 'open' })
  })

  it('refuses an expired link, a closed link and a full link with a clear message', async () => {
    const now = new Date()
    const expiring = await newLink({ expiresInDays: 1 })
    const later = new Date(now.getTime() + 2 * DAY)
    expect((await visitor('10.0.1.1', later).intakeLink.byToken({ token: expiring.token })).state).toBe('expired')
    await expect(visitor('10.0.1.1', later).intakeLink.submit({ token: expiring.token, ...testimony('Too late for this session.') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors.intakeLinkExpired',
    })

    const closing = await newLink()
    expect(await callerFor(db, env, facilitator).intakeLink.close({ id: closing.id })).toEqual({ closed: true })
    expect(await callerFor(db, env, facilitator).intakeLink.close({ id: closing.id })).toEqual({ closed: false })
    expect(await db.selectFrom('audit_log').select('id').where('action', '=', 'intake_link.close').where('target_id', '=', closing.id).execute()).toHaveLength(1)
    await expect(visitor('10.0.1.2').intakeLink.submit({ token: closing.token, ...testimony('The session is over.') })).rejects.toMatchObject({ message: 'errors.intakeLinkClosed' })

    const capped = await newLink({ maxSubmissions: 2 })
    await visitor('10.0.1.3').intakeLink.submit({ token: capped.token, ...testimony('First of two allowed testimonies.') })
    await visitor('10.0.1.4').intakeLink.submit({ token: capped.token, ...testimony('Second of two allowed testimonies here.') })
    await expect(visitor('10.0.1.5').intakeLink.submit({ token: capped.token, ...testimony('A third one over the cap.') })).rejects.toMatchObject({ message: 'errors.intakeLinkFull' })
    expect((await visitor('10.0.1.5').intakeLink.byToken({ token: capped.token })).state).toBe('full')

    await expect(visitor('10.0.1.6').intakeLink.byToken({ token: 'x'.repeat(43) })).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors.intakeLinkInvalid' })
  })

  it('a filled honeypot pretends success and stores nothing', async () => {
    const link = await newLink()
    const before = await db.selectFrom('submissions').select('id').execute()
    const result = await visitor('10.0.2.1').intakeLink.submit({ token: link.token, website: 'http://spam.example', ...testimony('Buy cheap things now at our site.') })
    expect(result.receiptCode).toMatch(/^[0-9A-Z]{3}-[0-9A-Z]{3}-[0-9A-Z]{3}$/)
    expect(await db.selectFrom('submissions').select('id').execute()).toHaveLength(before.length)
    expect(await db.selectFrom('submissions').select('id').where('receipt_code', '=', result.receiptCode).executeTakeFirst()).toBeUndefined()
  })

  it('rate-limits per client address, storing only an HMAC of the address', async () => {
    const link = await newLink()
    const now = new Date('2026-12-01T10:00:00Z')
    const address = '203.0.113.77'
    for (let i = 0; i < RATE_LIMITS.perAddress; i++) {
      await visitor(address, now).intakeLink.submit({ token: link.token, ...testimony(`Testimony number ${i} from the same phone at the session.`) })
    }
    await expect(visitor(address, now).intakeLink.submit({ token: link.token, ...testimony('One too many from this address.') })).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: 'errors.rateLimited',
    })
    // Another address is not affected; the next window starts afresh.
    await visitor('203.0.113.78', now).intakeLink.submit({ token: link.token, ...testimony('A different person at the same session.') })
    await visitor(address, new Date(now.getTime() + RATE_WINDOW_MS)).intakeLink.submit({ token: link.token, ...testimony('Back after the window closed.') })
    const keys = await db.selectFrom('rate_limits').select('key').execute()
    expect(keys.length).toBeGreaterThan(0)
    for (const { key } of keys) expect(key).not.toContain('203.0.113')
  })

  it('rate-limits per link, across addresses', async () => {
    const link = await newLink()
    const now = new Date('2026-12-02T10:00:00Z')
    // Fill the link's window directly: the counter is shared through the database.
    await db.insertInto('rate_limits').values({ key: `intake-link:${link.id}`, window_start: new Date(Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS), count: RATE_LIMITS.perLink }).execute()
    await expect(visitor('198.51.100.9', now).intakeLink.submit({ token: link.token, ...testimony('Over the limit of this link.') })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' })
  })

  it('validates with the member form schema', async () => {
    const link = await newLink()
    await expect(visitor('10.0.3.1').intakeLink.submit({ token: link.token, ...testimony('   ') })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(visitor('10.0.3.1').intakeLink.submit({ token: link.token, ...testimony('Fine text.'), area: 'atlantis' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('role rules: only facilitators create, list and close; submitting needs CSRF', async () => {
    const link = await newLink()
    for (const user of [submitter, commission, admin]) {
      const caller = callerFor(db, env, user)
      await expect(caller.intakeLink.create({ name: 'Not allowed', expiresInDays: 3 })).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.intakeLink.list()).rejects.toMatchObject({ code: 'FORBIDDEN' })
      await expect(caller.intakeLink.close({ id: link.id })).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    const anonymous = callerFor(db, env, null)
    await expect(anonymous.intakeLink.create({ name: 'Not allowed', expiresInDays: 3 })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(anonymous.intakeLink.list()).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(visitor('10.0.4.1', new Date(), false).intakeLink.submit({ token: link.token, ...testimony('No CSRF token here.') })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors.csrf',
    })
  })
})
