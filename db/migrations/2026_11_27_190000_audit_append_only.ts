import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// The audit log is append-only in the database itself: a trigger refuses any
// UPDATE, DELETE or TRUNCATE, whoever asks (the app, a script, a psql session
// with the app's role). Only a superuser who drops the trigger can rewrite
// history, and that is itself visible in the schema.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function audit_log_is_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
    end
    $$
  `.execute(db)
  await sql`
    create trigger audit_log_no_update_or_delete
    before update or delete on audit_log
    for each row execute function audit_log_is_append_only()
  `.execute(db)
  await sql`
    create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_is_append_only()
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db)
  await sql`drop trigger audit_log_no_update_or_delete on audit_log`.execute(db)
  await sql`drop function audit_log_is_append_only()`.execute(db)
}
