import type { Db } from '../../db/client'

export function listTags(db: Db) {
  return db
    .selectFrom('tags')
    .select(['id', 'parent_id as parentId', 'slug', 'name_en as nameEn', 'name_es as nameEs', 'color', 'retired_at as retiredAt'])
    .orderBy('retired_at', (ob) => ob.nullsFirst())
    .orderBy('sort_order')
    .execute()
}
