import { getEnv } from '../../server/env'
import { cookieHeader, csrfCookieName, LOCALE_COOKIE, readCookie } from '../../server/lib/cookies'
import { csrfBinding, isSignedCsrfToken, issueCsrfToken } from '../../server/lib/csrf'
import { isLocale, localeFromAcceptLanguage, type Locale } from '../../server/lib/locale'

/** The user's choice (cookie), then their profile, then Accept-Language, then English. */
export function resolveLocale(request: Request, userLocale: string | null | undefined): Locale {
  const chosen = readCookie(request.headers.get('cookie'), LOCALE_COOKIE)
  if (isLocale(chosen)) return chosen
  if (isLocale(userLocale)) return userLocale
  return localeFromAcceptLanguage(request.headers.get('accept-language')) ?? 'en'
}

export function localeCookie(locale: Locale): string {
  return cookieHeader(LOCALE_COOKIE, locale, { secure: getEnv().secureCookies, maxAgeSeconds: 365 * 86_400 })
}

/**
 * The CSRF token for this browser in its current session, and a Set-Cookie when
 * a new one had to be issued (the first visit, and after signing in or out:
 * tokens are bound to the session, server/lib/csrf.ts).
 */
export function ensureCsrf(request: Request): { token: string; setCookie: string | null } {
  const env = getEnv()
  const cookies = request.headers.get('cookie')
  const binding = csrfBinding(cookies, env.secureCookies)
  const existing = readCookie(cookies, csrfCookieName(env.secureCookies))
  if (existing && isSignedCsrfToken(existing, env.sessionSecret, binding)) return { token: existing, setCookie: null }
  const token = issueCsrfToken(env.sessionSecret, binding)
  return { token, setCookie: cookieHeader(csrfCookieName(env.secureCookies), token, { secure: env.secureCookies }) }
}

const REDIRECT_BASE = 'http://voces.invalid'

/**
 * Only a path on our own origin is followed after a form (issue 13, finding 1).
 * The value is parsed the way a browser resolves a Location (`new URL`) and
 * refused when it lands on another origin; control characters (which browsers
 * drop, so `/\t/evil.example` reads as `//evil.example`, and which cannot be
 * put in a header) and backslashes (read as slashes) are refused outright.
 * The answer is the normalized path, percent-encoded, so it is always a valid header.
 */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || /[\u0000-\u001f\u007f-\u009f\\]/.test(value)) return fallback
  let url: URL
  try {
    url = new URL(value, REDIRECT_BASE)
  } catch {
    return fallback
  }
  if (url.origin !== REDIRECT_BASE) return fallback
  const path = url.pathname + url.search + url.hash
  return path.startsWith('//') ? fallback : path
}
