import { getEnv } from '../../server/env'
import { resolveLocale } from './request'

/** The smallest count shown outside the workspace (VOCES_MIN_CELL), for page text. */
export function minCell(): number {
  return getEnv().VOCES_MIN_CELL
}

/** The language exports are written in: the reader's, English or Spanish. */
export function exportLocale(request: Request, userLocale: string | null | undefined): 'en' | 'es' {
  return resolveLocale(request, userLocale) === 'es' ? 'es' : 'en'
}

/** A published version number from a URL parameter, or undefined. */
export function versionParam(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{1,6}$/.test(value)) return undefined
  return Number(value)
}
