import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Issue 12 §3: withdrawal reaches published versions. The quotes of a published
// version move out of its immutable snapshot into their own table, where the
// database lets a quote's words be blanked (withdrawal) and nothing else change.
// Facilitators are warned about published summaries that repeat withdrawn words.
// See docs/decisions/070-reports-suppression-exports.md.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_version_quotes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_version_id', 'uuid', (c) => c.notNull().references('report_versions.id').onDelete('restrict'))
    .addColumn('theme_id', 'uuid', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // The testimony quoted; set null if the submission row itself is ever deleted (the trigger then blanks the words).
    .addColumn('submission_id', 'uuid', (c) => c.references('submissions.id').onDelete('set null'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('translations', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('withdrawn_at', 'timestamptz')
    .addUniqueConstraint('report_version_quotes_position_key', ['report_version_id', 'theme_id', 'position'])
    .addCheckConstraint('report_version_quotes_blank_when_withdrawn', sql`(text is null) = (withdrawn_at is not null) and (withdrawn_at is null or translations = '[]'::jsonb)`)
    .execute()
  await db.schema.createIndex('report_version_quotes_submission_idx').on('report_version_quotes').column('submission_id').execute()

  // The only change the database allows: blanking a quote's words (text and
  // translations) with the time it was withdrawn. Deleting a row is refused.
  await sql`
    create function report_version_quotes_guard() returns trigger language plpgsql as $$
    begin
      if tg_op = 'DELETE' then
        raise exception 'published quotes are kept; only their words may be blanked (quote %)', old.id;
      end if;
      if new.id <> old.id or new.report_version_id <> old.report_version_id or new.theme_id <> old.theme_id
         or new.position <> old.position or new.language <> old.language
         or (new.submission_id is distinct from old.submission_id and new.submission_id is not null) then
        raise exception 'published quotes are immutable except for blanking their words (quote %)', old.id;
      end if;
      if new.submission_id is null and old.submission_id is not null then
        -- the testimony row itself is gone: so are its words
        new.text := null;
        new.translations := '[]'::jsonb;
        new.withdrawn_at := coalesce(new.withdrawn_at, now());
        return new;
      end if;
      if old.text is null and (new.text is not null or new.withdrawn_at is distinct from old.withdrawn_at) then
        raise exception 'a withdrawn quote stays withdrawn (quote %)', old.id;
      end if;
      if old.text is not null and not (new.text is null and new.translations = '[]'::jsonb and new.withdrawn_at is not null)
         and (new.text is distinct from old.text or new.translations is distinct from old.translations or new.withdrawn_at is distinct from old.withdrawn_at) then
        raise exception 'published quotes are immutable except for blanking their words (quote %)', old.id;
      end if;
      return new;
    end
    $$`.execute(db)
  await sql`create trigger report_version_quotes_guard before update or delete on report_version_quotes for each row execute function report_version_quotes_guard()`.execute(db)

  // Move the quotes of every published version out of its snapshot. A quote is
  // linked to the testimony whose redacted text it is (a quoted member of the
  // theme first). A quote whose testimony can no longer be found (withdrawn
  // before this migration, its text already deleted) is stored blank: the
  // promise is that withdrawn words are gone, so when in doubt they go.
  await sql`
    insert into report_version_quotes (report_version_id, theme_id, position, submission_id, language, text, translations, withdrawn_at)
    select v.id, (t.theme ->> 'themeId')::uuid, q.position::int,
           m.id,
           coalesce(q.quote ->> 'language', 'other'),
           case when m.id is null then null else q.quote ->> 'text' end,
           case when m.id is null then '[]'::jsonb else coalesce(q.quote -> 'translations', '[]'::jsonb) end,
           case when m.id is null then now() else null end
    from report_versions v
    cross join lateral jsonb_array_elements(v.snapshot -> 'themes') as t(theme)
    cross join lateral jsonb_array_elements(coalesce(t.theme -> 'quotes', '[]'::jsonb)) with ordinality as q(quote, position)
    left join lateral (
      select s.id from submissions s
      where s.text_redacted is not null and s.text_redacted = q.quote ->> 'text'
      order by exists (select 1 from theme_quotes tq where tq.submission_id = s.id and tq.theme_id = (t.theme ->> 'themeId')::uuid) desc, s.created_at
      limit 1
    ) m on true
  `.execute(db)

  await sql`alter table report_versions disable trigger report_versions_no_change`.execute(db)
  await sql`
    update report_versions v
    set snapshot = jsonb_set(v.snapshot, '{themes}', coalesce((
      select jsonb_agg(jsonb_set(t.theme, '{quotes}', '[]'::jsonb) order by t.i)
      from jsonb_array_elements(v.snapshot -> 'themes') with ordinality as t(theme, i)
    ), '[]'::jsonb))
  `.execute(db)
  await sql`alter table report_versions enable trigger report_versions_no_change`.execute(db)
  // From now on a snapshot can never hold a quote's words again.
  await sql`
    alter table report_versions add constraint report_versions_no_quote_text
    check (not jsonb_path_exists(snapshot, '$.themes[*].quotes[*]'))
  `.execute(db)

  // Warnings for facilitators: a published (or draft) summary repeats 8+
  // consecutive words of testimony that was since withdrawn. Never the words.
  await db.schema
    .createTable('report_warnings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('report_id', 'uuid', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    // 0 = the draft
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('theme_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('withdrawn-words-in-summary')`))
    .addColumn('field', 'text', (c) => c.notNull().check(sql`field in ('summary', 'publicSummaryEn', 'publicSummaryEs')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('resolved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute()
  await db.schema.createIndex('report_warnings_report_idx').on('report_warnings').columns(['report_id', 'created_at']).execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_warnings').execute()
  await sql`alter table report_versions drop constraint report_versions_no_quote_text`.execute(db)
  await sql`alter table report_versions disable trigger report_versions_no_change`.execute(db)
  await sql`
    update report_versions v
    set snapshot = jsonb_set(v.snapshot, '{themes}', coalesce((
      select jsonb_agg(jsonb_set(t.theme, '{quotes}', coalesce((
        select jsonb_agg(jsonb_build_object('language', q.language, 'text', q.text, 'translations', q.translations) order by q.position)
        from report_version_quotes q where q.report_version_id = v.id and q.theme_id = (t.theme ->> 'themeId')::uuid and q.text is not null
      ), '[]'::jsonb)) order by t.i)
      from jsonb_array_elements(v.snapshot -> 'themes') with ordinality as t(theme, i)
    ), '[]'::jsonb))
  `.execute(db)
  await sql`alter table report_versions enable trigger report_versions_no_change`.execute(db)
  await sql`drop trigger report_version_quotes_guard on report_version_quotes`.execute(db)
  await db.schema.dropTable('report_version_quotes').execute()
  await sql`drop function report_version_quotes_guard()`.execute(db)
}
