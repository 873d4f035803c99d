import type { Db } from '../db/client'
import type { Env } from './env'
import { getDb } from './db'
import { getEnv } from './env'
import { resolveSession, sessionPolicyOf, type SessionUser } from './services/auth'
import { readCookie, sessionCookieName } from './lib/cookies'
import { normalizeLocale, type Locale } from './lib/locale'

export type InnerContext = {
  db: Db
  env: Env
  now: Date
  user: SessionUser | null
  /** sha-256 id of the current session, when signed in. */
  sessionId: string | null
  /** True when the request proved it came from our own pages (CSRF token checked). */
  csrfVerified: boolean
  locale: Locale
  /** Set-Cookie and other headers that procedures add to the response. */
  resHeaders: Headers
  /** The client's network address, when the server passed it (used only as an HMAC for rate limits). */
  clientAddress: string | null
}

export type Context = InnerContext

/** A context from explicit parts: used by tests and scripts. */
export function createInnerContext(parts: Partial<InnerContext> & { db: Db; env: Env }): InnerContext {
  return {
    now: new Date(),
    user: null,
    sessionId: null,
    csrfVerified: false,
    locale: 'en',
    resHeaders: new Headers(),
    clientAddress: null,
    ...parts,
  }
}

/** A context for one HTTP request: the session cookie decides the user. */
export async function createContext(opts: {
  request: Request
  resHeaders?: Headers
  csrfVerified: boolean
  db?: Db
  env?: Env
  clientAddress?: string | null
}): Promise<Context> {
  const db = opts.db ?? getDb()
  const env = opts.env ?? getEnv()
  const now = new Date()
  const token = readCookie(opts.request.headers.get('cookie'), sessionCookieName(env.secureCookies))
  const session = token ? await resolveSession(db, token, now, sessionPolicyOf(env)) : null
  return createInnerContext({
    db,
    env,
    now,
    user: session?.user ?? null,
    sessionId: session?.id ?? null,
    csrfVerified: opts.csrfVerified,
    locale: normalizeLocale(session?.user.locale),
    resHeaders: opts.resHeaders ?? new Headers(),
    clientAddress: opts.clientAddress ?? null,
  })
}
