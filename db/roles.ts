import { sql } from 'kysely'
import { createDb, type Db } from './client'
import { migrateToLatest } from './migrator'

/**
 * Two PostgreSQL roles (issue 13, finding 4; docs/threat-model.md, docs/decisions/003):
 * migrations run as the owner of the schema (VOCES_MIGRATION_DATABASE_URL), the
 * app as a role that owns nothing (DATABASE_URL). The app can then neither
 * `ALTER TABLE audit_log DISABLE TRIGGER` nor drop or create anything, and on
 * the audit log it has only SELECT and INSERT. Run after every migration, so
 * new tables get the same grants.
 */
export async function grantAppRole(owner: Db, appRole: string): Promise<void> {
  const role = sql.id(appRole)
  await sql`grant usage on schema public to ${role}`.execute(owner)
  // Data only: no TRUNCATE, REFERENCES or TRIGGER, and no CREATE on the schema.
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(owner)
  await sql`revoke truncate, references, trigger on all tables in schema public from ${role}`.execute(owner)
  await sql`revoke update, delete on audit_log from ${role}`.execute(owner)
  // The migration bookkeeping is the owner's alone.
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${role}`.execute(owner)
  await sql`grant select on kysely_migration, kysely_migration_lock to ${role}`.execute(owner)
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(owner)
  await sql`revoke create on schema public from ${role}`.execute(owner)
}

/** The role a postgres:// URL signs in as. */
export function roleOf(databaseUrl: string): string {
  const user = decodeURIComponent(new URL(databaseUrl).username)
  if (!user) throw new Error('The database URL names no user: the app role must be given (postgres://voces_app:…@host/db)')
  return user
}

/**
 * Migrates with the owner's URL and grants the app's role what it needs; the
 * owner's connection is closed afterwards. Returns the migrations applied.
 */
export async function migrateAsOwner(migrationUrl: string, appUrl: string): Promise<string[]> {
  const owner = createDb({ databaseUrl: migrationUrl, dataDir: '' })
  try {
    const applied = await migrateToLatest(owner)
    const appRole = roleOf(appUrl)
    if (appRole !== roleOf(migrationUrl)) await grantAppRole(owner, appRole)
    return applied
  } finally {
    await owner.destroy()
  }
}

/** Tables the connected role owns: none when the app runs with the two-role set-up. */
export async function tablesOwnedByCurrentRole(db: Db): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public' and tableowner = current_user`.execute(db)
  return row.rows[0]?.n ?? 0
}
