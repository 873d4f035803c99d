import type { ColumnType, Kysely, Transaction } from 'kysely'
import type { Database, NewSubmission } from '../../db/schema'

/**
 * The `imports` table (db/migrations/2026_11_27_140000_imports.ts). It is typed
 * here with Kysely's withTables rather than in db/schema.ts because nothing but
 * the import feature reads it.
 */
export interface ImportsTable {
  id: string
  user_id: string
  organization_id: string
  file_name: string
  content_enc: Buffer | Uint8Array
  created_at: ColumnType<Date, Date | string | undefined, never>
  expires_at: Date
}

type Handle = Kysely<Database> | Transaction<Database>
const withImports = (db: Handle) => db.withTables<{ imports: ImportsTable }>()

export async function insertImport(db: Handle, row: Omit<ImportsTable, 'created_at'>): Promise<void> {
  await withImports(db).insertInto('imports').values(row).execute()
}

/** An upload, only for the user who made it and only before it expires. */
export function findImport(db: Handle, where: { id: string; userId: string; now: Date }) {
  return withImports(db)
    .selectFrom('imports')
    .innerJoin('organizations as org', 'org.id', 'imports.organization_id')
    .select(['imports.id', 'imports.user_id', 'imports.organization_id', 'org.name as organization_name', 'imports.file_name', 'imports.content_enc', 'imports.created_at', 'imports.expires_at'])
    .where('imports.id', '=', where.id)
    .where('imports.user_id', '=', where.userId)
    .where('imports.expires_at', '>', where.now)
    .executeTakeFirst()
}

/** Deletes an upload; returns whether it was still there. */
export async function deleteImport(db: Handle, id: string): Promise<boolean> {
  const result = await withImports(db).deleteFrom('imports').where('id', '=', id).executeTakeFirst()
  return Number(result.numDeletedRows) === 1
}

export async function deleteExpiredImports(db: Handle, now: Date): Promise<number> {
  const result = await withImports(db).deleteFrom('imports').where('expires_at', '<=', now).executeTakeFirst()
  return Number(result.numDeletedRows)
}

/** One multi-row INSERT; the caller keeps each batch under PostgreSQL's 65,535 parameters. */
export async function insertSubmissionBatch(db: Handle, rows: NewSubmission[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('submissions').values(rows).execute()
}
