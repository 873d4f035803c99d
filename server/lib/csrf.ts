import { createHash } from 'node:crypto'
import { csrfCookieName, readCookie, sessionCookieName } from './cookies'
import { hmac, randomToken, safeEqual } from './crypto'

/**
 * Double-submit CSRF tokens, signed so a cookie planted by another site cannot be
 * used: the cookie holds `random.signature`; forms echo it in a hidden `csrf`
 * field and tRPC clients in the `x-csrf-token` header. See docs/decisions/003.
 *
 * The signature covers the session the token was issued in (a hash of the
 * session cookie; empty when signed out), so a token a signed-out visitor got
 * does not work inside anyone's session (issue 13, finding 5): after sign-in
 * the pages get a new token bound to the new session (app/.server/request.ts).
 * Where cookies are Secure they carry the `__Host-` prefix (server/lib/cookies.ts),
 * which no subdomain or plain-http page can set.
 */
export function issueCsrfToken(secret: string, binding = ''): string {
  const random = randomToken(18)
  return `${random}.${sign(random, binding, secret)}`
}

export function isSignedCsrfToken(token: string, secret: string, binding = ''): boolean {
  const [random, signature, ...rest] = token.split('.')
  return Boolean(random && signature && rest.length === 0 && safeEqual(signature, sign(random, binding, secret)))
}

/** What a token is bound to for this request: a hash of its session cookie, or '' without one. */
export function csrfBinding(cookieHeader: string | null, secure: boolean): string {
  const session = readCookie(cookieHeader, sessionCookieName(secure))
  return session ? createHash('sha256').update(session).digest('base64url') : ''
}

/** True when the request's CSRF cookie is ours, issued for its session, and the echoed token matches it. */
export function verifyCsrf(cookieHeader: string | null, provided: unknown, secret: string, secure = false): boolean {
  const cookie = readCookie(cookieHeader, csrfCookieName(secure))
  if (!cookie || typeof provided !== 'string') return false
  return isSignedCsrfToken(cookie, secret, csrfBinding(cookieHeader, secure)) && safeEqual(cookie, provided)
}

function sign(random: string, binding: string, secret: string): string {
  return binding ? hmac(`${random}|${binding}`, secret) : hmac(random, secret)
}
