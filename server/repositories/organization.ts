import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

/** Organizations as the admin pages show them, each with its number of active members. */
function organizationsWithMembers(db: Handle) {
  return db.selectFrom('organizations as o').select((eb) => [
    'o.id',
    'o.slug',
    'o.name',
    'o.kind',
    'o.description',
    'o.deactivated_at as deactivatedAt',
    'o.created_at as createdAt',
    eb.selectFrom('users as u').select(sql<number>`count(*)::int`.as('n')).whereRef('u.organization_id', '=', 'o.id').where('u.disabled_at', 'is', null).as('members'),
  ])
}

/** Every organization with its number of active members, active ones first, by name. */
export function listOrganizationsWithMembers(db: Handle) {
  return organizationsWithMembers(db).orderBy(sql`o.deactivated_at is not null`).orderBy(sql`lower(o.name)`).execute()
}

export function findOrganization(db: Handle, id: string) {
  return organizationsWithMembers(db).where('o.id', '=', id).executeTakeFirst()
}

export async function organizationNameTaken(db: Handle, name: string, exceptId?: string): Promise<boolean> {
  let q = db.selectFrom('organizations').select('id').where(sql`lower(name)`, '=', name.toLowerCase())
  if (exceptId) q = q.where('id', '<>', exceptId)
  return Boolean(await q.executeTakeFirst())
}

export async function slugTaken(db: Handle, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst())
}

export function insertOrganization(db: Handle, row: { slug: string; name: string; kind: string; description: string }) {
  return db.insertInto('organizations').values(row).returning(['id', 'slug', 'name']).executeTakeFirstOrThrow()
}

export async function updateOrganization(db: Handle, id: string, values: { name?: string; kind?: string; description?: string; deactivated_at?: Date | null }) {
  await db.updateTable('organizations').set(values).where('id', '=', id).execute()
}

/** Ends every live session of the organization's members; returns how many. */
export async function revokeMemberSessions(db: Handle, organizationId: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('revoked_at', 'is', null)
    .where('user_id', 'in', db.selectFrom('users').select('id').where('organization_id', '=', organizationId))
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
