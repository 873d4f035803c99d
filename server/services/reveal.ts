import { TRPCError } from '@trpc/server'
import type { Db } from '../../db/client'
import type { Env } from '../env'
import { decryptText } from '../lib/crypto'
import { appendAudit } from '../repositories/audit'

/**
 * The only way to read an original: a facilitator gives a reason, and the
 * audit entry (with the reason) is written in the same transaction as the
 * decrypt. If decryption fails the entry is rolled back with it; if the entry
 * cannot be written nothing is decrypted.
 */
export async function revealOriginal(db: Db, env: Pick<Env, 'encryptionKey'>, actorId: string, input: { id: string; reason: string }, now: Date) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('submissions')
      .select(['id', 'receipt_code', 'text_original_enc', 'original_purged_at', 'status'])
      .where('id', '=', input.id)
      .forUpdate()
      .executeTakeFirst()
    if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'errors.notFound' })
    if (!row.text_original_enc) throw new TRPCError({ code: 'CONFLICT', message: row.status === 'withdrawn' ? 'errors.originalWithdrawn' : 'errors.originalPurged' })
    await appendAudit(trx, { actorUserId: actorId, action: 'submission.reveal', targetType: 'submission', targetId: row.id, details: { reason: input.reason, receiptCode: row.receipt_code } }, now)
    return { id: row.id, text: decryptText(row.text_original_enc, env.encryptionKey), revealedAt: now }
  })
}
