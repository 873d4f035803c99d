import { describe, expect, it } from 'vitest'
import { csrfBinding, issueCsrfToken, isSignedCsrfToken, verifyCsrf } from './csrf'

const secret = 'x'.repeat(32)

describe('csrf', () => {
  it('accepts the matching signed token', () => {
    const token = issueCsrfToken(secret)
    expect(isSignedCsrfToken(token, secret)).toBe(true)
    expect(verifyCsrf(`voces_csrf=${token}`, token, secret)).toBe(true)
  })

  it('refuses a missing, different, or unsigned token', () => {
    const token = issueCsrfToken(secret)
    expect(verifyCsrf(null, token, secret)).toBe(false)
    expect(verifyCsrf(`voces_csrf=${token}`, undefined, secret)).toBe(false)
    expect(verifyCsrf(`voces_csrf=${token}`, issueCsrfToken(secret), secret)).toBe(false)
    const planted = 'abc.def'
    expect(verifyCsrf(`voces_csrf=${planted}`, planted, secret)).toBe(false)
    expect(isSignedCsrfToken(token, 'y'.repeat(32))).toBe(false)
  })
})

describe('csrf bound to the session (issue 13, finding 5)', () => {
  const victim = 'voces_session=victims-session-token'

  it('refuses, inside a session, a token issued to a signed-out visitor', () => {
    const anonymous = issueCsrfToken(secret) // what any visitor of /login gets
    expect(verifyCsrf(`voces_csrf=${anonymous}`, anonymous, secret)).toBe(true)
    expect(verifyCsrf(`${victim}; voces_csrf=${anonymous}`, anonymous, secret)).toBe(false)
  })

  it('accepts a token issued for the session, and only in that session', () => {
    const bound = issueCsrfToken(secret, csrfBinding(victim, false))
    expect(verifyCsrf(`${victim}; voces_csrf=${bound}`, bound, secret)).toBe(true)
    expect(verifyCsrf(`voces_session=attackers-session; voces_csrf=${bound}`, bound, secret)).toBe(false)
    expect(verifyCsrf(`voces_csrf=${bound}`, bound, secret)).toBe(false)
  })

  it('reads only the __Host- cookies where cookies are Secure', () => {
    const secureVictim = '__Host-voces_session=victims-session-token'
    const bound = issueCsrfToken(secret, csrfBinding(secureVictim, true))
    expect(verifyCsrf(`${secureVictim}; __Host-voces_csrf=${bound}`, bound, secret, true)).toBe(true)
    // A cookie without the prefix (which a subdomain could plant) is not read.
    expect(verifyCsrf(`${secureVictim}; voces_csrf=${bound}`, bound, secret, true)).toBe(false)
    expect(csrfBinding('voces_session=x', true)).toBe('')
  })
})
