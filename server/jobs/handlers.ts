import type { Db } from '../../db/client'
import type { Env } from '../env'
import { runTagModelJob, TRAIN_TAG_MODEL_JOB } from '../services/tag-model'
import { CLUSTER_RUN_JOB } from '../services/clustering-run'
import { clusterRunHandler } from './cluster-run'
import type { JobHandler } from './queue'

/**
 * Every kind of background job the app runs, by the `kind` stored in the jobs
 * table. server/main.ts starts one worker per process with these handlers.
 */
export function jobHandlers(db: Db, _env: Env): Record<string, JobHandler> {
  return {
    [TRAIN_TAG_MODEL_JOB]: (ctx) => runTagModelJob(db, ctx),
    [CLUSTER_RUN_JOB]: clusterRunHandler(db),
  }
}
