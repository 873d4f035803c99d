import { randomBytes } from 'node:crypto'
import type { RequestHandler } from 'express'

/**
 * The Content-Security-Policy of every response. Scripts run only from our own
 * origin or with this response's nonce (Remix's inline scripts carry it; see
 * app/entry.server.tsx); no 'unsafe-inline' for scripts. Inline style
 * attributes are allowed (React's `style={…}`); they cannot run code.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ')
}

/**
 * Security headers for every response, and a per-request CSP nonce in
 * `res.locals.cspNonce`. `csp: false` only for the Vite dev server, whose
 * client injects inline scripts without a nonce. `hsts` in production behind TLS.
 */
export function securityHeaders(options: { csp: boolean; hsts: boolean }): RequestHandler {
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString('base64')
    res.locals.cspNonce = nonce
    if (options.csp) res.setHeader('Content-Security-Policy', contentSecurityPolicy(nonce))
    res.setHeader('Referrer-Policy', 'no-referrer')
    res.setHeader('X-Content-Type-Options', 'nosniff')
    res.setHeader('X-Frame-Options', 'DENY')
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()')
    if (options.hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains')
    next()
  }
}
