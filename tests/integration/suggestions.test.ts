import { TRPCError } from '@trpc/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { generateDemoTestimonies } from '../../server/demo/testimonies'
import { jobHandlers } from '../../server/jobs/handlers'
import { claimJob, runClaimedJob } from '../../server/jobs/queue'
import type { SessionUser } from '../../server/services/auth'
import { seedCodebook } from '../../server/services/seed'
import { RETRAIN_AFTER_TAGGINGS, TRAIN_TAG_MODEL_JOB } from '../../server/services/tag-model'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let tagIds: Map<string, string>
/** Submission ids by index of the generated testimony; the first two thirds are tagged (like the demo seed). */
const ids: string[] = []
const truth: string[][] = []

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  facilitator = await makeUser(db, 'facilitator')
  tagIds = await seedCodebook(db)
  const testimonies = generateDemoTestimonies({ count: 240, seed: 2025 })
  const rows = await db
    .insertInto('submissions')
    .values(testimonies.map((t, i) => ({ receipt_code: `SG${String(i).padStart(7, '0')}`, text_redacted: t.text, language: t.lang, status: 'accepted' })))
    .returning('id')
    .execute()
  const taggings: { submission_id: string; tag_id: string; source: string }[] = []
  testimonies.forEach((t, i) => {
    ids.push(rows[i]!.id)
    truth.push([t.theme, ...t.secondaryThemes].map((slug) => tagIds.get(slug)!))
    if (i < 160) for (const tagId of truth[i]!) taggings.push({ submission_id: rows[i]!.id, tag_id: tagId, source: 'seed' })
  })
  await db.insertInto('submission_tags').values(taggings).execute()
})
afterAll(() => close())

const api = () => callerFor(db, env, facilitator)
const handlers = () => jobHandlers(db, env)

/** Runs every queued training job to its end, as a worker would. */
async function runTraining() {
  const statuses: string[] = []
  for (let job = await claimJob(db, [TRAIN_TAG_MODEL_JOB], 'test-worker'); job; job = await claimJob(db, [TRAIN_TAG_MODEL_JOB], 'test-worker')) {
    statuses.push(await runClaimedJob(db, job, handlers()[TRAIN_TAG_MODEL_JOB]!, { workerId: 'test-worker' }))
  }
  return statuses
}

describe('tag suggestions', () => {
  it('"retrain now" queues one training; the job stores a model with cross-validated precision per tag, and suggests tags', async () => {
    const first = await api().suggestion.train()
    expect(first.queued).toBe(true)
    expect(await api().suggestion.train()).toEqual({ jobId: first.jobId, queued: false })
    expect(await runTraining()).toEqual(['succeeded'])

    const model = await db.selectFrom('tag_models').selectAll().executeTakeFirstOrThrow()
    expect(model.job_id).toBe(first.jobId)
    expect(model.taggings_count).toBeGreaterThanOrEqual(160)
    const metrics = model.metrics as { documents: number; folds: number; perTag: Record<string, { positives: number; suggested: number; correct: number; precision: number | null }>; overall: { precision: number } }
    expect(metrics.documents).toBe(160)
    expect(metrics.folds).toBe(5)
    const learned = Object.entries(metrics.perTag)
    expect(learned.length).toBeGreaterThan(8)
    for (const [tagId, m] of learned) {
      expect([...tagIds.values()]).toContain(tagId)
      expect(m.precision).toBe(m.suggested ? m.correct / m.suggested : null)
    }
    expect(metrics.overall.precision).toBeGreaterThan(0.6)

    // The codebook page shows it per tag, with the support.
    const codebook = await api().tag.codebook()
    const withPrecision = codebook.tags.filter((t) => t.heldOut?.precision != null)
    expect(withPrecision.length).toBeGreaterThan(5)
    expect(codebook.model.latest?.id).toBe(model.id)
    expect(codebook.model.job).toMatchObject({ status: 'succeeded', progress: 1 })

    // Untagged submissions got suggestions of tags they do not have; a good share are right.
    let right = 0
    let made = 0
    for (let i = 160; i < 240; i++) {
      const suggestions = await api().suggestion.list({ submissionId: ids[i]! })
      expect(suggestions.length).toBeLessThanOrEqual(3)
      for (const s of suggestions) {
        made++
        if (truth[i]!.includes(s.tagId)) right++
        expect(s.confidence).toBeGreaterThanOrEqual(0.4)
      }
    }
    expect(made).toBeGreaterThan(40)
    expect(right / made).toBeGreaterThan(0.6)
    // Tagged submissions are never offered a tag they already have.
    for (let i = 0; i < 20; i++) for (const s of await api().suggestion.list({ submissionId: ids[i]! })) expect(truth[i]).not.toContain(s.tagId)
  })

  it('records acceptance (a tagging from the suggestion) and rejection (never proposed again), both audited', async () => {
    let target = ''
    let suggestions: Awaited<ReturnType<ReturnType<typeof api>['suggestion']['list']>> = []
    for (const id of ids.slice(160)) {
      suggestions = await api().suggestion.list({ submissionId: id })
      target = id
      if (suggestions.length >= 2) break
    }
    expect(suggestions.length).toBeGreaterThanOrEqual(2)
    const [accept, reject] = suggestions
    const accepted = await api().suggestion.accept({ id: accept!.id })
    expect(accepted).toMatchObject({ status: 'accepted' })
    const tagging = await db.selectFrom('submission_tags').selectAll().where('id', '=', accepted.taggingId!).executeTakeFirstOrThrow()
    expect(tagging).toMatchObject({ submission_id: target, tag_id: accept!.tagId, source: 'suggestion', created_by: facilitator.id, span_start: null })
    await api().suggestion.reject({ id: reject!.id })
    const decided = await db.selectFrom('tag_suggestions').select(['id', 'status', 'decided_by']).where('id', 'in', [accept!.id, reject!.id]).execute()
    expect(Object.fromEntries(decided.map((d) => [d.id, [d.status, d.decided_by]]))).toEqual({ [accept!.id]: ['accepted', facilitator.id], [reject!.id]: ['rejected', facilitator.id] })
    const audits = await db.selectFrom('audit_log').select(['action', 'details']).where('target_id', '=', target).where('action', 'like', 'suggestion.%').orderBy('id').execute()
    expect(audits.map((a) => a.action)).toEqual(['suggestion.accept', 'suggestion.reject'])
    expect(audits[1]!.details).toMatchObject({ suggestionId: reject!.id, tagId: reject!.tagId })
    // A decided suggestion takes no second decision.
    await expect(api().suggestion.accept({ id: reject!.id })).rejects.toThrow(TRPCError)
    await expect(api().suggestion.reject({ id: accept!.id })).rejects.toMatchObject({ message: 'errors.suggestionDecided' })

    // Retrained: neither the accepted tag (it is applied) nor the rejected one comes back for this submission.
    await api().suggestion.train()
    expect(await runTraining()).toEqual(['succeeded'])
    const again = (await api().suggestion.list({ submissionId: target })).map((s) => s.tagId)
    expect(again).not.toContain(accept!.tagId)
    expect(again).not.toContain(reject!.tagId)
    expect(await db.selectFrom('tag_models').select('id').execute()).toHaveLength(2)
  })

  it(`queues a retraining in the background after ${RETRAIN_AFTER_TAGGINGS} new taggings by people, once`, async () => {
    const queued = () => db.selectFrom('jobs').select('id').where('kind', '=', TRAIN_TAG_MODEL_JOB).where('status', '=', 'queued').execute()
    expect(await queued()).toHaveLength(0)
    const tag = tagIds.get('courts')!
    const untagged = ids.slice(200, 200 + RETRAIN_AFTER_TAGGINGS + 5)
    for (const [i, submissionId] of untagged.slice(0, RETRAIN_AFTER_TAGGINGS - 1).entries()) {
      await api().tagging.add({ submissionId, tagId: i % 2 ? tag : tagIds.get('language-access')! })
    }
    expect(await queued()).toHaveLength(0)
    await api().tagging.add({ submissionId: untagged[RETRAIN_AFTER_TAGGINGS - 1]!, tagId: tag })
    expect(await queued()).toHaveLength(1)
    // More taggings while it waits do not queue another.
    await api().tagging.bulkAdd({ submissionIds: untagged.slice(RETRAIN_AFTER_TAGGINGS), tagId: tag })
    expect(await queued()).toHaveLength(1)
    expect(await runTraining()).toEqual(['succeeded'])
    // The new model read all of them: the count starts again.
    expect((await api().suggestion.model()).newTaggings).toBe(0)
  })

  it('a retried training attempt replaces its own model rather than adding a second', async () => {
    const { jobId } = await api().suggestion.train()
    const job = (await claimJob(db, [TRAIN_TAG_MODEL_JOB], 'w'))!
    expect(job.id).toBe(jobId)
    await handlers()[TRAIN_TAG_MODEL_JOB]!({ job, progress: async () => {}, signal: new AbortController().signal })
    const before = await db.selectFrom('tag_suggestions').select(['submission_id', 'tag_id', 'confidence']).where('status', '=', 'pending').orderBy('submission_id').orderBy('tag_id').execute()
    await handlers()[TRAIN_TAG_MODEL_JOB]!({ job, progress: async () => {}, signal: new AbortController().signal })
    expect(await db.selectFrom('tag_models').select('id').where('job_id', '=', jobId).execute()).toHaveLength(1)
    const after = await db.selectFrom('tag_suggestions').select(['submission_id', 'tag_id', 'confidence']).where('status', '=', 'pending').orderBy('submission_id').orderBy('tag_id').execute()
    expect(after).toEqual(before)
  })
})
