import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// The facilitator workspace (issue 5): codebook edits, tag suggestions, double
// coding for inter-coder agreement, a background job queue, clustering runs and
// themes. See docs/decisions/060-workspace-data-model.md.

export async function up(db: Kysely<any>): Promise<void> {
  // Codebook: merging a tag retires it and points at the tag that absorbed its taggings.
  await db.schema
    .alterTable('tags')
    .addColumn('merged_into_id', 'uuid', (c) => c.references('tags.id').onDelete('set null'))
    .execute()
  // One whole-submission tagging per tag; spans may repeat the tag at other offsets.
  await sql`create unique index submission_tags_whole_unique on submission_tags (submission_id, tag_id) where span_start is null`.execute(db)
  await sql`create unique index submission_tags_span_unique on submission_tags (submission_id, tag_id, span_start, span_end) where span_start is not null`.execute(db)

  // Job queue shared by every app process: a worker claims a queued job with
  // FOR UPDATE SKIP LOCKED and holds a lease it renews; a lapsed lease means the
  // process died, and the job is retried (attempts < max_attempts) or failed.
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('queued').check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('phase', 'text')
    .addColumn('progress', 'real', (c) => c.notNull().defaultTo(0))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(2))
    .addColumn('locked_by', 'text')
    .addColumn('lease_until', 'timestamptz')
    .addColumn('cancel_requested_at', 'timestamptz')
    .addColumn('error', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute()
  await sql`create index jobs_claim_idx on jobs (created_at) where status in ('queued', 'running')`.execute(db)

  // A trained suggestion model (nearest-centroid / logistic regression over the
  // engine's features). `model` is the serialised model; `metrics` holds the
  // cross-validated precision per tag shown on the codebook page.
  await db.schema
    .createTable('tag_models')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_id', 'uuid', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('taggings_count', 'integer', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('model', 'jsonb', (c) => c.notNull())
    .addColumn('metrics', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()

  await db.schema
    .createTable('tag_suggestions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('tag_id', 'uuid', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addColumn('model_id', 'uuid', (c) => c.references('tag_models.id').onDelete('set null'))
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'rejected')`),
    )
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create unique index tag_suggestions_pending_unique on tag_suggestions (submission_id, tag_id) where status = 'pending'`.execute(db)
  await db.schema.createIndex('tag_suggestions_submission_idx').on('tag_suggestions').column('submission_id').execute()

  // Double coding: a random sample assigned to two facilitators, each blind to the other.
  await db.schema
    .createTable('coding_samples')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('coder_a', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('coder_b', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('filter', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('coding_samples_two_coders', sql`coder_a <> coder_b`)
    .execute()
  await db.schema
    .createTable('coding_sample_items')
    .addColumn('sample_id', 'uuid', (c) => c.notNull().references('coding_samples.id').onDelete('cascade'))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('coding_sample_items_pkey', ['sample_id', 'submission_id'])
    .execute()
  // One row per coder per item once that coder has coded it (an empty tag list is a decision too).
  await db.schema
    .createTable('coding_sample_codings')
    .addColumn('sample_id', 'uuid', (c) => c.notNull())
    .addColumn('submission_id', 'uuid', (c) => c.notNull())
    .addColumn('coder_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('tag_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('coded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('coding_sample_codings_pkey', ['sample_id', 'submission_id', 'coder_id'])
    .addForeignKeyConstraint('coding_sample_codings_item_fk', ['sample_id', 'submission_id'], 'coding_sample_items', ['sample_id', 'submission_id'], (c) => c.onDelete('cascade'))
    .execute()

  // Clustering runs: parameters (filter, k, seed, engine version) so a result can be reproduced.
  await db.schema
    .createTable('clustering_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('job_id', 'uuid', (c) => c.notNull().unique().references('jobs.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('filter', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('k_requested', 'integer')
    .addColumn('k', 'integer')
    .addColumn('seed', 'integer', (c) => c.notNull())
    .addColumn('parent_run_id', 'uuid', (c) => c.references('clustering_runs.id').onDelete('set null'))
    .addColumn('parent_cluster', 'integer')
    .addColumn('document_count', 'integer')
    .addColumn('engine', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // cluster = -1 is the unclustered bucket.
  await db.schema
    .createTable('run_clusters')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('clustering_runs.id').onDelete('cascade'))
    .addColumn('cluster', 'integer', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('key_terms', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('language_mix', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('representative_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('run_clusters_pkey', ['run_id', 'cluster'])
    .execute()
  await db.schema
    .createTable('run_members')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('clustering_runs.id').onDelete('cascade'))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('cluster', 'integer', (c) => c.notNull())
    .addColumn('similarity', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('run_members_pkey', ['run_id', 'submission_id'])
    .execute()
  await db.schema.createIndex('run_members_cluster_idx').on('run_members').columns(['run_id', 'cluster', 'similarity']).execute()
  await db.schema.createIndex('run_members_submission_idx').on('run_members').column('submission_id').execute()

  // Themes: named groups shaped from clusters and tags.
  await db.schema
    .createTable('themes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'merged', 'archived')`))
    .addColumn('merged_into_id', 'uuid', (c) => c.references('themes.id').onDelete('set null'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // Where a theme came from: a run's cluster, a tag, or another theme merged into it.
  await db.schema
    .createTable('theme_sources')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('cluster', 'tag', 'theme', 'manual')`))
    .addColumn('run_id', 'uuid', (c) => c.references('clustering_runs.id').onDelete('set null'))
    .addColumn('cluster', 'integer')
    .addColumn('tag_id', 'uuid', (c) => c.references('tags.id').onDelete('set null'))
    .addColumn('source_theme_id', 'uuid', (c) => c.references('themes.id').onDelete('set null'))
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('theme_sources_theme_idx').on('theme_sources').column('theme_id').execute()
  await db.schema
    .createTable('theme_members')
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('source_id', 'uuid', (c) => c.references('theme_sources.id').onDelete('set null'))
    .addColumn('added_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('theme_members_pkey', ['theme_id', 'submission_id'])
    .execute()
  await db.schema.createIndex('theme_members_submission_idx').on('theme_members').column('submission_id').execute()
  // Representative quotes: the submission's redacted text in its original language,
  // with a translation beside it (machine, from the stored translation, or corrected by a person).
  await db.schema
    .createTable('theme_quotes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('translation', 'text')
    .addColumn('translation_lang', 'text')
    .addColumn('translation_kind', 'text', (c) => c.check(sql`translation_kind in ('machine', 'human')`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('theme_quotes_unique', ['theme_id', 'submission_id'])
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'theme_quotes',
    'theme_members',
    'theme_sources',
    'themes',
    'run_members',
    'run_clusters',
    'clustering_runs',
    'coding_sample_codings',
    'coding_sample_items',
    'coding_samples',
    'tag_suggestions',
    'tag_models',
    'jobs',
  ]) {
    await db.schema.dropTable(table).execute()
  }
  await sql`drop index submission_tags_span_unique`.execute(db)
  await sql`drop index submission_tags_whole_unique`.execute(db)
  await db.schema.alterTable('tags').dropColumn('merged_into_id').execute()
}
