import { parse, serialize, type CookieSerializeOptions } from 'cookie'

export const SESSION_COOKIE = 'voces_session'
export const CSRF_COOKIE = 'voces_csrf'

/**
 * Where cookies are Secure, the session and CSRF cookies carry the `__Host-`
 * prefix: browsers accept such a cookie only from this exact origin over a
 * secure connection, with Path=/ and no Domain, so a sibling subdomain or a
 * plain-http page cannot plant one (issue 13, finding 5). Only that name is read then.
 */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE
}

export function csrfCookieName(secure: boolean): string {
  return secure ? `__Host-${CSRF_COOKIE}` : CSRF_COOKIE
}
export const LOCALE_COOKIE = 'voces_lng'

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null
  return parse(header)[name] ?? null
}

export function cookieHeader(name: string, value: string, options: { secure: boolean; maxAgeSeconds?: number; httpOnly?: boolean }): string {
  const base: CookieSerializeOptions = {
    path: '/',
    httpOnly: options.httpOnly ?? true,
    sameSite: 'lax',
    secure: options.secure,
  }
  if (options.maxAgeSeconds !== undefined) base.maxAge = options.maxAgeSeconds
  return serialize(name, value, base)
}

export function clearCookieHeader(name: string, secure: boolean): string {
  return serialize(name, '', { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 0 })
}
