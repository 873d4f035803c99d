import i18next, { type i18n as I18n } from 'i18next'
import en from './en.json'
import es from './es.json'

/**
 * One key space, one JSON file per language. Adding a language (Korean, Chinese,
 * Tagalog, Armenian, Vietnamese, Farsi, Russian…) is a new file here plus its
 * code in server/lib/locale.ts; missing keys fall back to English.
 */
export const resources = { en: { translation: en }, es: { translation: es } } as const

export function createI18n(locale: string): I18n {
  const instance = i18next.createInstance()
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
  return instance
}
