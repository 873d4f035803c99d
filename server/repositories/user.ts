import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database, NewUser, User } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

export function findUserByEmail(db: Handle, email: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst()
}

export function findUserById(db: Handle, id: string): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
}

export function insertUser(db: Handle, user: NewUser): Promise<User> {
  return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow()
}

export async function setUserLocale(db: Handle, id: string, locale: string): Promise<void> {
  await db.updateTable('users').set({ locale }).where('id', '=', id).execute()
}

/** True when the user belongs to an organization that an admin deactivated. */
export async function organizationDeactivatedFor(db: Handle, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .innerJoin('organizations', 'organizations.id', 'users.organization_id')
    .select('organizations.deactivated_at')
    .where('users.id', '=', userId)
    .executeTakeFirst()
  return Boolean(row?.deactivated_at)
}
