import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// A CSV commit's progress, written to its upload's row so that a status poll that
// reaches another app process (several behind a proxy, no sticky sessions) can
// answer too. Null while no commit runs. See docs/decisions/090.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table imports add column progress jsonb`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table imports drop column progress`.execute(db)
}
