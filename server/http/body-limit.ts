import type { RequestHandler } from 'express'
import { refuse } from './refusal'
import { IMPORT_MAX_BYTES } from '../schemas/import'

/**
 * Request bodies are refused above a size before anything reads them
 * (server/main.ts). Pages post small forms: a testimony of 10,000 characters,
 * percent-encoded, is about 100 KB, so a megabyte is ample; the CSV upload
 * takes a file of up to IMPORT_MAX_BYTES (its own page says so, in the user's
 * language, for files up to this limit). /api/trpc has its own, equal limit
 * (server/http/trpc-endpoint.ts). A route that takes larger bodies needs a
 * line in BODY_LIMITS.
 */
export const DEFAULT_BODY_LIMIT = 1024 * 1024
export const BODY_LIMITS: { path: string; bytes: number; message: string }[] = [
  // A file somewhat over the limit still reaches the import page, which explains the limit beside the field.
  { path: '/import', bytes: 2 * IMPORT_MAX_BYTES, message: 'errors.importTooLarge' },
]

/**
 * With JavaScript on, Remix posts a form to the same path with ".data" added (single fetch:
 * /import → /import.data), so a route's limit covers both; before issue 14 the JavaScript path got
 * the default megabyte and a 1.3 MB CSV ended in "Something went wrong (500)".
 */
export function bodyLimitFor(path: string): { bytes: number; message: string } {
  const route = path.endsWith('.data') ? path.slice(0, -'.data'.length) : path
  return BODY_LIMITS.find((l) => l.path === route) ?? { bytes: DEFAULT_BODY_LIMIT, message: 'errors.requestTooLarge' }
}

/**
 * 413 when Content-Length is over the path's limit; 411 for a body sent
 * without a length (chunked), which no page of ours sends and which could
 * otherwise stream without end. The answer is a short page in the user's
 * language (server/http/refusal.ts).
 */
export function requestBodyLimit(): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next()
    const declared = req.get('content-length')
    const limit = bodyLimitFor(req.path)
    if (declared === undefined) {
      if (req.get('transfer-encoding') === undefined) return next() // no body at all
      return refuse(req, res, 411, 'errors.badRequest', { close: true })
    }
    if (Number(declared) > limit.bytes) return refuse(req, res, 413, limit.message, { close: true })
    next()
  }
}
