import type { Db } from '../../db/client'
import type { Env } from '../env'
import { purgeExpiredOriginals } from '../services/retention'
import { startPeriodicJob } from './periodic'

export const RETENTION_INTERVAL_MS = 60 * 60_000

/**
 * Runs the retention purge now and then every hour. Idempotent, and safe when
 * several app processes run it: the purge is one UPDATE of rows still holding
 * an original. Returns a function that stops the timer.
 */
export function startRetentionJob(db: Db, env: Pick<Env, 'VOCES_RETENTION_DAYS'>, options: { intervalMs?: number; log?: (message: string) => void } = {}) {
  const log = options.log ?? ((message: string) => console.log(message))
  return startPeriodicJob('retention purge', options.intervalMs ?? RETENTION_INTERVAL_MS, async () => {
    const { purged } = await purgeExpiredOriginals(db, { now: new Date(), retentionDays: env.VOCES_RETENTION_DAYS })
    if (purged > 0) log(`[voces] retention: purged ${purged} original${purged === 1 ? '' : 's'} older than ${env.VOCES_RETENTION_DAYS} days`)
  })
}
