import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

export type NewTagging = {
  submissionId: string
  tagId: string
  spanStart: number | null
  spanEnd: number | null
  source: 'human' | 'suggestion'
  createdBy: string
}

/**
 * Adds a tagging unless the same one exists (one whole-submission tagging per tag; a
 * passage once per offsets). Returns its id and whether it is new.
 */
export async function insertTagging(db: Handle, t: NewTagging): Promise<{ id: string; created: boolean }> {
  const existing = db
    .selectFrom('submission_tags')
    .select('id')
    .where('submission_id', '=', t.submissionId)
    .where('tag_id', '=', t.tagId)
  const found = await (t.spanStart === null ? existing.where('span_start', 'is', null) : existing.where('span_start', '=', t.spanStart).where('span_end', '=', t.spanEnd)).executeTakeFirst()
  if (found) return { id: found.id, created: false }
  const row = await db
    .insertInto('submission_tags')
    .values({ submission_id: t.submissionId, tag_id: t.tagId, span_start: t.spanStart, span_end: t.spanEnd, source: t.source, created_by: t.createdBy })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, created: true }
}

/** A person applied a tag that was pending as a suggestion: record the suggestion as accepted. */
export function acceptPendingSuggestions(db: Handle, submissionIds: string[], tagId: string, actorId: string, now: Date) {
  return db
    .updateTable('tag_suggestions')
    .set({ status: 'accepted', decided_by: actorId, decided_at: now })
    .where('submission_id', 'in', submissionIds)
    .where('tag_id', '=', tagId)
    .where('status', '=', 'pending')
    .execute()
}

/** The submission for a tagging edit, locked; null when missing. */
export function lockSubmissionForTagging(trx: Transaction<Database>, id: string) {
  return trx.selectFrom('submissions').select(['id', 'status', 'text_redacted as text', 'receipt_code as receiptCode']).where('id', '=', id).forUpdate().executeTakeFirst()
}

export function findTag(db: Handle, id: string) {
  return db.selectFrom('tags').select(['id', 'retired_at as retiredAt', 'merged_into_id as mergedIntoId']).where('id', '=', id).executeTakeFirst()
}
