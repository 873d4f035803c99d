import type { Request, Response } from 'express'
import { createI18n } from '../../app/i18n/i18n'
import { LOCALE_COOKIE, readCookie } from '../lib/cookies'
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from '../lib/locale'

/** The reader's language before Remix runs: their choice (cookie), then Accept-Language, then English. */
export function requestLocale(req: Request): Locale {
  const chosen = readCookie(req.get('cookie'), LOCALE_COOKIE)
  if (isLocale(chosen)) return chosen
  return localeFromAcceptLanguage(req.get('accept-language') ?? null) ?? DEFAULT_LOCALE
}

/**
 * A short page in the reader's language for a request refused before Remix
 * (size, form type, origin, host). Self-contained (no script, no stylesheet),
 * so it passes axe and the CSP on its own. The connection is closed when the
 * body was not read.
 */
export function refuse(req: Request, res: Response, status: number, key: string, options: { close?: boolean } = {}) {
  if (options.close) res.set('Connection', 'close')
  res.status(status).type('html').send(refusalHtml(requestLocale(req), status, key))
}

/** The page itself, also answered by the resource routes (app/.server/form.ts). */
export function refusalHtml(locale: Locale, status: number, key: string): string {
  const { t } = createI18n(locale)
  const title = escapeHtml(t('errors.title', { status }))
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
    `<body><main><h1>${title}</h1><p>${escapeHtml(t(key))}</p><p><a href="/">Voces</a></p></main></body></html>`
  )
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
