import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import type { SessionUser } from '../../server/services/auth'
import { seedCodebook } from '../../server/services/seed'
import { createTestDb, testEnv } from '../support/db'
import { callerFor, makeUser } from '../support/factories'

const env = testEnv()
let db: Db
let close: () => Promise<void>
let facilitator: SessionUser
let tagIds: Map<string, string>

beforeAll(async () => {
  ;({ db, close } = await createTestDb())
  facilitator = await makeUser(db, 'facilitator')
  tagIds = await seedCodebook(db)
})
afterAll(() => close())

describe('suggestion confidence as shown', () => {
  it('is capped by the tag’s tested precision and never 100 %, while the model’s confidence is kept', async () => {
    const [weak, strong, untested] = [...tagIds.values()]
    const model = await db
      .insertInto('tag_models')
      .values({
        taggings_count: 200,
        method: 'ovr-logistic-sgd',
        model: JSON.stringify({}),
        metrics: JSON.stringify({ perTag: { [weak!]: { positives: 40, suggested: 100, correct: 63, precision: 0.63, recall: 0.5 }, [strong!]: { positives: 40, suggested: 8, correct: 8, precision: 1, recall: 0.2 } } }),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const submission = await db.insertInto('submissions').values({ receipt_code: 'CNF-000-001', text_redacted: 'Agents waited outside the school.', language: 'en', status: 'accepted' }).returning('id').executeTakeFirstOrThrow()
    await db
      .insertInto('tag_suggestions')
      .values([
        { submission_id: submission.id, tag_id: weak!, model_id: model.id, confidence: 0.9996 },
        { submission_id: submission.id, tag_id: strong!, model_id: model.id, confidence: 0.42 },
        { submission_id: submission.id, tag_id: untested!, model_id: model.id, confidence: 0.97 },
      ])
      .execute()

    const list = await callerFor(db, env, facilitator).suggestion.list({ submissionId: submission.id })
    const byTag = new Map(list.map((s) => [s.tagId, s]))
    expect(byTag.get(weak!)).toMatchObject({ confidence: 0.9996 })
    expect(byTag.get(weak!)!.shownConfidence).toBeCloseTo(64 / 102, 6)
    expect(byTag.get(strong!)!.shownConfidence).toBeCloseTo(0.42, 6)
    expect(byTag.get(untested!)!.shownConfidence).toBe(0.5)
    for (const s of list) expect(s.shownConfidence).toBeLessThan(1)
  })
})
