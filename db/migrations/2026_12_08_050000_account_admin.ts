import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Account administration (issue 13): an admin can revoke a pending invitation
// (its link stops working at once), and the audit page filters by actor and period.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('revoked_at', 'timestamptz').execute()
  await db.schema.alterTable('invitations').addColumn('revoked_by', 'uuid', (c) => c.references('users.id').onDelete('set null')).execute()
  await sql`create index audit_log_actor_idx on audit_log (actor_user_id, at)`.execute(db)
  await sql`create index sessions_user_created_idx on sessions (user_id, created_at)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index sessions_user_created_idx`.execute(db)
  await sql`drop index audit_log_actor_idx`.execute(db)
  await db.schema.alterTable('invitations').dropColumn('revoked_by').execute()
  await db.schema.alterTable('invitations').dropColumn('revoked_at').execute()
}
