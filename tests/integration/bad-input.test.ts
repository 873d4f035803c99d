import { TRPCError } from '@trpc/server'
import superjson from 'superjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { handleTrpcRequest } from '../../server/http/trpc-endpoint'
import { issueCsrfToken } from '../../server/lib/csrf'
import { SubmissionIdSchema, SubmissionInputSchema } from '../../server/schemas/submission'
import type { SessionUser } from '../../server/services/auth'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeOrganization, makeUser } from '../support/factories'

/** Regressions found by tests/integration/fuzz-procedures.test.ts (issue 7), as plain examples. */

const env = testEnv()
let db: Db
let close: () => Promise<void>
let submitter: SessionUser
let facilitator: SessionUser
let admin: SessionUser
let submissionId: string

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  const org = await makeOrganization(db)
  submitter = await makeUser(db, 'submitter', org.id)
  facilitator = await makeUser(db, 'facilitator')
  admin = await makeUser(db, 'admin')
  await callerFor(db, env, submitter).submission.create({ text: 'Agents at the park.' })
  submissionId = (await db.selectFrom('submissions').select('id').executeTakeFirstOrThrow()).id
})
afterAll(() => close())

async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(TRPCError)
  return { code: (error as TRPCError).code, message: (error as TRPCError).message }
}

describe('text the database cannot store', () => {
  // Before: PostgreSQL refused it ("invalid byte sequence for encoding UTF8: 0x00", or, in the
  // audit log's jsonb, "unsupported Unicode escape sequence") and the caller got a 500.
  it('NUL in any text field is a 400 with a clear message, not a 500', async () => {
    const expected = { code: 'BAD_REQUEST', message: 'errors.unstorableText' }
    expect(await refusal(callerFor(db, env, submitter).submission.create({ text: 'ok', cityResponse: 'a\u0000b' }))).toEqual(expected)
    expect(await refusal(callerFor(db, env, facilitator).submission.list({ q: 'park\u0000' }))).toEqual(expected)
    expect(await refusal(callerFor(db, env, facilitator).intakeLink.create({ name: 'Session\u0000' }))).toEqual(expected)
    expect(await refusal(callerFor(db, env, admin).audit.list({ action: '\u0000' }))).toEqual(expected)
    expect(await refusal(callerFor(db, env, submitter).import.upload({ fileName: 'a\u0000.csv', content: new TextEncoder().encode('text\nhello\n') }))).toEqual(expected)
  })

  it('half of a surrogate pair (a cut emoji) is refused too: it broke the audit log’s jsonb', async () => {
    expect(await refusal(callerFor(db, env, facilitator).submission.reveal({ id: submissionId, reason: 'checking a name \ud83d for the report' }))).toEqual({ code: 'BAD_REQUEST', message: 'errors.unstorableText' })
    expect(await refusal(callerFor(db, env, facilitator).intakeLink.create({ name: 'Session \ude22' }))).toEqual({ code: 'BAD_REQUEST', message: 'errors.unstorableText' })
    // Whole pairs are text like any other.
    await expect(callerFor(db, env, facilitator).intakeLink.create({ name: 'Sesión 😢 \u202e\u200b' })).resolves.toMatchObject({ token: expect.any(String) })
  })

  it('the forms’ own schemas say so beside the field (conform, in the browser too)', () => {
    const issues = SubmissionInputSchema.safeParse({ text: 'Agents \u0000 came', guidanceWanted: 'x\ud800' }).error?.issues
    expect(issues?.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['text', 'errors.unstorableText'],
      ['guidanceWanted', 'errors.unstorableText'],
    ])
  })

  it('who may call is still decided first', async () => {
    expect(await refusal(callerFor(db, env, null).submission.list({ q: '\u0000' }))).toEqual({ code: 'UNAUTHORIZED', message: 'errors.unauthorized' })
    expect(await refusal(callerFor(db, env, submitter).audit.list({ action: '\u0000' }))).toEqual({ code: 'FORBIDDEN', message: 'errors.forbidden' })
  })
})

describe('validation messages', () => {
  // Before: the message was zod's issue list as JSON, in English ("Invalid UUID" …).
  it('are translation keys: the schema’s own, or the closest general one', async () => {
    expect(await refusal(callerFor(db, env, facilitator).moderation.accept({ id: 'not-a-uuid' }))).toEqual({ code: 'BAD_REQUEST', message: 'errors.invalid' })
    expect(await refusal(callerFor(db, env, facilitator).submission.byId({} as never))).toEqual({ code: 'BAD_REQUEST', message: 'errors.required' })
    expect(await refusal(callerFor(db, env, null).intakeLink.byToken({ token: 'short' }))).toEqual({ code: 'BAD_REQUEST', message: 'errors.tooShort' })
    expect(await refusal(callerFor(db, env, admin).audit.list({ limit: 10_000 }))).toEqual({ code: 'BAD_REQUEST', message: 'errors.invalid' })
    expect(await refusal(callerFor(db, env, facilitator).submission.list({ status: 'nope' } as never))).toEqual({ code: 'BAD_REQUEST', message: 'errors.choose' })
    expect(await refusal(callerFor(db, env, submitter).submission.create({ text: 'x'.repeat(10_001) }))).toEqual({ code: 'BAD_REQUEST', message: 'errors.tooLong' })
    // The same keys where forms validate with the schemas themselves (conform, in the browser too).
    expect(SubmissionIdSchema.safeParse({ id: 42 }).error?.issues[0]?.message).toBe('errors.invalid')
  })

  it('over HTTP, every message and field error is a key, and tRPC’s own English is replaced', async () => {
    const token = issueCsrfToken(env.sessionSecret)
    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      handleTrpcRequest(new Request(`http://localhost/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: `voces_csrf=${token}`, 'x-csrf-token': token, ...headers }, body }), { clientAddress: null, db, env })
    const errorOf = async (res: Response) => superjson.deserialize<{ message: string; data: { fieldErrors?: Record<string, string[]> } }>((await res.json()).error)

    const invalid = await post('invitation.accept', JSON.stringify(superjson.serialize({ token: 1, displayName: '', password: 'short', confirmPassword: 'other' })))
    expect(invalid.status).toBe(400)
    expect(await errorOf(invalid)).toMatchObject({ message: 'errors.invalid', data: { fieldErrors: { token: ['errors.invalid'], displayName: ['errors.required'], password: ['errors.passwordTooShort'] } } })

    const notJson = await post('auth.login', '{"json":')
    expect(notJson.status).toBe(400)
    expect((await errorOf(notJson)).message).toBe('errors.badRequest') // was "Unexpected end of JSON input"
    const unknown = await handleTrpcRequest(new Request('http://localhost/api/trpc/nothing.here'), { clientAddress: null, db, env })
    expect(unknown.status).toBe(404)
    expect((await errorOf(unknown)).message).toBe('errors.notFound') // was 'No procedure found on path "nothing.here"'
  })
})
