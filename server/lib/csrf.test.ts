import { describe, expect, it } from 'vitest'
import { issueCsrfToken, isSignedCsrfToken, verifyCsrf } from './csrf'

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
