import { CSRF_COOKIE, readCookie } from './cookies'
import { hmac, randomToken, safeEqual } from './crypto'

/**
 * Double-submit CSRF tokens, signed so a cookie planted by another site cannot be
 * used: the cookie holds `random.signature`; forms echo it in a hidden `csrf`
 * field and tRPC clients in the `x-csrf-token` header. See docs/decisions/003.
 */
export function issueCsrfToken(secret: string): string {
  const random = randomToken(18)
  return `${random}.${hmac(random, secret)}`
}

export function isSignedCsrfToken(token: string, secret: string): boolean {
  const [random, signature, ...rest] = token.split('.')
  return Boolean(random && signature && rest.length === 0 && safeEqual(signature, hmac(random, secret)))
}

/** True when the request's CSRF cookie is ours and the echoed token matches it. */
export function verifyCsrf(cookieHeader: string | null, provided: unknown, secret: string): boolean {
  const cookie = readCookie(cookieHeader, CSRF_COOKIE)
  if (!cookie || typeof provided !== 'string') return false
  return isSignedCsrfToken(cookie, secret) && safeEqual(cookie, provided)
}
