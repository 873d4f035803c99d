import type { Db } from '../../db/client'

export function listOrganizations(db: Db) {
  return db.selectFrom('organizations').select(['id', 'slug', 'name', 'kind']).orderBy('name').execute()
}
