import { sql, type Kysely } from 'kysely'

// Frozen in time: never import app code here; fix mistakes with a new migration.
// Tagging (issue 5): indexes for "people's taggings since the last model" (retraining
// trigger) and for per-tag suggestion counts and merges.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index submission_tags_people_created_idx on submission_tags (created_at) where source in ('human', 'suggestion')`.execute(db)
  await db.schema.createIndex('tag_suggestions_tag_idx').on('tag_suggestions').columns(['tag_id', 'status']).execute()
  await db.schema.createIndex('tag_models_created_idx').on('tag_models').column('created_at').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('tag_models_created_idx').execute()
  await db.schema.dropIndex('tag_suggestions_tag_idx').execute()
  await db.schema.dropIndex('submission_tags_people_created_idx').execute()
}
