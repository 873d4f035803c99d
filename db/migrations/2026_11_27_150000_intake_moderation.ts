import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Intake links, moderation state on submissions, near-duplicate signatures, and
// shared rate-limit counters (issue 3; docs/decisions/050-intake-links-moderation.md).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('intake_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // sha-256 of the token in the link; the token itself is shown once and never stored.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('max_submissions', 'integer', (c) => c.check(sql`max_submissions is null or max_submissions > 0`))
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute()

  await db.schema
    .alterTable('submissions')
    .addColumn('intake_link_id', 'uuid', (c) => c.references('intake_links.id').onDelete('restrict'))
    .addColumn('merged_into_id', 'uuid', (c) => c.references('submissions.id').onDelete('set null'))
    .addColumn('hidden_reason', 'text', (c) => c.check(sql`hidden_reason in ('spam', 'abuse', 'off-topic', 'duplicate')`))
    // Set at intake when a near-duplicate is found; cleared by a moderation decision.
    .addColumn('duplicate_of_id', 'uuid', (c) => c.references('submissions.id').onDelete('set null'))
    .addColumn('duplicate_similarity', 'real')
    .addColumn('flagged_at', 'timestamptz')
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('moderated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('submissions_intake_link_idx').on('submissions').column('intake_link_id').execute()
  await db.schema.createIndex('submissions_flagged_idx').on('submissions').column('flagged_at').where(sql.ref('flagged_at'), 'is not', null).execute()

  // MinHash LSH band keys of the redacted text: submissions sharing a key are the only duplicate candidates.
  await db.schema
    .createTable('submission_signatures')
    .addColumn('submission_id', 'uuid', (c) => c.primaryKey().references('submissions.id').onDelete('cascade'))
    .addColumn('lsh_keys', sql`text[]`, (c) => c.notNull())
    .execute()
  await db.schema.createIndex('submission_signatures_keys_idx').on('submission_signatures').using('gin').column('lsh_keys').execute()

  // Fixed-window counters shared by every app process. Keys never hold a raw address (HMAC only).
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('rate_limits_pkey', ['key', 'window_start'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('rate_limits').execute()
  await db.schema.dropTable('submission_signatures').execute()
  await db.schema.dropIndex('submissions_flagged_idx').execute()
  await db.schema.dropIndex('submissions_intake_link_idx').execute()
  await db.schema
    .alterTable('submissions')
    .dropColumn('intake_link_id')
    .dropColumn('merged_into_id')
    .dropColumn('hidden_reason')
    .dropColumn('duplicate_of_id')
    .dropColumn('duplicate_similarity')
    .dropColumn('flagged_at')
    .dropColumn('moderated_at')
    .dropColumn('moderated_by')
    .execute()
  await db.schema.dropTable('intake_links').execute()
}
