import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { sql, type Transaction } from 'kysely'
import type { Db } from '../../db/client'
import type { Database } from '../../db/schema'
import { createTagAnalyzer, createTagPredictor, TAG_MODEL_METHOD, trainTagModelSteps, type LabelledDocument, type TagDocument } from '../analysis/classify'
import { enqueueJob, wakeJobWorkers, type JobContext } from '../jobs/queue'
import { appendAudit } from '../repositories/audit'

/**
 * The suggestion model's life: trained in the background (job `train-tag-model`) on the
 * submissions people have tagged, after every RETRAIN_AFTER_TAGGINGS new taggings or when a
 * facilitator asks; then every accepted or pending submission gets fresh suggestions.
 * See docs/decisions/061-tagging-suggestions-agreement.md.
 */
export const TRAIN_TAG_MODEL_JOB = 'train-tag-model'
/** People's taggings (by hand or by accepting a suggestion) since the last model's data that start a retraining. */
export const RETRAIN_AFTER_TAGGINGS = 20
/** Submissions scored and written per transaction when suggesting. */
export const SUGGEST_BATCH = 500
/** Fixed, so a retrained model differs from the last only by its data. */
export const TRAINING_SEED = 2026

const ELIGIBLE_STATUSES = ['accepted', 'pending'] as const
const PEOPLE_SOURCES = ['human', 'suggestion']

type Handle = Db | Transaction<Database>

/** The training job waiting or running, if any. */
function activeTrainingJob(db: Handle) {
  return db
    .selectFrom('jobs')
    .select(['id', 'status'])
    .where('kind', '=', TRAIN_TAG_MODEL_JOB)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst()
}

/** When the latest model read its data (taggings after it are "new"); null without a model. */
async function latestDataAsOf(db: Handle): Promise<Date | null> {
  const row = await db.selectFrom('tag_models').select(['created_at', 'metrics']).orderBy('created_at', 'desc').limit(1).executeTakeFirst()
  if (!row) return null
  const asOf = row.metrics.dataAsOf
  return typeof asOf === 'string' ? new Date(asOf) : row.created_at
}

/** People's taggings since the latest model read its data, counted up to `limit`. */
export async function newTaggingsSinceModel(db: Handle, limit = RETRAIN_AFTER_TAGGINGS): Promise<number> {
  const since = await latestDataAsOf(db)
  let inner = db.selectFrom('submission_tags').select(sql`1`.as('one')).where('source', 'in', PEOPLE_SOURCES).limit(limit)
  if (since) inner = inner.where('created_at', '>', since)
  const row = await db.selectFrom(inner.as('recent')).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  return row.n
}

/**
 * Inside the transaction that added taggings: queues a retraining when enough are new and
 * none is waiting. Returns true when it queued one; the caller wakes the workers after commit.
 */
export async function scheduleRetrainIfDue(trx: Transaction<Database>, actorId: string | null): Promise<boolean> {
  if (await activeTrainingJob(trx)) return false
  const fresh = await newTaggingsSinceModel(trx)
  if (fresh < RETRAIN_AFTER_TAGGINGS) return false
  await enqueueJob(trx, { kind: TRAIN_TAG_MODEL_JOB, payload: { reason: 'taggings', newTaggings: fresh }, createdBy: actorId, maxAttempts: 2 })
  return true
}

/** "Retrain now": queues a training unless one is already waiting or running. */
export async function requestTraining(db: Db, actorId: string | null, now: Date) {
  const result = await db.transaction().execute(async (trx) => {
    const active = await activeTrainingJob(trx)
    if (active) return { jobId: active.id, queued: false }
    const jobId = await enqueueJob(trx, { kind: TRAIN_TAG_MODEL_JOB, payload: { reason: 'manual' }, createdBy: actorId, maxAttempts: 2 })
    await appendAudit(trx, { actorUserId: actorId, action: 'tagModel.train', targetType: 'job', targetId: jobId, details: { reason: 'manual' } }, now)
    return { jobId, queued: true }
  })
  if (result.queued) wakeJobWorkers()
  return result
}

/** The latest model (without its weights) and the training job, for the codebook page. */
export async function modelStatus(db: Db) {
  const [latest, job, fresh] = await Promise.all([
    db.selectFrom('tag_models').select(['id', 'created_at as createdAt', 'taggings_count as taggingsCount', 'method', 'metrics']).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
    db
      .selectFrom('jobs')
      .select(['id', 'status', 'phase', 'progress', 'error', 'created_at as createdAt', 'finished_at as finishedAt'])
      .where('kind', '=', TRAIN_TAG_MODEL_JOB)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst(),
    newTaggingsSinceModel(db),
  ])
  return { latest: latest ?? null, job: job ?? null, newTaggings: fresh, retrainAfter: RETRAIN_AFTER_TAGGINGS }
}

const asLang = (language: string) => (language === 'en' || language === 'es' ? language : undefined)

/** Submissions people have tagged (active tags only), with their tags: the training data. */
async function loadTrainingDocuments(db: Db): Promise<{ docs: LabelledDocument[]; taggings: number; dataAsOf: Date }> {
  const { rows } = await sql<{ now: Date }>`select now() as now`.execute(db)
  const dataAsOf = new Date(rows[0]!.now)
  const docs = await db
    .selectFrom('submissions as s')
    .innerJoin('submission_tags as st', 'st.submission_id', 's.id')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select([
      's.id',
      's.text_redacted as text',
      's.language',
      's.translation_en as translation',
      sql<string[]>`array_agg(distinct st.tag_id)`.as('tags'),
      sql<number>`count(*)::int`.as('taggings'),
    ])
    .where('s.status', 'in', ELIGIBLE_STATUSES)
    .where('s.text_redacted', 'is not', null)
    .where('t.retired_at', 'is', null)
    .groupBy('s.id')
    .orderBy('s.id')
    .execute()
  return {
    docs: docs.map((d) => ({ id: d.id, text: d.text ?? '', lang: asLang(d.language), translation: d.translation, tags: d.tags })),
    taggings: docs.reduce((n, d) => n + d.taggings, 0),
    dataAsOf,
  }
}

/**
 * The `train-tag-model` job: train and cross-validate, store the model, then replace the
 * pending suggestions of every accepted or pending submission, a batch per transaction.
 * A retried attempt redoes it all and ends in the same state (its model row is replaced).
 * The CPU work runs in slices with the event loop given back between them.
 */
export async function runTagModelJob(db: Db, ctx: Pick<JobContext, 'job' | 'progress'>) {
  await ctx.progress('load', 0)
  const started = performance.now()
  const { docs, taggings, dataAsOf } = await loadTrainingDocuments(db)

  const steps = trainTagModelSteps(docs, { seed: TRAINING_SEED })
  let step = steps.next()
  while (!step.done) {
    await ctx.progress('train', 0.05 + 0.55 * (step.value.total ? step.value.done / step.value.total : 0))
    await yieldToEventLoop()
    step = steps.next()
  }
  const { model, metrics } = step.value
  const trainingMs = Math.round(performance.now() - started)

  const modelId = await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('tag_models').where('job_id', '=', ctx.job.id).execute()
    const row = await trx
      .insertInto('tag_models')
      .values({
        job_id: ctx.job.id,
        taggings_count: taggings,
        method: TAG_MODEL_METHOD,
        model: JSON.stringify(model),
        metrics: JSON.stringify({ ...metrics, dataAsOf: dataAsOf.toISOString(), trainingMs }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await appendAudit(trx, {
      actorUserId: ctx.job.created_by,
      action: 'tagModel.trained',
      targetType: 'tag_model',
      targetId: row.id,
      details: { jobId: ctx.job.id, documents: metrics.documents, tags: model.tags.length, precision: metrics.overall.precision, trainingMs },
    })
    return row.id
  })

  await suggestForAll(db, model, modelId, (fraction) => ctx.progress('suggest', 0.6 + 0.4 * fraction))
}

/** Scores every accepted or pending submission (keyset batches) and replaces its pending suggestions. */
async function suggestForAll(db: Db, model: Parameters<typeof createTagPredictor>[0], modelId: string, progress: (fraction: number) => Promise<void>) {
  const predictor = createTagPredictor(model, { analyzer: createTagAnalyzer() })
  const eligible = () => db.selectFrom('submissions').where('status', 'in', ELIGIBLE_STATUSES).where('text_redacted', 'is not', null)
  const { n: total } = await eligible().select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()
  let done = 0
  let after: string | null = null
  for (;;) {
    let batchQuery = eligible().select(['id', 'text_redacted as text', 'language', 'translation_en as translation']).orderBy('id').limit(SUGGEST_BATCH)
    if (after) batchQuery = batchQuery.where('id', '>', after)
    const batch = await batchQuery.execute()
    if (batch.length === 0) break
    after = batch[batch.length - 1]!.id
    const ids = batch.map((b) => b.id)
    // Never propose a tag the submission has, or one a person rejected for it before.
    const [applied, rejected] = await Promise.all([
      db.selectFrom('submission_tags').select(['submission_id', 'tag_id']).where('submission_id', 'in', ids).execute(),
      db.selectFrom('tag_suggestions').select(['submission_id', 'tag_id']).where('submission_id', 'in', ids).where('status', '=', 'rejected').execute(),
    ])
    const excluded = new Map<string, Set<string>>()
    for (const row of [...applied, ...rejected]) {
      let set = excluded.get(row.submission_id)
      if (!set) excluded.set(row.submission_id, (set = new Set()))
      set.add(row.tag_id)
    }
    const values = batch.flatMap((b) => {
      const doc: TagDocument = { id: b.id, text: b.text ?? '', lang: asLang(b.language), translation: b.translation }
      return predictor.suggest(doc, excluded.get(b.id)).map((s) => ({ submission_id: b.id, tag_id: s.tagId, model_id: modelId, confidence: s.confidence }))
    })
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('tag_suggestions').where('status', '=', 'pending').where('submission_id', 'in', ids).execute()
      // Tags retired or merged while the model trained are not proposed.
      const active = new Set((await trx.selectFrom('tags').select('id').where('retired_at', 'is', null).execute()).map((t) => t.id))
      const rows = values.filter((v) => active.has(v.tag_id))
      for (let i = 0; i < rows.length; i += 1000) await trx.insertInto('tag_suggestions').values(rows.slice(i, i + 1000)).execute()
    })
    done += batch.length
    await progress(total ? done / total : 1)
    await yieldToEventLoop()
  }
}
