import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// A theme's page shows its own history from the audit log (facilitators cannot read the
// whole log): entries by target, newest first, without scanning the log.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index audit_log_target_idx on audit_log (target_type, target_id, at)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index audit_log_target_idx`.execute(db)
}
