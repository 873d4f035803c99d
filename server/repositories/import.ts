import { sql, type ColumnType, type Kysely, type Transaction } from 'kysely'
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
  /** A running commit's progress (services/import.ts), for the other app processes; null otherwise. */
  progress: ColumnType<unknown | null, string | null | undefined, string | null>
}

type Handle = Kysely<Database> | Transaction<Database>
const withImports = (db: Handle) => db.withTables<{ imports: ImportsTable }>()

export async function insertImport(db: Handle, row: Omit<ImportsTable, 'created_at' | 'progress'>): Promise<void> {
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

/** Records a commit's progress on its upload (nothing happens once the commit deleted it). */
export async function saveImportProgress(db: Handle, id: string, progress: object): Promise<void> {
  await withImports(db).updateTable('imports').set({ progress: JSON.stringify(progress) }).where('id', '=', id).execute()
}

/** The progress another process recorded for this user's upload, if any. */
export async function findImportProgress(db: Handle, where: { id: string; userId: string }): Promise<unknown | null> {
  const row = await withImports(db).selectFrom('imports').select('progress').where('id', '=', where.id).where('user_id', '=', where.userId).executeTakeFirst()
  return row?.progress ?? null
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

/** A submission as an import stores it: every column it writes, the id chosen beforehand. */
export type ImportedSubmission = Omit<NewSubmission, 'id'> & { id: string; text_redacted: string; language: string }

/**
 * Inserts many submissions with one statement: each column travels as one
 * array parameter and unnest() turns the arrays back into rows. Against a
 * multi-row VALUES list (17 parameters a row), PostgreSQL parses and plans 17
 * parameters whatever the number of rows, and the same SQL runs on PGlite and
 * on a server. Bytes travel as base64 (a third longer; hex doubles them) and
 * the agencies of each row as an array literal, because unnest() would
 * flatten an array of arrays.
 */
export async function insertSubmissionRows(db: Handle, rows: readonly ImportedSubmission[]): Promise<void> {
  if (rows.length === 0) return
  const column = <T>(pick: (row: ImportedSubmission) => T) => rows.map(pick)
  await sql`
    insert into submissions (
      id, receipt_code, organization_id, submitted_by, text_redacted, text_original_enc, language, incident_month,
      area, setting, agencies, city_response, guidance_wanted, consent_quote, consent_contact, status, is_demo, intake_link_id
    )
    select
      id, receipt_code, organization_id, submitted_by, text_redacted, decode(text_original_b64, 'base64'), language, incident_month,
      area, setting, agencies::text[], city_response, guidance_wanted, consent_quote, consent_contact, status, is_demo, intake_link_id
    from unnest(
      ${column((r) => r.id)}::uuid[],
      ${column((r) => r.receipt_code)}::text[],
      ${column((r) => r.organization_id ?? null)}::uuid[],
      ${column((r) => r.submitted_by ?? null)}::uuid[],
      ${column((r) => r.text_redacted)}::text[],
      ${column((r) => (r.text_original_enc ? Buffer.from(r.text_original_enc).toString('base64') : null))}::text[],
      ${column((r) => r.language)}::text[],
      ${column((r) => r.incident_month ?? null)}::text[],
      ${column((r) => r.area ?? null)}::text[],
      ${column((r) => r.setting ?? null)}::text[],
      ${column((r) => arrayLiteral(r.agencies ?? []))}::text[],
      ${column((r) => r.city_response ?? null)}::text[],
      ${column((r) => r.guidance_wanted ?? null)}::text[],
      ${column((r) => r.consent_quote ?? false)}::boolean[],
      ${column((r) => r.consent_contact ?? false)}::boolean[],
      ${column((r) => r.status ?? 'pending')}::text[],
      ${column((r) => r.is_demo ?? false)}::boolean[],
      ${column((r) => r.intake_link_id ?? null)}::uuid[]
    ) as row(
      id, receipt_code, organization_id, submitted_by, text_redacted, text_original_b64, language, incident_month,
      area, setting, agencies, city_response, guidance_wanted, consent_quote, consent_contact, status, is_demo, intake_link_id
    )
  `.execute(db)
}

/** Near-duplicate signatures (see services/duplicates.ts) of many submissions, in one statement. */
export async function insertSignatureRows(db: Handle, rows: readonly { submissionId: string; keys: readonly string[] }[]): Promise<void> {
  if (rows.length === 0) return
  await sql`
    insert into submission_signatures (submission_id, lsh_keys)
    select submission_id, lsh_keys::text[]
    from unnest(${rows.map((r) => r.submissionId)}::uuid[], ${rows.map((r) => arrayLiteral(r.keys))}::text[]) as row(submission_id, lsh_keys)
  `.execute(db)
}

/** A PostgreSQL array literal of strings: {"a","b \"c\""}. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`
}
