import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { appRouter } from '../../server/routers/_app'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let submitter: SessionUser
let otherSubmitter: SessionUser
let commission: SessionUser
let admin: SessionUser

const MARKER = 'Zoraida Quintanilla'
const MARKER_PHONE = '323-555-0142'
const TEXT = `Me llamo ${MARKER} y mi número es ${MARKER_PHONE}. Los agentes llegaron al parque y nadie nos explicó nada.`
let memberSubmission: { id: string; receiptCode: string }
let linkReceipt: string
let linkToken: string

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  const other = await makeOrganization(db)
  facilitator = await makeUser(db, 'facilitator')
  submitter = await makeUser(db, 'submitter', org.id)
  otherSubmitter = await makeUser(db, 'submitter', other.id)
  commission = await makeUser(db, 'commission')
  admin = await makeUser(db, 'admin')
  memberSubmission = await callerFor(db, env, submitter).submission.create({ text: TEXT, agencies: ['ice'], consentQuote: true, consentContact: false, cityResponse: `Llamen a ${MARKER}` })
  const link = await callerFor(db, env, facilitator).intakeLink.create({ name: 'Sesión de escucha, Boyle Heights', expiresInDays: 7 })
  linkToken = link.token
  linkReceipt = (
    await callerFor(db, env, null).intakeLink.submit({ token: link.token, text: `Soy ${MARKER}, teléfono ${MARKER_PHONE}. Vimos camionetas sin placas cerca de la biblioteca.`, agencies: [], consentQuote: false, consentContact: false })
  ).receiptCode
})
afterAll(() => close())

type Proc = { _def: { type: 'query' | 'mutation' | 'subscription' } }

/** Calls `path` on a caller by walking the nested proxy. */
function callPath(caller: unknown, path: string, input: unknown): Promise<unknown> {
  const fn = path.split('.').reduce<any>((node, part) => node[part], caller)
  return fn(input)
}

describe('reveal of original text', () => {
  it('stores no original text in clear, and redacts the marker', async () => {
    const rows = await db.selectFrom('submissions').select(['text_redacted', 'city_response']).execute()
    for (const row of rows) {
      expect(row.text_redacted).not.toContain(MARKER)
      expect(row.text_redacted).not.toContain(MARKER_PHONE)
      expect(row.city_response ?? '').not.toContain(MARKER)
    }
  })

  it('no query procedure returns the original text, for any role and any input that fits', async () => {
    const procedures = (appRouter as unknown as { _def: { procedures: Record<string, Proc> } })._def.procedures
    const queries = Object.entries(procedures)
      .filter(([, p]) => p._def.type === 'query')
      .map(([path]) => path)
    expect(queries).toEqual(expect.arrayContaining(['submission.byId', 'submission.list', 'submission.receipt', 'moderation.queue', 'moderation.state']))
    // Objects strip keys they do not know, so one input fits every schema that takes these names.
    const inputs = [
      undefined,
      { id: memberSubmission.id, submissionId: memberSubmission.id, code: memberSubmission.receiptCode, token: linkToken, limit: 500, page: 1, pageSize: 100 },
      { code: linkReceipt, page: 1, pageSize: 100 },
      { id: memberSubmission.id, status: 'accepted', language: 'es', page: 1, pageSize: 100 },
      { status: 'pending', page: 1, pageSize: 100 },
    ]
    const succeeded = new Set<string>()
    for (const user of [facilitator, submitter, otherSubmitter, commission, admin, null]) {
      const caller = callerFor(db, env, user)
      for (const path of queries) {
        for (const input of inputs) {
          let out: string
          try {
            out = JSON.stringify(await callPath(caller, path, input))
            succeeded.add(`${user?.role ?? 'anonymous'}:${path}`)
          } catch (error) {
            out = String((error as Error).message)
          }
          expect(out, `${path} as ${user?.role ?? 'anonymous'}`).not.toContain(MARKER)
          expect(out, `${path} as ${user?.role ?? 'anonymous'}`).not.toContain(MARKER_PHONE)
        }
      }
    }
    // The ones that show submissions did run and did return them (redacted).
    for (const key of ['facilitator:submission.byId', 'facilitator:submission.list', 'facilitator:moderation.queue', 'submitter:submission.receipt', 'submitter:submission.mine', 'admin:audit.list']) {
      expect(succeeded, key).toContain(key)
    }
    const byId = await callerFor(db, env, facilitator).submission.byId({ id: memberSubmission.id })
    expect(byId.text).toContain('[NAME]')
  })

  it('returns the original only through submission.reveal, with an audit entry holding the reason', async () => {
    const before = await db.selectFrom('audit_log').select('id').where('action', '=', 'submission.reveal').execute()
    const reason = 'Checking whether the redaction removed the right name'
    const revealed = await callerFor(db, env, facilitator).submission.reveal({ id: memberSubmission.id, reason })
    expect(revealed.text).toBe(TEXT)
    const entries = await db.selectFrom('audit_log').selectAll().where('action', '=', 'submission.reveal').orderBy('id', 'desc').execute()
    expect(entries).toHaveLength(before.length + 1)
    expect(entries[0]).toMatchObject({ actor_user_id: facilitator.id, target_id: memberSubmission.id })
    expect(entries[0]!.details).toMatchObject({ reason })
  })

  it('asks for a reason of at least 10 characters, and writes nothing without one', async () => {
    const count = async () => (await db.selectFrom('audit_log').select('id').where('action', '=', 'submission.reveal').execute()).length
    const before = await count()
    await expect(callerFor(db, env, facilitator).submission.reveal({ id: memberSubmission.id, reason: 'because' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    await expect(callerFor(db, env, facilitator).submission.reveal({ id: memberSubmission.id, reason: '          ' })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
    expect(await count()).toBe(before)
  })

  it('is refused to every role but facilitators, to anonymous callers, and without CSRF', async () => {
    const input = { id: memberSubmission.id, reason: 'I would like to read the original please' }
    for (const user of [submitter, otherSubmitter, commission, admin]) {
      await expect(callerFor(db, env, user).submission.reveal(input)).rejects.toMatchObject({ code: 'FORBIDDEN' })
    }
    await expect(callerFor(db, env, null).submission.reveal(input)).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
    await expect(callerFor(db, env, facilitator, { csrf: false }).submission.reveal(input)).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'errors.csrf' })
  })

  it('cannot reveal a purged original, and says so', async () => {
    const created = await callerFor(db, env, submitter).submission.create({ text: 'Another testimony with nothing personal in it at all.', agencies: [], consentQuote: false, consentContact: false })
    await db.updateTable('submissions').set({ text_original_enc: null, original_purged_at: new Date() }).where('id', '=', created.id).execute()
    await expect(callerFor(db, env, facilitator).submission.reveal({ id: created.id, reason: 'Checking the redaction of this one' })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'errors.originalPurged',
    })
  })
})
