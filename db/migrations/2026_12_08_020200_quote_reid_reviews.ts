import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Issue 12 §4: a quote flagged for re-identification (rare words, or a rare
// Area × month × setting) is published only once a facilitator has reviewed it
// for this report. The review is audited and named in the published version.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_quote_reviews')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('reviewed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reviewed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_quote_reviews_pkey', ['report_id', 'theme_id', 'submission_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_quote_reviews').execute()
}
