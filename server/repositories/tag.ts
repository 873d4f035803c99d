import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

export type TagRow = {
  id: string
  parentId: string | null
  slug: string
  nameEn: string
  nameEs: string
  descriptionEn: string
  descriptionEs: string
  color: string
  sortOrder: number
  retiredAt: Date | null
  mergedIntoId: string | null
}

/** The whole codebook (it is small: tens to hundreds of tags). */
export function allTags(db: Handle): Promise<TagRow[]> {
  return db
    .selectFrom('tags')
    .select([
      'id',
      'parent_id as parentId',
      'slug',
      'name_en as nameEn',
      'name_es as nameEs',
      'description_en as descriptionEn',
      'description_es as descriptionEs',
      'color',
      'sort_order as sortOrder',
      'retired_at as retiredAt',
      'merged_into_id as mergedIntoId',
    ])
    .orderBy('sort_order')
    .orderBy('name_en')
    .execute()
}

/** Locks tags for an edit, in id order (so two edits never wait on each other in a circle). */
export async function lockTags(trx: Transaction<Database>, ids: string[]) {
  const rows = await trx
    .selectFrom('tags')
    .select(['id', 'parent_id as parentId', 'name_en as nameEn', 'name_es as nameEs', 'retired_at as retiredAt', 'merged_into_id as mergedIntoId'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute()
  return new Map(rows.map((r) => [r.id, r]))
}

/** Per tag: whole-submission taggings, passage taggings, and submissions carrying it. */
export function taggingCounts(db: Handle) {
  return db
    .selectFrom('submission_tags')
    .select([
      'tag_id as tagId',
      sql<number>`count(*) filter (where span_start is null)::int`.as('whole'),
      sql<number>`count(*) filter (where span_start is not null)::int`.as('spans'),
      sql<number>`count(distinct submission_id)::int`.as('submissions'),
    ])
    .groupBy('tag_id')
    .execute()
}

/** Per tag: suggestions people accepted, rejected, and still pending. */
export function suggestionCounts(db: Handle) {
  return db
    .selectFrom('tag_suggestions')
    .select([
      'tag_id as tagId',
      sql<number>`count(*) filter (where status = 'accepted')::int`.as('accepted'),
      sql<number>`count(*) filter (where status = 'rejected')::int`.as('rejected'),
      sql<number>`count(*) filter (where status = 'pending')::int`.as('pending'),
    ])
    .groupBy('tag_id')
    .execute()
}

export function slugExists(db: Handle, slug: string) {
  return db.selectFrom('tags').select('id').where('slug', '=', slug).executeTakeFirst()
}

/** An active sibling (same parent) with the same English or Spanish name, ignoring case. */
export function siblingNamed(db: Handle, parentId: string | null, names: { nameEn: string; nameEs: string }, exceptId?: string) {
  let q = db
    .selectFrom('tags')
    .select('id')
    .where('retired_at', 'is', null)
    .where((eb) => eb.or([eb(sql`lower(name_en)`, '=', names.nameEn.toLowerCase()), eb(sql`lower(name_es)`, '=', names.nameEs.toLowerCase())]))
  q = parentId ? q.where('parent_id', '=', parentId) : q.where('parent_id', 'is', null)
  if (exceptId) q = q.where('id', '<>', exceptId)
  return q.executeTakeFirst()
}
