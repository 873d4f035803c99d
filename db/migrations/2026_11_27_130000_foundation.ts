import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('community'))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('submitter', 'facilitator', 'commission', 'admin')`),
    )
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('locale', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('disabled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('submitter_has_org', sql`role <> 'submitter' or organization_id is not null`)
    .execute()
  await db.schema.createIndex('users_email_key').on('users').expression(sql`lower(email)`).unique().execute()

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey()) // sha-256 of the cookie token; the token itself is never stored
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute()

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('submitter', 'facilitator', 'commission', 'admin')`),
    )
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('cascade'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('accepted_user_id', 'uuid', (c) => c.references('users.id'))
    .execute()

  await db.schema
    .createTable('submissions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('receipt_code', 'text', (c) => c.notNull().unique())
    .addColumn('organization_id', 'uuid', (c) => c.references('organizations.id').onDelete('restrict'))
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // What everyone reads and what analysis uses. Null only once withdrawn.
    .addColumn('text_redacted', 'text')
    // AES-256-GCM of the original text; null once purged or withdrawn.
    .addColumn('text_original_enc', 'bytea')
    .addColumn('original_purged_at', 'timestamptz')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('other'))
    .addColumn('translation_en', 'text')
    .addColumn('translation_es', 'text')
    .addColumn('incident_month', 'text', (c) => c.check(sql`incident_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`))
    .addColumn('area', 'text')
    .addColumn('setting', 'text')
    .addColumn('agencies', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('city_response', 'text')
    .addColumn('guidance_wanted', 'text')
    .addColumn('consent_quote', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('consent_contact', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('pending').check(sql`status in ('pending', 'accepted', 'hidden', 'merged', 'withdrawn')`),
    )
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('withdrawn_at', 'timestamptz')
    .execute()
  await db.schema.createIndex('submissions_org_created_idx').on('submissions').columns(['organization_id', 'created_at']).execute()
  await db.schema.createIndex('submissions_status_created_idx').on('submissions').columns(['status', 'created_at']).execute()

  await db.schema
    .createTable('tags')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('parent_id', 'uuid', (c) => c.references('tags.id').onDelete('restrict'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_es', 'text', (c) => c.notNull())
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_es', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('color', 'text', (c) => c.notNull().defaultTo('#5b6b7f'))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retired_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('submission_tags')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('submission_id', 'uuid', (c) => c.notNull().references('submissions.id').onDelete('cascade'))
    .addColumn('tag_id', 'uuid', (c) => c.notNull().references('tags.id').onDelete('restrict'))
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('human'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('span_is_ordered', sql`(span_start is null and span_end is null) or (span_start >= 0 and span_end > span_start)`)
    .execute()
  await db.schema.createIndex('submission_tags_submission_idx').on('submission_tags').column('submission_id').execute()
  await db.schema.createIndex('submission_tags_tag_idx').on('submission_tags').column('tag_id').execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('details', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute()
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute()

  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'published')`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('published_at', 'timestamptz')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reports', 'audit_log', 'submission_tags', 'tags', 'submissions', 'invitations', 'sessions', 'users', 'organizations']) {
    await db.schema.dropTable(table).execute()
  }
}
