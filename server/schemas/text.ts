import { z } from 'zod'
import './messages'

/**
 * Text PostgreSQL can store as sent. NUL is refused in every text column; half
 * of a surrogate pair (what a cut emoji leaves) is silently replaced in a text
 * column and refused in jsonb (the audit log's details), because JSON escapes
 * it as "\ud83d". Both come only from broken or hostile clients. Free-text
 * fields refuse them beside the field; every procedure's input is also checked
 * as a whole (server/trpc.ts), so no field can forget.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text)
}

/** A string that refuses what the database cannot store, with the form's own message for it. */
export function storableString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, 'errors.unstorableText')
}
