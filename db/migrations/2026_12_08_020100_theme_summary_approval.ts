import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Issue 12 §2: only words a facilitator wrote or approved are published about a
// theme. A theme's summary starts as a cluster's extractive draft (sentences
// copied from testimony); publishing refuses it until a facilitator writes or
// explicitly approves a summary.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('themes')
    .addColumn('summary_approved_at', 'timestamptz')
    .addColumn('summary_approved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  // Existing summaries count as approved only when a person changed them from
  // the draft they started from (a theme made from a cluster starts with its draft).
  await sql`
    update themes t set summary_approved_at = t.updated_at
    where t.summary <> ''
      and not exists (
        select 1 from theme_sources ts join run_clusters rc on rc.run_id = ts.run_id and rc.cluster = ts.cluster
        where ts.theme_id = t.id and ts.kind = 'cluster' and rc.summary = t.summary
      )
  `.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('themes').dropColumn('summary_approved_by').dropColumn('summary_approved_at').execute()
}
