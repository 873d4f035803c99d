import type { Request, RequestHandler } from 'express'
import { refuse } from './refusal'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * The host the request names, as Remix will compare it with the Origin: the
 * proxy's X-Forwarded-Host when the proxy is trusted (VOCES_TRUST_PROXY), the
 * Host header otherwise, in which case an X-Forwarded-Host is dropped (Remix
 * would otherwise prefer it, and a client could choose it).
 */
export function requestHost(req: Request): string | undefined {
  const forwarded = req.get('x-forwarded-host')
  if (forwarded) {
    const trust = req.app.get('trust proxy fn') as ((address: string | undefined, hop: number) => boolean) | undefined
    if (trust?.(req.socket.remoteAddress, 0)) return forwarded.split(',')[0]!.trim()
    delete req.headers['x-forwarded-host']
  }
  return req.get('host')
}

/** The host name of a Host header, without its port: "Voces.Example.org:443" → "voces.example.org", "[::1]:3000" → "[::1]". */
export function hostName(host: string | undefined): string | null {
  if (!host) return null
  const match = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host.trim().toLowerCase())
  return match ? match[1]! : null
}

/**
 * Only the host names this deployment is meant to answer for (VOCES_ALLOWED_HOSTS)
 * reach the app: any other Host, as a DNS-rebinding page would send, gets 421
 * (issue 13, finding 6). Without it, `Host: evil.example` with
 * `Origin: http://evil.example` passed the same-origin check. /healthz stays
 * open to monitors that use the address.
 */
export function allowedHostGuard(allowed: readonly string[]): RequestHandler {
  const names = new Set(allowed.map((h) => h.toLowerCase()))
  return (req, res, next) => {
    if (req.path === '/healthz') return next()
    const name = hostName(requestHost(req))
    if (name && names.has(name)) return next()
    refuse(req, res, 421, 'errors.misdirectedHost', { close: true })
  }
}

/** A browser said so (Sec-Fetch-Site), or the Origin names another host. */
export function isCrossSite(fetchSite: string | undefined, origin: string | undefined, host: string | undefined): boolean {
  if (fetchSite === 'cross-site') return true
  if (!origin || origin === 'null') return false
  try {
    return new URL(origin).host !== host
  } catch {
    return true
  }
}

/** application/x-www-form-urlencoded, or multipart/form-data with its boundary: what our forms send. */
export function isFormContentType(header: string | undefined): boolean {
  if (!header) return false
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase())
  if (type === 'application/x-www-form-urlencoded') return true
  return type === 'multipart/form-data' && params.some((p) => /^boundary=.+/.test(p))
}

/**
 * Every mutation, before Remix or tRPC sees it (issue 13, finding 2):
 * - from another site (Sec-Fetch-Site, or an Origin naming another host) → 403;
 * - `Origin: null` (sent on plain form posts under `Referrer-Policy: no-referrer`)
 *   is taken as our own origin only when the browser itself says same-origin
 *   (Sec-Fetch-Site, which scripts cannot forge); otherwise → 403;
 * - to a page (anything but /api/), a body that is not a form → 415.
 * Each answer is a short page in the reader's language (refusal.ts), never
 * Remix's 500. A form that is a form but is damaged (truncated multipart) is
 * answered 400 by app/.server/form.ts. Every mutation still needs its CSRF token.
 */
export function requestGuard(): RequestHandler {
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const host = requestHost(req)
    const origin = req.get('origin')
    const fetchSite = req.get('sec-fetch-site')
    if (isCrossSite(fetchSite, origin, host)) return refuse(req, res, 403, 'errors.crossSite', { close: true })
    if (origin === 'null') {
      if (fetchSite !== 'same-origin') return refuse(req, res, 403, 'errors.crossSite', { close: true })
      req.headers.origin = `${req.protocol}://${host}`
    }
    if (!req.path.startsWith('/api/') && !isFormContentType(req.get('content-type'))) return refuse(req, res, 415, 'errors.unsupportedForm', { close: true })
    next()
  }
}
