import { getEnv } from '../../server/env'
import { cookieHeader, CSRF_COOKIE, LOCALE_COOKIE, readCookie } from '../../server/lib/cookies'
import { isSignedCsrfToken, issueCsrfToken } from '../../server/lib/csrf'
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

/** The CSRF token for this browser, and a Set-Cookie when a new one had to be issued. */
export function ensureCsrf(request: Request): { token: string; setCookie: string | null } {
  const env = getEnv()
  const existing = readCookie(request.headers.get('cookie'), CSRF_COOKIE)
  if (existing && isSignedCsrfToken(existing, env.sessionSecret)) return { token: existing, setCookie: null }
  const token = issueCsrfToken(env.sessionSecret)
  return { token, setCookie: cookieHeader(CSRF_COOKIE, token, { secure: env.secureCookies }) }
}

/** Only same-site paths are followed after a form, never another origin. */
export function safeRedirectPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  return value
}
