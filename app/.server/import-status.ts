import { sha256 } from '../../server/lib/crypto'
import { getEnv } from '../../server/env'
import { readCookie, sessionCookieName } from '../../server/lib/cookies'
import { runningImportStatus } from '../../server/services/import'

/**
 * The progress of a commit running in this process for the request's session,
 * read from memory before any database call, or null. The one place a route
 * answers without a tRPC procedure: a large commit's transaction holds
 * PGlite's only connection, and the procedure's session lookup would wait for
 * it, so the bar would stand still until the end (docs/decisions/040-csv-import.md).
 */
export function runningImportStatusFor(request: Request, id: string) {
  const token = readCookie(request.headers.get('cookie'), sessionCookieName(getEnv().secureCookies))
  return token ? runningImportStatus(id, sha256(token)) : null
}
