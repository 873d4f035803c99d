import { parse, serialize, type CookieSerializeOptions } from 'cookie'

export const SESSION_COOKIE = 'voces_session'
export const CSRF_COOKIE = 'voces_csrf'
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
