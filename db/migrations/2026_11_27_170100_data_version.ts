import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here.
// A counter that moves whenever anything the workspace list counts changes
// (submissions, their tags, run and theme membership). The list caches its
// facet counts per filter and this version, in every app process, so paging
// through a selection does not recount 100,000 rows.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create sequence submissions_data_version`.execute(db)
  await sql`
    create function bump_submissions_data_version() returns trigger language plpgsql as $$
    begin
      perform nextval('submissions_data_version');
      return null;
    end
    $$
  `.execute(db)
  for (const table of ['submissions', 'submission_tags', 'run_members', 'theme_members']) {
    await sql`
      create trigger ${sql.raw(`${table}_data_version`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_submissions_data_version()
    `.execute(db)
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['submissions', 'submission_tags', 'run_members', 'theme_members']) {
    await sql`drop trigger ${sql.raw(`${table}_data_version`)} on ${sql.table(table)}`.execute(db)
  }
  await sql`drop function bump_submissions_data_version()`.execute(db)
  await sql`drop sequence submissions_data_version`.execute(db)
}
