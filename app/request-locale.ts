import { createContext, useContext } from 'react'
import type { Locale } from '../server/lib/locale'
import { resources } from './i18n/i18n'

/**
 * The reader's language when the root loader did not run: an action that
 * refuses its request (a damaged form, issue 13 finding 2) is answered by the
 * root error boundary without the root loader's data. On the server it comes
 * from the request (app/entry.server.tsx: cookie, then Accept-Language); in the
 * browser from the page's own `<html lang>`, so hydration agrees. (Checked
 * against the bundled translations, not server/lib/locale.ts, which would bring
 * its Accept-Language parser into the browser bundle.)
 */
export const RequestLocaleContext = createContext<Locale | null>(null)

export function useFallbackLocale(): Locale {
  const fromServer = useContext(RequestLocaleContext)
  if (fromServer) return fromServer
  const fromPage = typeof document === 'undefined' ? null : document.documentElement.lang
  return fromPage && fromPage in resources ? (fromPage as Locale) : 'en'
}
