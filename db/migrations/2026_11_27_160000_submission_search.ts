import { sql, type Kysely } from 'kysely'

// Full-text search over redacted text, in English and Spanish, accent-insensitive.
// Frozen in time: never import app code here.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists unaccent`.execute(db)
  for (const [name, stemmer] of [
    ['voces_en', 'english_stem'],
    ['voces_es', 'spanish_stem'],
  ] as const) {
    await sql`create text search configuration ${sql.raw(name)} (copy = ${sql.raw(name === 'voces_es' ? 'spanish' : 'english')})`.execute(db)
    await sql`alter text search configuration ${sql.raw(name)} alter mapping for hword, hword_part, word with unaccent, ${sql.raw(stemmer)}`.execute(db)
  }
  // Spanish testimony is stemmed as Spanish, everything else as English; searches try both.
  await sql`
    alter table submissions add column search tsvector generated always as (
      to_tsvector(
        case when language = 'es' then 'voces_es'::regconfig else 'voces_en'::regconfig end,
        coalesce(text_redacted, '')
      )
    ) stored
  `.execute(db)
  await sql`create index submissions_search_idx on submissions using gin (search)`.execute(db)
  // The workspace list is newest first: an index in that order keeps deep pages cheap.
  await sql`create index submissions_created_idx on submissions (created_at desc, id)`.execute(db)
  await db.schema.createIndex('submissions_area_idx').on('submissions').column('area').execute()
  await db.schema.createIndex('submissions_month_idx').on('submissions').column('incident_month').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('submissions_month_idx').execute()
  await db.schema.dropIndex('submissions_area_idx').execute()
  await db.schema.dropIndex('submissions_created_idx').execute()
  await sql`alter table submissions drop column search`.execute(db)
  await sql`drop text search configuration voces_es`.execute(db)
  await sql`drop text search configuration voces_en`.execute(db)
}
