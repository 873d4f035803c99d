import { randomBytes } from 'node:crypto'
import type { Db } from '../../db/client'
import type { Env } from '../../server/env'
import { createInnerContext } from '../../server/context'
import { createCaller } from '../../server/routers/_app'
import type { Role } from '../../server/schemas/reference'
import { hashPassword, type SessionUser } from '../../server/services/auth'

let counter = 0
const unique = () => `${++counter}-${randomBytes(3).toString('hex')}`

export async function makeOrganization(db: Db, name = `Org ${unique()}`) {
  return db
    .insertInto('organizations')
    .values({ slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), name })
    .returning(['id', 'name', 'slug'])
    .executeTakeFirstOrThrow()
}

export const TEST_PASSWORD = 'correct horse battery staple'
let passwordHash: Promise<string> | undefined

export async function makeUser(db: Db, role: Role, organizationId: string | null = null): Promise<SessionUser> {
  passwordHash ??= hashPassword(TEST_PASSWORD)
  const email = `${role}-${unique()}@example.test`
  const row = await db
    .insertInto('users')
    .values({ email, display_name: `${role} ${counter}`, password_hash: await passwordHash, role, organization_id: organizationId })
    .returningAll()
    .executeTakeFirstOrThrow()
  return { id: row.id, email, displayName: row.display_name, role, organizationId, organizationName: null, locale: null }
}

/** A caller as `user` (or anonymous), as if from our own page: CSRF verified unless told otherwise. */
export function callerFor(
  db: Db,
  env: Env,
  user: SessionUser | null,
  options: { csrf?: boolean; now?: Date; resHeaders?: Headers; clientAddress?: string; sessionId?: string } = {},
) {
  return createCaller(
    createInnerContext({
      db,
      env,
      user,
      csrfVerified: options.csrf ?? true,
      now: options.now ?? new Date(),
      resHeaders: options.resHeaders ?? new Headers(),
      clientAddress: options.clientAddress ?? null,
      sessionId: options.sessionId ?? null,
    }),
  )
}
