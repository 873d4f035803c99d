import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Theme reports for the Police Commission, their published versions, comments,
// and the guidance loop (issue 6). See docs/decisions/070-reports-suppression-exports.md.

export async function up(db: Kysely<any>): Promise<void> {
  // The report row is the working draft; `version` is the last published version (0 = never).
  await db.schema
    .alterTable('reports')
    .addColumn('filters', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute()

  // The ordered themes of the draft, with the public summary written for the "you said, we did" page
  // (never the theme's own summary: that one is drafted from testimony text).
  await db.schema
    .createTable('report_themes')
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('public_summary_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('public_summary_es', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('added_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('report_themes_pkey', ['report_id', 'theme_id'])
    .execute()
  await db.schema.createIndex('report_themes_theme_idx').on('report_themes').column('theme_id').execute()

  // A published version: everything the report shows, frozen, with small counts already suppressed.
  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('restrict'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version > 0`))
    .addColumn('snapshot', 'jsonb', (c) => c.notNull())
    .addColumn('published_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('report_versions_report_version_key', ['report_id', 'version'])
    .execute()
  // Published versions are immutable: the database refuses to change or delete one.
  await sql`
    create function report_versions_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'report versions are immutable (report %, version %)', old.report_id, old.version;
    end
    $$`.execute(db)
  await sql`create trigger report_versions_no_change before update or delete on report_versions for each row execute function report_versions_immutable()`.execute(db)

  // Comments on a theme within a report (commission staff), and replies (facilitators answer).
  await db.schema
    .createTable('report_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addColumn('parent_id', 'uuid', (c) => c.references('report_comments.id').onDelete('cascade'))
    // The version read when writing (0 = the draft).
    .addColumn('report_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('report_comments_report_idx').on('report_comments').columns(['report_id', 'created_at']).execute()

  // Guidance the Commission records, and the themes each item answers.
  await db.schema
    .createTable('guidance_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('text_es', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('proposed').check(sql`status in ('proposed', 'adopted', 'published')`))
    .addColumn('decided_on', 'text', (c) => c.notNull().check(sql`decided_on ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createTable('guidance_themes')
    .addColumn('guidance_id', 'uuid', (c) => c.notNull().references('guidance_items.id').onDelete('cascade'))
    .addColumn('theme_id', 'uuid', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('guidance_themes_pkey', ['guidance_id', 'theme_id'])
    .execute()
  await db.schema.createIndex('guidance_themes_theme_idx').on('guidance_themes').column('theme_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['guidance_themes', 'guidance_items', 'report_comments']) await db.schema.dropTable(table).execute()
  await sql`drop trigger report_versions_no_change on report_versions`.execute(db)
  await db.schema.dropTable('report_versions').execute()
  await sql`drop function report_versions_immutable()`.execute(db)
  await db.schema.dropTable('report_themes').execute()
  await db.schema.alterTable('reports').dropColumn('updated_by').dropColumn('updated_at').dropColumn('filters').execute()
}
