import { TRPCError } from '@trpc/server'
import type { Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import { appendAudit } from '../repositories/audit'
import { listModerationQueue, moderationStateOf } from '../repositories/moderation'
import type { HideReasonCode } from '../schemas/moderation'

export async function moderationQueue(db: Db, page: { page: number; pageSize: number }) {
  const { items, total } = await listModerationQueue(db, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize })
  return { items, total, page: page.page, pageSize: page.pageSize, pageCount: Math.max(1, Math.ceil(total / page.pageSize)) }
}

export async function moderationState(db: Db, id: string) {
  const state = await moderationStateOf(db, id)
  if (!state) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  return state
}

/** Locks the submission for a decision; withdrawn and merged submissions take none. */
async function lockForDecision(trx: Transaction<Database>, id: string) {
  const row = await trx.selectFrom('submissions').select(['id', 'status', 'receipt_code']).where('id', '=', id).forUpdate().executeTakeFirst()
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
  if (row.status === 'withdrawn' || row.status === 'merged') throw new TRPCError({ code: 'CONFLICT', message: 'errors.moderationClosed' })
  return row
}

export async function acceptSubmission(db: Db, actorId: string, id: string, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForDecision(trx, id)
    await trx
      .updateTable('submissions')
      .set({ status: 'accepted', hidden_reason: null, flagged_at: null, moderated_at: now, moderated_by: actorId, updated_at: now })
      .where('id', '=', id)
      .execute()
    await appendAudit(trx, { actorUserId: actorId, action: 'moderation.accept', targetType: 'submission', targetId: id, details: { previousStatus: row.status } }, now)
    return { id, status: 'accepted' as const }
  })
}

export async function hideSubmission(db: Db, actorId: string, input: { id: string; reason: HideReasonCode }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForDecision(trx, input.id)
    await trx
      .updateTable('submissions')
      .set({ status: 'hidden', hidden_reason: input.reason, flagged_at: null, moderated_at: now, moderated_by: actorId, updated_at: now })
      .where('id', '=', input.id)
      .execute()
    await appendAudit(
      trx,
      { actorUserId: actorId, action: 'moderation.hide', targetType: 'submission', targetId: input.id, details: { reason: input.reason, previousStatus: row.status } },
      now,
    )
    return { id: input.id, status: 'hidden' as const }
  })
}

/** Merges a duplicate into the submission that is kept: the duplicate gets status `merged` and points at it. */
export async function mergeSubmission(db: Db, actorId: string, input: { id: string; intoCode: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await lockForDecision(trx, input.id)
    const kept = await trx.selectFrom('submissions').select(['id', 'status']).where('receipt_code', '=', input.intoCode).executeTakeFirst()
    if (!kept) throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.mergeTargetMissing' })
    if (kept.id === row.id || kept.status === 'withdrawn' || kept.status === 'merged') throw new TRPCError({ code: 'BAD_REQUEST', message: 'errors.mergeTargetInvalid' })
    await trx
      .updateTable('submissions')
      .set({ status: 'merged', merged_into_id: kept.id, flagged_at: null, moderated_at: now, moderated_by: actorId, updated_at: now })
      .where('id', '=', row.id)
      .execute()
    await appendAudit(
      trx,
      { actorUserId: actorId, action: 'moderation.merge', targetType: 'submission', targetId: row.id, details: { intoId: kept.id, intoCode: input.intoCode, previousStatus: row.status } },
      now,
    )
    return { id: row.id, status: 'merged' as const, mergedIntoId: kept.id }
  })
}
