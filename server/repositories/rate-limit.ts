import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'

type Handle = Kysely<Database> | Transaction<Database>

/**
 * Counts one hit for `key` in the fixed window that holds `now` and returns the
 * count so far. One atomic upsert, so every app process shares the same count.
 */
export async function hitRateLimit(db: Handle, key: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }))
    .returning('count')
    .executeTakeFirstOrThrow()
  return row.count
}

/** Takes back one hit counted at `now` (an attempt that turned out not to count, such as a successful sign-in). */
export async function giveBackRateLimit(db: Handle, key: string, now: Date, windowMs: number): Promise<void> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  await db
    .updateTable('rate_limits')
    .set({ count: sql`greatest(rate_limits.count - 1, 0)` })
    .where('key', '=', key)
    .where('window_start', '=', windowStart)
    .execute()
}

/** The count for `key` in the window that holds `now`, without counting a hit. */
export async function countRateLimit(db: Handle, key: string, now: Date, windowMs: number): Promise<number> {
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs)
  const row = await db.selectFrom('rate_limits').select('count').where('key', '=', key).where('window_start', '=', windowStart).executeTakeFirst()
  return row?.count ?? 0
}

/** Windows that ended before `before` are no longer needed. */
export async function deleteOldRateLimits(db: Handle, before: Date): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('window_start', '<', before).executeTakeFirst()
  return Number(result.numDeletedRows)
}
