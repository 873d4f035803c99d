import { sql } from 'kysely'
import type { Db } from '../../db/client'
import { appendAudit } from '../repositories/audit'
import { deleteOldRateLimits } from '../repositories/rate-limit'

const DAY_MS = 86_400_000

/**
 * Purges the encrypted originals of submissions older than `retentionDays`
 * (the redacted text stays). One UPDATE: when two processes run it at once the
 * second finds the rows already purged, so each original is counted once. One
 * audit entry per run that purged anything, with the count.
 */
export async function purgeExpiredOriginals(db: Db, options: { now: Date; retentionDays: number }) {
  const cutoff = new Date(options.now.getTime() - options.retentionDays * DAY_MS)
  return db.transaction().execute(async (trx) => {
    const purged = await trx
      .updateTable('submissions')
      .set({ text_original_enc: null, original_purged_at: options.now })
      .where('created_at', '<', cutoff)
      .where('text_original_enc', 'is not', null)
      .returning('id')
      .execute()
    if (purged.length > 0) {
      await appendAudit(
        trx,
        { actorUserId: null, action: 'retention.purge', details: { count: purged.length, retentionDays: options.retentionDays, cutoff: cutoff.toISOString() } },
        options.now,
      )
    }
    // Rate-limit windows older than a day are of no further use.
    await deleteOldRateLimits(trx, new Date(options.now.getTime() - DAY_MS))
    return { purged: purged.length, cutoff }
  })
}

/** How many originals are still held, and the oldest; for the admin page and tests. */
export async function retentionStatus(db: Db) {
  const row = await db
    .selectFrom('submissions')
    .select([sql<number>`count(*)::int`.as('held'), sql<Date | null>`min(created_at)`.as('oldest')])
    .where('text_original_enc', 'is not', null)
    .executeTakeFirstOrThrow()
  return row
}
