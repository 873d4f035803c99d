import { TRPCError } from '@trpc/server'
import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { shownConfidence } from '../analysis/confidence'
import { wakeJobWorkers } from '../jobs/queue'
import { appendAudit } from '../repositories/audit'
import { insertTagging, lockSubmissionForTagging } from '../repositories/tagging'
import { scheduleRetrainIfDue } from './tag-model'

/**
 * A submission's pending suggestions (active tags only), most confident first. Each carries
 * the model's confidence and the one to show, capped by the tag's held-out precision
 * (shownConfidence: never 100 %).
 */
export async function suggestionsFor(db: Db, submissionId: string) {
  const rows = await db
    .selectFrom('tag_suggestions as sg')
    .innerJoin('tags as t', 't.id', 'sg.tag_id')
    .leftJoin('tag_models as m', 'm.id', 'sg.model_id')
    .select(['sg.id', 'sg.tag_id as tagId', 't.name_en as nameEn', 't.name_es as nameEs', 't.color', 'sg.confidence', 'm.created_at as modelCreatedAt'])
    .select(sql<{ suggested?: unknown; correct?: unknown } | null>`m.metrics -> 'perTag' -> (sg.tag_id::text)`.as('tested'))
    .where('sg.submission_id', '=', submissionId)
    .where('sg.status', '=', 'pending')
    .where('t.retired_at', 'is', null)
    .orderBy('sg.confidence', 'desc')
    .orderBy('t.name_en')
    .execute()
  return rows.map(({ tested, ...row }) => {
    const counts = tested && typeof tested.suggested === 'number' && typeof tested.correct === 'number' ? { suggested: tested.suggested, correct: tested.correct } : null
    return { ...row, shownConfidence: shownConfidence(row.confidence, counts) }
  })
}

/**
 * A person decides on a suggestion. Accepting tags the whole submission (source
 * "suggestion"); rejecting keeps the tag from being proposed for it again. Both are recorded
 * on the suggestion (who, when) and in the audit log.
 */
export async function decideSuggestion(db: Db, actorId: string, input: { id: string; decision: 'accepted' | 'rejected' }, now: Date) {
  let queued = false
  const result = await db.transaction().execute(async (trx) => {
    const suggestion = await trx
      .selectFrom('tag_suggestions as sg')
      .innerJoin('tags as t', 't.id', 'sg.tag_id')
      .select(['sg.id', 'sg.submission_id as submissionId', 'sg.tag_id as tagId', 'sg.status', 'sg.confidence', 'sg.model_id as modelId', 't.retired_at as retiredAt'])
      .where('sg.id', '=', input.id)
      .forUpdate('sg')
      .executeTakeFirst()
    if (!suggestion) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.suggestionGone' })
    if (suggestion.status !== 'pending') throw new TRPCError({ code: 'CONFLICT', message: 'errors.suggestionDecided' })
    let taggingId: string | null = null
    if (input.decision === 'accepted') {
      if (suggestion.retiredAt) throw new TRPCError({ code: 'CONFLICT', message: 'errors.tagRetired' })
      const submission = await lockSubmissionForTagging(trx, suggestion.submissionId)
      if (!submission || submission.status === 'withdrawn' || submission.status === 'merged' || submission.text === null) {
        throw new TRPCError({ code: 'CONFLICT', message: 'errors.taggingClosed' })
      }
      taggingId = (await insertTagging(trx, { submissionId: suggestion.submissionId, tagId: suggestion.tagId, spanStart: null, spanEnd: null, source: 'suggestion', createdBy: actorId })).id
    }
    await trx.updateTable('tag_suggestions').set({ status: input.decision, decided_by: actorId, decided_at: now }).where('id', '=', suggestion.id).execute()
    await appendAudit(
      trx,
      {
        actorUserId: actorId,
        action: input.decision === 'accepted' ? 'suggestion.accept' : 'suggestion.reject',
        targetType: 'submission',
        targetId: suggestion.submissionId,
        details: { suggestionId: suggestion.id, tagId: suggestion.tagId, confidence: suggestion.confidence, modelId: suggestion.modelId, taggingId },
      },
      now,
    )
    if (input.decision === 'accepted') queued = await scheduleRetrainIfDue(trx, actorId)
    return { id: suggestion.id, status: input.decision, submissionId: suggestion.submissionId, taggingId }
  })
  if (queued) wakeJobWorkers()
  return result
}
