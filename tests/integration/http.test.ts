import superjson from 'superjson'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { handleTrpcRequest } from '../../server/http/trpc-endpoint'
import { csrfBinding, issueCsrfToken } from '../../server/lib/csrf'
import { createTestDb, testEnv } from '../support/db'
import { makeUser, TEST_PASSWORD } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
})
afterAll(() => close())

/** The endpoint as app/routes/api.trpc.$trpc.ts serves it, with this file's database. */
function handle(request: Request) {
  return handleTrpcRequest(request, { clientAddress: null, db, env })
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return handle(new Request(`http://localhost/api/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(superjson.serialize(body)) }))
}

describe('/api/trpc over HTTP', () => {
  it('refuses a mutation without the CSRF header, and accepts it with a matching cookie and header', async () => {
    const user = await makeUser(db, 'facilitator')
    const refused = await post('auth.login', { email: user.email, password: TEST_PASSWORD })
    expect(refused.status).toBe(403)

    const token = issueCsrfToken(env.sessionSecret)
    const wrong = await post('auth.login', { email: user.email, password: TEST_PASSWORD }, { cookie: `voces_csrf=${token}`, 'x-csrf-token': issueCsrfToken(env.sessionSecret) })
    expect(wrong.status).toBe(403)

    const ok = await post('auth.login', { email: user.email, password: TEST_PASSWORD }, { cookie: `voces_csrf=${token}`, 'x-csrf-token': token })
    expect(ok.status).toBe(200)
    expect(ok.headers.get('set-cookie')).toMatch(/voces_session=/)
  })

  it('refuses, inside a session, a CSRF token issued to a signed-out visitor (issue 13, finding 5)', async () => {
    const user = await makeUser(db, 'facilitator')
    const visitor = issueCsrfToken(env.sessionSecret)
    const signedIn = await post('auth.login', { email: user.email, password: TEST_PASSWORD }, { cookie: `voces_csrf=${visitor}`, 'x-csrf-token': visitor })
    const session = /voces_session=[^;]+/.exec(signedIn.headers.get('set-cookie') ?? '')![0]
    // The attacker's own token, planted beside the victim's session: refused.
    const planted = await post('auth.logoutEverywhere', undefined, { cookie: `${session}; voces_csrf=${visitor}`, 'x-csrf-token': visitor })
    expect(planted.status).toBe(403)
    // The token the pages give inside that session works.
    const bound = issueCsrfToken(env.sessionSecret, csrfBinding(session, false))
    const ok = await post('auth.logoutEverywhere', undefined, { cookie: `${session}; voces_csrf=${bound}`, 'x-csrf-token': bound })
    expect(ok.status).toBe(200)
  })

  it('gives an anonymous caller 401 on a protected query, without data', async () => {
    const res = await handle(new Request('http://localhost/api/trpc/submission.list?input=' + encodeURIComponent(JSON.stringify(superjson.serialize({})))))
    expect(res.status).toBe(401)
    const body = await res.json()
    expect(JSON.stringify(body)).not.toContain('text')
    expect(superjson.deserialize<{ message: string }>(body.error).message).toBe('errors.unauthorized')
  })

  it('answers bad input with 400 and field errors, never a stack trace', async () => {
    const token = issueCsrfToken(env.sessionSecret)
    const res = await post('auth.login', { email: 'not-an-email', password: '' }, { cookie: `voces_csrf=${token}`, 'x-csrf-token': token })
    expect(res.status).toBe(400)
    const error = superjson.deserialize<{ data: { fieldErrors: Record<string, string[]>; stack?: string } }>((await res.json()).error)
    expect(error.data.fieldErrors.email).toEqual(['errors.email'])
    expect(error.data.stack).toBeUndefined()
  })
})
