import { TRPCError } from '@trpc/server'
import type { Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import { locatePassage } from '../analysis/passage'
import { wakeJobWorkers } from '../jobs/queue'
import { appendAudit } from '../repositories/audit'
import { acceptPendingSuggestions, findTag, insertTagging, lockSubmissionForTagging } from '../repositories/tagging'
import type { TaggingAddInput, TaggingBulkInput } from '../schemas/tagging'
import { scheduleRetrainIfDue } from './tag-model'

const CLOSED = new Set(['withdrawn', 'merged'])

/** A tag people may apply: it exists and is neither retired nor merged. */
export async function requireActiveTag(trx: Transaction<Database>, tagId: string) {
  const tag = await findTag(trx, tagId)
  if (!tag) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.chooseTag' })
  if (tag.retiredAt || tag.mergedIntoId) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagRetired' })
  return tag
}

async function requireTaggable(trx: Transaction<Database>, submissionId: string) {
  const submission = await lockSubmissionForTagging(trx, submissionId)
  if (!submission) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  if (CLOSED.has(submission.status) || submission.text === null) throw new TRPCError({ code: 'CONFLICT', message: 'errors.taggingClosed' })
  return { ...submission, text: submission.text }
}

/** Runs a tagging change in a transaction; wakes the job workers if it queued a retraining. */
async function withRetrainCheck<T>(db: Db, actorId: string, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  let queued = false
  const result = await db.transaction().execute(async (trx) => {
    const value = await work(trx)
    queued = await scheduleRetrainIfDue(trx, actorId)
    return value
  })
  if (queued) wakeJobWorkers()
  return result
}

/** Tags a whole submission, or a passage of its redacted text. Adding what exists changes nothing. */
export async function addTagging(db: Db, actorId: string, input: TaggingAddInput, now: Date) {
  return withRetrainCheck(db, actorId, async (trx) => {
    const submission = await requireTaggable(trx, input.submissionId)
    await requireActiveTag(trx, input.tagId)
    const wantsPassage = Boolean(input.quote) || input.spanStart !== undefined || input.spanEnd !== undefined
    let span: { start: number; end: number } | null = null
    if (wantsPassage) {
      span = locatePassage(submission.text, { quote: input.quote, start: input.spanStart, end: input.spanEnd })
      if (!span) throw new TRPCError({ code: 'BAD_REQUEST', message: input.quote ? 'errors.quoteNotFound' : 'errors.spanInvalid' })
    }
    const tagging = await insertTagging(trx, {
      submissionId: submission.id,
      tagId: input.tagId,
      spanStart: span?.start ?? null,
      spanEnd: span?.end ?? null,
      source: 'human',
      createdBy: actorId,
    })
    if (tagging.created) {
      if (!span) await acceptPendingSuggestions(trx, [submission.id], input.tagId, actorId, now)
      await appendAudit(
        trx,
        { actorUserId: actorId, action: 'tagging.add', targetType: 'submission', targetId: submission.id, details: { taggingId: tagging.id, tagId: input.tagId, spanStart: span?.start ?? null, spanEnd: span?.end ?? null } },
        now,
      )
    }
    return { id: tagging.id, created: tagging.created, spanStart: span?.start ?? null, spanEnd: span?.end ?? null }
  })
}

export async function removeTagging(db: Db, actorId: string, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('submission_tags').selectAll().where('id', '=', id).forUpdate().executeTakeFirst()
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    await trx.deleteFrom('submission_tags').where('id', '=', id).execute()
    await appendAudit(
      trx,
      {
        actorUserId: actorId,
        action: 'tagging.remove',
        targetType: 'submission',
        targetId: row.submission_id,
        details: { taggingId: id, tagId: row.tag_id, spanStart: row.span_start, spanEnd: row.span_end, source: row.source },
      },
      now,
    )
    return { id, submissionId: row.submission_id }
  })
}

/**
 * Tags a selection of submissions as a whole. Those already tagged are counted, not
 * changed; withdrawn or merged ones are skipped.
 */
export async function bulkAddTagging(db: Db, actorId: string, input: TaggingBulkInput, now: Date) {
  return withRetrainCheck(db, actorId, async (trx) => {
    await requireActiveTag(trx, input.tagId)
    const ids = [...new Set(input.submissionIds)].sort()
    const rows = await trx.selectFrom('submissions').select(['id', 'status', 'text_redacted']).where('id', 'in', ids).orderBy('id').forUpdate().execute()
    const taggable = rows.filter((r) => !CLOSED.has(r.status) && r.text_redacted !== null).map((r) => r.id)
    const added: string[] = []
    for (const submissionId of taggable) {
      const tagging = await insertTagging(trx, { submissionId, tagId: input.tagId, spanStart: null, spanEnd: null, source: 'human', createdBy: actorId })
      if (tagging.created) added.push(submissionId)
    }
    if (added.length) await acceptPendingSuggestions(trx, added, input.tagId, actorId, now)
    await appendAudit(trx, { actorUserId: actorId, action: 'tagging.bulkAdd', targetType: 'tag', targetId: input.tagId, details: { submissionIds: added, requested: ids.length } }, now)
    return { added: added.length, already: taggable.length - added.length, skipped: ids.length - taggable.length }
  })
}
