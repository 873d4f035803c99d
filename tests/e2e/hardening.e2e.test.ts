import { describe, expect, inject, it } from 'vitest'
import { DEMO_ACCOUNTS } from '../../server/services/seed'
import { HttpClient } from './support/http'

/** Issue 13, "Security findings to close", as a client outside the browser meets them. */

const baseURL = inject('baseURL')
const facilitator = DEMO_ACCOUNTS.find((a) => a.role === 'facilitator')!

describe('finding 1: no open redirect after sign-in', () => {
  it.each(['%2F%09%2Fevil.example', '%2F%0a%2Fx', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example'])('redirectTo=%s signs in and stays on this origin', async (redirectTo) => {
    const client = new HttpClient(baseURL)
    const csrf = await client.csrf()
    const response = await client.postForm(`/login?redirectTo=${redirectTo}`, { email: facilitator.email, password: facilitator.password, csrf })
    expect(response.status).toBe(302)
    const location = response.headers.get('location')!
    expect(new URL(location, baseURL).origin).toBe(new URL(baseURL).origin)
    expect(location).toBe('/workspace')
  })

  it('a same-origin redirectTo is still followed', async () => {
    const client = new HttpClient(baseURL)
    const csrf = await client.csrf()
    const response = await client.postForm(`/login?redirectTo=${encodeURIComponent('/workspace/moderation?status=pending')}`, { email: facilitator.email, password: facilitator.password, csrf })
    expect(response.headers.get('location')).toBe('/workspace/moderation?status=pending')
  })
})
